package assessment

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Identity strings: the OPD code is the one identifier that is matched
// across installations (profile, bundle manifest and file name, the QR
// text on every report page, the assessor's key registry and recap,
// feedback). It is validated once, here, by every entry point, and stored
// only in its canonical form.
//
// The allowed alphabet is what every consumer accepts unchanged: A–Z, 0–9
// and '-', starting and ending with a letter or digit. That is exactly
// the set the bundle file name keeps (SafeName maps everything else to
// '-'), it contains neither the QR text's field separator ':' nor the
// space the QR encoder refuses (the reason `dinas kominfo` saved but every
// export failed), and it is inside QR alphanumeric mode. Since the
// alphabet is ASCII, an accepted code is trivially in Unicode NFC; Go's
// standard library has no normaliser, and none is needed.

// MaxOPDCodeLen is the longest OPD code, in characters (= bytes: ASCII).
const MaxOPDCodeLen = 32

// OPDCodeRule names the allowed characters, for messages and form hints.
const OPDCodeRule = "kode OPD hanya boleh berisi huruf A–Z, angka 0–9 dan tanda hubung (-), " +
	"diawali dan diakhiri huruf atau angka, paling banyak 32 karakter; contoh DISKOMINFO"

// IdentityKind says what is wrong with an identity string.
type IdentityKind string

// The kinds of IdentityError.
const (
	IdentityEmpty     IdentityKind = "empty"     // nothing but spaces
	IdentityTooLong   IdentityKind = "too-long"  // over MaxOPDCodeLen
	IdentitySpace     IdentityKind = "space"     // a space (also a no-break or other Unicode space) inside
	IdentityInvisible IdentityKind = "invisible" // control or format character: zero-width, BOM, bidi …
	IdentityLookalike IdentityKind = "lookalike" // a non-Latin letter that looks like A–Z or 0–9
	IdentityChar      IdentityKind = "char"      // any other character outside the alphabet
	IdentityEdge      IdentityKind = "edge"      // starts or ends with '-'
	IdentityEncoding  IdentityKind = "encoding"  // not valid UTF-8
	// IdentityNotCanonical: usable, but not in the stored form (lower
	// case, surrounding space): refused where a stored or signed value is
	// checked, since two spellings of one code must never both exist.
	IdentityNotCanonical IdentityKind = "not-canonical"
)

// IdentityError is an identity string that cannot be used. Its message is
// Bahasa Indonesia for the user and always names the allowed characters.
type IdentityError struct {
	Field   string // "kode OPD"
	Value   string // as given
	Kind    IdentityKind
	Rune    rune   // the offending character (Space, Invisible, Lookalike, Char)
	Pos     int    // its position, 1-based, in characters
	Suggest string // a usable code derived from Value, "" if none
}

func (e *IdentityError) Error() string {
	var what string
	switch e.Kind {
	case IdentityEmpty:
		what = e.Field + " wajib diisi"
	case IdentityTooLong:
		what = fmt.Sprintf("%s terlalu panjang (%d karakter)", e.Field, utf8.RuneCountInString(e.Value))
	case IdentitySpace:
		what = fmt.Sprintf("%s memuat %s pada karakter ke-%d", e.Field, spaceName(e.Rune), e.Pos)
	case IdentityInvisible:
		what = fmt.Sprintf("%s memuat karakter tak terlihat %U pada karakter ke-%d (sering terbawa saat menyalin teks)", e.Field, e.Rune, e.Pos)
	case IdentityLookalike:
		what = fmt.Sprintf("%s memuat %q (%U) pada karakter ke-%d: mirip huruf Latin %q tetapi huruf lain", e.Field, e.Rune, e.Rune, e.Pos, lookalike(e.Rune))
	case IdentityChar:
		what = fmt.Sprintf("%s memuat %q (%U) pada karakter ke-%d", e.Field, e.Rune, e.Rune, e.Pos)
	case IdentityEdge:
		what = e.Field + " tidak boleh diawali atau diakhiri tanda hubung"
	case IdentityNotCanonical:
		what = fmt.Sprintf("%s %q tidak dalam bentuk baku (huruf besar, tanpa spasi di tepi)", e.Field, e.Value)
	default:
		what = e.Field + " bukan teks UTF-8 yang sah"
	}
	msg := what + "; " + OPDCodeRule
	if e.Suggest != "" {
		msg += fmt.Sprintf(" (mungkin maksudnya %s)", e.Suggest)
	}
	return msg
}

func spaceName(r rune) string {
	if r == ' ' {
		return "spasi"
	}
	return fmt.Sprintf("spasi khusus %U (mis. spasi tak terputus)", r)
}

