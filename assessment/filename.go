package assessment

import (
	"path"
	"strings"
)

// LocalFileName is the one rule for turning a name that came from
// elsewhere (an evidence file's original name, from the OPD's PC or a
// bundle) into a file name that is safe to create on Windows, macOS and
// Linux:
//
//   - only the last element counts: `\` and `/` both separate folders,
//     so "C:\Users\x\SK.pdf" and "../../SK.pdf" give "SK.pdf";
//   - characters Windows refuses in a name (`<>:"/\|?*` and control
//     characters) become "_": a drive prefix "X:" or an NTFS stream
//     "a:b" stays visible in the name instead of being taken as a path;
//   - trailing dots and spaces are dropped (Windows drops them itself,
//     so "SK.pdf." would silently become another name);
//   - a reserved device name (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9,
//     in any case and with any extension, e.g. "nul.pdf") gets a "_"
//     in front, since Windows would open the device instead of a file;
//   - nothing left (or "." or "..") gives fallback.
func LocalFileName(name, fallback string) string {
	name = path.Base(path.Clean("/" + strings.ReplaceAll(name, `\`, "/")))
	if name == "/" {
		return fallback
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, name)
	name = strings.TrimRight(name, ". ")
	if name == "" {
		return fallback
	}
	if reservedDeviceName(name) {
		name = "_" + name
	}
	return name
}

// reservedDeviceName reports whether Windows takes name as a device: its
// part before the first dot, without trailing spaces, is one of the DOS
// device names.
func reservedDeviceName(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	stem = strings.ToUpper(strings.TrimRight(stem, " "))
	switch stem {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(stem) == 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) {
		return stem[3] >= '1' && stem[3] <= '9'
	}
	return false
}
