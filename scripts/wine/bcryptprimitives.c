/*
 * TEST ONLY, never shipped: Debian 12's Wine 8.0 has no bcryptprimitives.dll,
 * whose ProcessPrng the Go >= 1.22 runtime loads at start ("fatal error:
 * bcryptprimitives.dll not found"). Windows 10 and 11 have it. This stand-in
 * is copied into a throw-away Wine prefix by scripts/windows-smoke.sh only.
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
