package intake

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// OPD identity at intake. Two codes with the same assessment.OPDMatchKey
// are one OPD: the registry binds at most one live key per OPD, and holds
// the one spelling under which the OPD is stored.

// Identity is the OPD binding of a verified bundle claiming OPD kode,
// signed by the registered key: KUNCI BERBEDA when the key is bound to
// another OPD or the OPD has another live key (opdKeys, see
// Registry.OPDKeys); RejectOPDCode when kode is a second spelling of the
// OPD (registered, the spelling in the registry, "" when none). Code ""
// passes.
func Identity(kode string, key Key, opdKeys []Key, registered string) (code, reason string) {
	const again = "; minta OPD memakai kode itu di Profil OPD lalu ekspor ulang. Bundel tidak disimpan"
	switch {
	case key.OPDKode != "" && !assessment.SameOPD(key.OPDKode, kode):
		return RejectDifferentKey, DifferentOPDReason(kode, key)
	case key.OPDKode != "" && key.OPDKode != kode:
		return RejectOPDCode, SpellingReason(kode, key.OPDKode) + " — kunci ini terdaftar untuk OPD tersebut" + again
	}
	if other, ok := OtherKey(opdKeys, key.KeyID); ok {
		return RejectDifferentKey, DifferentKeyReason(kode, other, key.KeyID, key.Fingerprint) + ". Bundel tidak disimpan"
	}
	if registered != "" && registered != kode {
		return RejectOPDCode, SpellingReason(kode, registered) + again
	}
	return "", ""
}

// KeyBinding applies the key binding to an OPD code raw that is not
// known to be valid (the verifier refused the bundle for it, or its
// signer is not registered), so that a case, spacing or look-alike
// variant of a registered OPD meets the same hard stop KUNCI BERBEDA as
// the real code. signer is the registered key of the signature's key id
// keyID, nil if unknown. stop false: no binding is violated.
func KeyBinding(raw string, signer *Key, keyID string, opdKeys []Key) (code, reason string, stop bool) {
	if signer != nil && signer.OPDKode != "" && !assessment.SameOPD(raw, signer.OPDKode) {
		return RejectDifferentKey, DifferentOPDReason(raw, *signer), true
	}
	other, ok := OtherKey(opdKeys, keyID)
	if !ok {
		return "", "", false
	}
	fp := ""
	if signer != nil {
		fp = signer.Fingerprint
	}
	return RejectDifferentKey, DifferentKeyReason(raw, other, keyID, fp) + ". Bundel tidak disimpan", true
}

// OtherKey is the first of an OPD's live keys that is not keyID: the
// key that makes keyID a KUNCI BERBEDA for that OPD.
func OtherKey(opdKeys []Key, keyID string) (Key, bool) {
	for _, k := range opdKeys {
		if k.KeyID != keyID {
			return k, true
		}
	}
	return Key{}, false
}

// DifferentOPDReason is the KUNCI BERBEDA reason of a key bound to
// another OPD than the one claimed.
func DifferentOPDReason(claimed string, key Key) string {
	return fmt.Sprintf(
		"KUNCI BERBEDA: bundel mengaku dari OPD %s, tetapi ditandatangani kunci %s (sidik jari %s) yang terdaftar untuk OPD %s. "+
			"Bisa jadi pemalsuan atau salah kirim; hubungi kedua OPD lewat nomor yang sudah dikenal. Bundel tidak disimpan",
		VisibleCode(claimed), Short(key.KeyID), key.Fingerprint, key.OPDKode)
}

// DifferentKeyReason is the KUNCI BERBEDA reason of an OPD (claimed as
// it arrived) registered with key registered that arrives with, or is
// being given, key otherKeyID (fingerprint otherFP, "" if unknown).
func DifferentKeyReason(claimed string, registered Key, otherKeyID, otherFP string) string {
	fp := ""
	if otherFP != "" {
		fp = " (sidik jari " + otherFP + ")"
	}
	prefix := ""
	if claimed != "" && claimed != registered.OPDKode {
		prefix = fmt.Sprintf("kode %s dianggap OPD %s (huruf besar/kecil, spasi dan huruf yang mirip tidak membedakan OPD). ",
			VisibleCode(claimed), registered.OPDKode)
	}
	return prefix + fmt.Sprintf("KUNCI BERBEDA: OPD %s terdaftar dengan kunci %s (sidik jari %s, %s), tetapi ini kunci %s%s. "+
		"Bisa jadi pemalsuan, atau OPD memasang ulang aplikasi dan membuat kunci baru. Hubungi OPD lewat nomor yang sudah dikenal "+
		"dan cocokkan sidik jari; bila kunci baru memang sah, cabut kunci lama (`spbe-mandiri keys revoke %s`), daftarkan yang baru "+
		"(`spbe-mandiri keys add BERKAS --opd %s`), lalu impor lagi",
		registered.OPDKode, Short(registered.KeyID), registered.Fingerprint, registered.Status.Label(), Short(otherKeyID), fp,
		Short(registered.KeyID), registered.OPDKode)
}

// SpellingReason says that kode names the OPD registered as registered
// under another spelling ("DISK0MINFO" for "DISKOMINFO").
func SpellingReason(kode, registered string) string {
	return fmt.Sprintf("kode OPD %s dianggap sama dengan OPD %s yang sudah terdaftar (huruf besar/kecil, spasi, tanda baca, "+
		"angka 0/1 dan huruf yang mirip tidak membedakan OPD); pakai kode persis %s", kode, registered, registered)
}

// VisibleCode shows an OPD code so that a look-alike never looks like the
// real one: a canonical code as it is, anything else with every character
// outside printable ASCII written as <U+XXXX>.
func VisibleCode(s string) string {
	if assessment.ValidOPDCode(s) {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, string(utf8.RuneError)) {
		if r > ' ' && r < 0x7f {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "<%U>", r)
		}
	}
	return b.String()
}