// ParseOPDCode returns the canonical form of an OPD code: surrounding
// white space (Unicode White_Space, so also a no-break space) removed, a–z upper-cased; everything else outside
// A–Z, 0–9, '-' is refused with an *IdentityError. Canonical codes compare
// with ==; ParseOPDCode(c) == c for every canonical c.
func ParseOPDCode(s string) (string, error) {
	code, k, r, pos := canonicalOPDCode(s)
	if k != "" {
		return "", &IdentityError{Field: "kode OPD", Value: s, Kind: k, Rune: r, Pos: pos, Suggest: suggestOPDCode(s)}
	}
	return code, nil
}

// canonicalOPDCode is ParseOPDCode without the message: the code, or what
// is wrong (kind, character, 1-based position).
func canonicalOPDCode(s string) (string, IdentityKind, rune, int) {
	if !utf8.ValidString(s) {
		return "", IdentityEncoding, 0, 0
	}
	t := strings.TrimSpace(s) // as every profile field; inside, a space is refused
	if t == "" {
		return "", IdentityEmpty, 0, 0
	}
	var b strings.Builder
	pos := 0
	for _, r := range t {
		pos++
		switch {
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		default:
			return "", classify(r), r, pos
		}
	}
	out := b.String()
	switch {
	case len(out) > MaxOPDCodeLen:
		return "", IdentityTooLong, 0, 0
	case out[0] == '-' || out[len(out)-1] == '-':
		return "", IdentityEdge, '-', 0
	}
	return out, "", 0, 0
}

// ValidOPDCode reports whether s is a canonical OPD code.
func ValidOPDCode(s string) bool { return CheckOPDCode(s) == nil }

// CheckOPDCode accepts only a canonical OPD code, as stored and signed:
// where a value arrives from another installation (bundle manifest,
// feedback) it is not silently repaired, since the signature covers it.
func CheckOPDCode(s string) error {
	c, err := ParseOPDCode(s)
	if err == nil && c != s {
		err = &IdentityError{Field: "kode OPD", Value: s, Kind: IdentityNotCanonical, Suggest: c}
	}
	return err
}

// classify names what a character outside the alphabet is.
func classify(r rune) IdentityKind {
	switch {
	case unicode.Is(unicode.Cc, r), unicode.Is(unicode.Cf, r):
		return IdentityInvisible
	case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
		return IdentitySpace
	case lookalike(r) != 0:
		return IdentityLookalike
	}
	return IdentityChar
}

// lookalike is the ASCII letter or digit r is confused with, 0 if none.
func lookalike(r rune) rune {
	if r < utf8.RuneSelf {
		return 0
	}
	if m := foldConfusable(r); m < utf8.RuneSelf && (unicode.IsLetter(m) || unicode.IsDigit(m)) {
		return m
	}
	return 0
}

// suggestOPDCode derives a usable code from a refused one ("dinas
// kominfo" → "DINAS-KOMINFO"): separators become '-', look-alikes their
// Latin letter, invisible characters go. "" when that is not canonical.
func suggestOPDCode(s string) string {
	if !utf8.ValidString(s) {
		return ""
	}
	var b strings.Builder
	for _, r := range s {
		m := foldConfusable(r)
		switch {
		case m >= 'A' && m <= 'Z', m >= '0' && m <= '9':
			b.WriteRune(m)
		case unicode.IsSpace(r), unicode.Is(unicode.Zs, r), r == '-', r == '_', r == '.', r == '/':
			b.WriteRune('-')
		}
	}
	k := strings.Trim(b.String(), "-")
	for strings.Contains(k, "--") {
		k = strings.ReplaceAll(k, "--", "-")
	}
	if c, bad, _, _ := canonicalOPDCode(k); bad == "" {
		return c
	}
	return ""
}

