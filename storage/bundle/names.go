package bundle

import (
	"regexp"
	"strings"
)

// Entry names of a bundle.
const (
	EntryManifest  = "manifest.json"
	EntrySignature = "manifest.sig.json"
	EntryAnswers   = "answers.json"
	EntryReport    = "report.pdf"
	evidenceDir    = "evidence/"
)

// entryPattern is the one whitelist of entry names, shared by writer and
// reader. The original file name of evidence lives only in the manifest.
var entryPattern = regexp.MustCompile(`^(manifest\.json|manifest\.sig\.json|answers\.json|report\.pdf|evidence/[0-9a-f]{16}-[a-z0-9][a-z0-9._-]{0,80})$`)

// ValidEntryName reports whether name is allowed in a bundle.
func ValidEntryName(name string) bool { return entryPattern.MatchString(name) }

// maxSanitised is the longest sanitised name the whitelist allows.
const maxSanitised = 81

// EvidencePath is the entry name of an evidence file:
// evidence/<first 16 hex of its SHA-256>-<sanitised original name>.
func EvidencePath(sha256, originalName string) string {
	return evidenceDir + sha256[:16] + "-" + SanitiseName(originalName)
}

// SanitiseName maps a file name to [a-z0-9][a-z0-9._-]{0,80}: ASCII letters
// lowered, runs of anything else (spaces, accents, path separators) become
// one '-', leading separators dropped, and a long name is cut in its stem
// so its extension survives. An empty result becomes "berkas".
func SanitiseName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		ok := r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-')
		if !ok {
			if !dash {
				b.WriteByte('-')
			}
			dash = true
			continue
		}
		if r == '-' && dash {
			continue
		}
		b.WriteRune(r)
		dash = r == '-'
	}
	s := strings.TrimLeft(b.String(), "._-")
	if s == "" {
		return "berkas"
	}
	return shorten(s)
}

// shorten cuts s to maxSanitised bytes, keeping a short extension.
func shorten(s string) string {
	if len(s) <= maxSanitised {
		return s
	}
	ext := ""
	if i := strings.LastIndexByte(s, '.'); i > 0 && len(s)-i <= 10 {
		ext = s[i:]
	}
	return s[:maxSanitised-len(ext)] + ext
}