// OPDMatchKey is the key two OPD codes are matched by (the "skeleton", in
// the sense of Unicode TS #39): codes with the same key are the same OPD
// for the key registry, the import policy and the recap. It folds case,
// drops every character that is not a letter or digit (spaces of any
// kind, '-', '_', '.', control and format characters such as zero-width
// spaces, BOM and bidi marks, and combining marks U+0300–U+036F and the
// other nonspacing marks — which also handles decomposed sequences such as
// "O" + U+0308, in place of the NFD/NFC normaliser the standard library
// lacks), maps look-alike letters of other scripts to the Latin letter
// they are confused with (confusableTable), and folds the digit 0 into O
// and 1 into I, since "DISK0MINFO" and "DISKOMINFO" look the same in a
// recap. The empty key matches nothing.
func OPDMatchKey(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	for _, r := range s {
		r = foldConfusable(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		switch r {
		case '0':
			r = 'O'
		case '1':
			r = 'I'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// SameOPD reports whether two OPD codes name the same OPD.
func SameOPD(a, b string) bool {
	ka := OPDMatchKey(a)
	return ka != "" && ka == OPDMatchKey(b)
}

// foldConfusable maps r to the upper-case Latin letter or digit it looks
// like, else to its upper case. Nonspacing marks come back unchanged
// (they are not letters, so OPDMatchKey drops them).
func foldConfusable(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return r - 'a' + 'A'
	case r < utf8.RuneSelf:
		return r
	}
	if m, ok := foldRange(r); ok {
		return m
	}
	if m, ok := confusable[r]; ok {
		return m
	}
	if u := unicode.ToUpper(r); u != r {
		if m, ok := confusable[u]; ok {
			return m
		}
		return u
	}
	return r
}

// foldRange maps the blocks that repeat the Latin alphabet or the digits
// in order: fullwidth forms and mathematical alphanumerics.
func foldRange(r rune) (rune, bool) {
	switch {
	case r >= 0xFF21 && r <= 0xFF3A: // fullwidth A–Z
		return r - 0xFF21 + 'A', true
	case r >= 0xFF41 && r <= 0xFF5A: // fullwidth a–z
		return r - 0xFF41 + 'A', true
	case r >= 0xFF10 && r <= 0xFF19: // fullwidth 0–9
		return r - 0xFF10 + '0', true
	case r >= 0x1D400 && r <= 0x1D6A3: // mathematical bold … monospace A–Z a–z, 52 per style
		return 'A' + (r-0x1D400)%52%26, true
	case r >= 0x1D7CE && r <= 0x1D7FF: // mathematical digits, 10 per style
		return '0' + (r-0x1D7CE)%10, true
	}
	return 0, false
}

// confusable maps characters of other scripts to the Latin capital letter
// or digit they are visually confused with. Source: the subset of Unicode
// confusables.txt (UTS #39, security/16.0.0) whose target is a Latin
// letter A–Z / a–z or a digit, for the scripts and blocks an Indonesian
// keyboard, a copied document or a forger is likely to produce: Cyrillic,
// Greek, Armenian, letterlike symbols, Roman numerals, Latin letters with
// diacritics (what NFD would decompose), and a few IPA/Latin extended
// forms; fullwidth and mathematical alphanumerics are ranges in
// foldConfusable. Lower-case entries map to the capital, as codes are
// case-insensitive.
var confusable = func() map[rune]rune {
	m := map[rune]rune{}
	for target, from := range map[rune]string{
		'A': "АаΑαÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎɑ\u212B",
		'B': "ВвΒƁʙ",
		'C': "СсϹϲÇçĆćĈĉĊċČčⅭⅽℂ",
		'D': "ÐĎďĐđⅮⅾ",
		'E': "ЕеЁёΕÈÉÊËèéêëĒēĔĕĖėĘęĚě",
		'F': "Ϝ",
		'G': "ĜĝĞğĠġĢģԌ",
		'H': "НнҺһΗĤĥĦħℋℌℍ",
		'I': "ІіЇїӀΙιÌÍÎÏìíîïĨĩĪīĬĭĮįİıǀⅠⅰℐℑ",
		'J': "ЈјϳĴĵ",
		'K': "КкΚκĶķ\u212A",
		'L': "ĹĺĻļĽľĿŀŁłⅬⅼℒ",
		'M': "МмΜⅯⅿ",
		'N': "ΝÑñŃńŅņŇňℕ",
		'O': "ОоΟοՕօÒÓÔÕÖØòóôõöøŌōŎŏŐőσ",
		'P': "РрΡρℙ",
		'Q': "Ԛԛℚ",
		'R': "ŔŕŖŗŘřℛℜℝ",
		'S': "ЅѕŚśŜŝŞşŠš",
		'T': "ТтΤτŢţŤťŦŧ",
		'U': "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųՍ",
		'V': "ⅤⅴνѴѵ",
		'W': "ԜԝŴŵ",
		'X': "ХхΧχⅩⅹ",
		'Y': "УуҮүΥÝýÿŶŷŸ",
		'Z': "ΖŹźŻżŽžℤ",
		'3': "З",
	} {
		for _, r := range from {
			m[r] = target
		}
	}
	return m
}()

// The periode is the assessment year; the same range holds for the OPD
// store, the bundle manifest and feedback.
const (
	MinPeriode = 2000
	MaxPeriode = 2100
)

// ValidPeriode reports whether p is a periode the app accepts.
func ValidPeriode(p int) bool { return p >= MinPeriode && p <= MaxPeriode }
