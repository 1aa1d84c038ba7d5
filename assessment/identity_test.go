package assessment

import (
	"errors"
	"strings"
	"testing"
)

// opdCodeCases are the identity strings of the rule's tests and the seeds
// of its fuzz target: want is the canonical code, "" when refused with kind.
var opdCodeCases = []struct {
	name, in, want string
	kind           IdentityKind
}{
	{"plain", "DISKOMINFO", "DISKOMINFO", ""},
	{"lower case", "diskominfo", "DISKOMINFO", ""},
	{"mixed case", "DisKominfo", "DISKOMINFO", ""},
	{"hyphen and digits", "UPTD-2", "UPTD-2", ""},
	{"surrounding spaces", "  DISKOMINFO \t", "DISKOMINFO", ""},
	{"trailing newline", "DISKOMINFO\n", "DISKOMINFO", ""},
	{"32 characters", strings.Repeat("A", 32), strings.Repeat("A", 32), ""},
	{"empty", "", "", IdentityEmpty},
	{"only spaces", "   ", "", IdentityEmpty},
	{"too long", strings.Repeat("A", 33), "", IdentityTooLong},
	{"inner space", "dinas kominfo", "", IdentitySpace},
	{"NBSP inside", "DINAS\u00a0KOMINFO", "", IdentitySpace},
	{"NBSP around", "\u00a0DISKOMINFO\u00a0", "DISKOMINFO", ""},
	{"ideographic space inside", "DISKO\u3000MINFO", "", IdentitySpace},
	{"zero-width space", "DISKO\u200bMINFO", "", IdentityInvisible},
	{"zero-width joiner", "DISKOMINFO\u200d", "", IdentityInvisible},
	{"BOM", "\ufeffDISKOMINFO", "", IdentityInvisible},
	{"bidi override", "DISKOMINFO\u202e", "", IdentityInvisible},
	{"bidi mark", "\u200fDISKOMINFO", "", IdentityInvisible},
	{"tab inside", "DISKO\tMINFO", "", IdentityInvisible},
	{"NUL", "DISK\x00", "", IdentityInvisible},
	{"escape", "DISK\x1b[31m", "", IdentityInvisible},
	{"Cyrillic O", "DISK\u041eMINFO", "", IdentityLookalike},
	{"Cyrillic A E P C", "\u0410\u0415\u0420\u0421", "", IdentityLookalike},
	{"Cyrillic lower o", "disk\u043eminfo", "", IdentityLookalike},
	{"Greek Omicron", "DISK\u039fMINFO", "", IdentityLookalike},
	{"fullwidth", "\uff24\uff29\uff33\uff2b\uff2f\uff2d\uff29\uff2e\uff26\uff2f", "", IdentityLookalike},
	{"fullwidth digit", "UPTD\uff12", "", IdentityLookalike},
	{"Kelvin sign", "DIS\u212aOMINFO", "", IdentityLookalike},
	{"precomposed O umlaut", "DISK\u00d6MINFO", "", IdentityLookalike},
	{"combining diaeresis", "DISKO\u0308MINFO", "", IdentityChar},
	{"underscore", "DINAS_KOMINFO", "", IdentityChar},
	{"dot", "DINAS.KOMINFO", "", IdentityChar},
	{"colon (QR separator)", "DINAS:KOMINFO", "", IdentityChar},
	{"slash", "DINAS/KOMINFO", "", IdentityChar},
	{"emoji", "DISKOMINFO😀", "", IdentityChar},
	{"leading hyphen", "-DISKOMINFO", "", IdentityEdge},
	{"trailing hyphen", "DISKOMINFO-", "", IdentityEdge},
	{"invalid UTF-8", "DISK\xffOMINFO", "", IdentityEncoding},
}

func TestParseOPDCode(t *testing.T) {
	for _, c := range opdCodeCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseOPDCode(c.in)
			if c.kind == "" {
				if err != nil || got != c.want {
					t.Fatalf("ParseOPDCode(%q) = %q, %v; want %q", c.in, got, err, c.want)
				}
				return
			}
			var ie *IdentityError
			if !errors.As(err, &ie) || ie.Kind != c.kind {
				t.Fatalf("ParseOPDCode(%q) = %q, %v; want an IdentityError of kind %s", c.in, got, err, c.kind)
			}
			if !strings.Contains(err.Error(), "A–Z, angka 0–9 dan tanda hubung (-)") {
				t.Errorf("message does not name the allowed characters: %s", err)
			}
		})
	}
}

func TestParseOPDCodeMessages(t *testing.T) {
	for in, want := range map[string]string{
		"dinas kominfo":         "memuat spasi pada karakter ke-6; kode OPD hanya boleh berisi huruf A–Z, angka 0–9 dan tanda hubung (-), diawali dan diakhiri huruf atau angka, paling banyak 32 karakter; contoh DISKOMINFO (mungkin maksudnya DINAS-KOMINFO)",
		"DISK\u041eMINFO":       "mirip huruf Latin 'O' tetapi huruf lain",
		"DINAS\u00a0KOMINFO":    "spasi khusus U+00A0 (mis. spasi tak terputus)",
		"\ufeffDISKOMINFO":      "karakter tak terlihat U+FEFF",
		"DINAS_KOMINFO":         "(mungkin maksudnya DINAS-KOMINFO)",
		"DISK\u041eMINFO\u200b": "(mungkin maksudnya DISKOMINFO)",
	} {
		_, err := ParseOPDCode(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseOPDCode(%q): %v\nwant it to contain %q", in, err, want)
		}
	}
}

// TestOPDMatchKey: every variant of a registered code that a user or a
// forger can produce matches it; different OPDs do not.
func TestOPDMatchKey(t *testing.T) {
	same := []string{
		"DISKOMINFO", "diskominfo", " DisKominfo ", "DISK-OMINFO", "DISK_OMINFO", "Disk.Ominfo", "disk ominfo",
		"DISKOMINFO\u00a0", "DISKO\u200bMINFO", "\ufeffDISKOMINFO", "DISKOMINFO\u202e", "DISKOMINFO\u2060",
		"DISK\u041eMINFO", "DISK\u043eMINFO", "DISK\u039fMINFO", "DISK\u03bfMINFO", "DISK0MINFO", "D1SKOMINFO",
		"\uff24\uff29\uff33\uff2b\uff2f\uff2d\uff29\uff2e\uff26\uff2f", "\uff44iskominfo",
		"DISKO\u0308MINFO", "DISK\u00d6MINFO", "DIS\u212aOMINFO", "DISKOM\u0406NFO", "\U0001d403ISKOMINFO",
	}
	for _, s := range same {
		if !SameOPD(s, "DISKOMINFO") {
			t.Errorf("OPDMatchKey(%q) = %q, want %q", s, OPDMatchKey(s), OPDMatchKey("DISKOMINFO"))
		}
	}
	cyr := "\u0410\u0415\u0420\u0421" // Cyrillic А Е Р С
	if !SameOPD(cyr, "AEPC") {
		t.Errorf("Cyrillic AEPC: %q", OPDMatchKey(cyr))
	}
	for _, pair := range [][2]string{{"DISKOMINFO", "DISKOMINFOS"}, {"DINKES", "DISDIK"}, {"UPTD-2", "UPTD-3"}, {"", ""}, {"-", "_"}} {
		if SameOPD(pair[0], pair[1]) {
			t.Errorf("%q and %q match (key %q)", pair[0], pair[1], OPDMatchKey(pair[0]))
		}
	}
}

// TestCanonicalCodesAreExportSafe: an accepted code passes unchanged
// through what export does with it (the file name's SafeName reduction
// keeps A–Z, 0–9, '-'; the QR text refuses ':' and spaces).
func TestCanonicalCodesAreExportSafe(t *testing.T) {
	for _, c := range opdCodeCases {
		if got, err := ParseOPDCode(c.in); err == nil {
			checkExportSafe(t, c.in, got)
		}
	}
}

func checkExportSafe(t *testing.T, in, code string) {
	t.Helper()
	again, err := ParseOPDCode(code)
	if err != nil || again != code || !ValidOPDCode(code) {
		t.Fatalf("ParseOPDCode(%q) = %q, but %q is not canonical: %q, %v", in, code, code, again, err)
	}
	if code == "" || len(code) > MaxOPDCodeLen || code[0] == '-' || code[len(code)-1] == '-' {
		t.Fatalf("ParseOPDCode(%q) = %q: empty, too long or hyphen at an edge", in, code)
	}
	for _, r := range code {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			t.Fatalf("ParseOPDCode(%q) = %q contains %q", in, code, r)
		}
	}
}

func FuzzParseOPDCode(f *testing.F) {
	for _, c := range opdCodeCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, err := ParseOPDCode(s)
		if err == nil {
			checkExportSafe(t, s, code)
			if !SameOPD(code, s) {
				t.Fatalf("canonical %q does not match its input %q", code, s)
			}
		} else if !strings.Contains(err.Error(), "A–Z") {
			t.Fatalf("message without the rule: %v", err)
		}
		if k := OPDMatchKey(s); OPDMatchKey(k) != k {
			t.Fatalf("OPDMatchKey not idempotent on %q: %q → %q", s, k, OPDMatchKey(k))
		}
	})
}

func TestCheckOPDCode(t *testing.T) {
	if err := CheckOPDCode("DISKOMINFO"); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"diskominfo", " DISKOMINFO", "DISK\u041eMINFO", "dinas kominfo", ""} {
		if CheckOPDCode(s) == nil || ValidOPDCode(s) {
			t.Errorf("CheckOPDCode(%q) accepted a code that is not canonical", s)
		}
	}
	var ie *IdentityError
	if err := CheckOPDCode("diskominfo"); !errors.As(err, &ie) || ie.Kind != IdentityNotCanonical || ie.Suggest != "DISKOMINFO" {
		t.Errorf("lower case: %v", err)
	}
}

func TestValidPeriode(t *testing.T) {
	for p, want := range map[int]bool{1999: false, 2000: true, 2026: true, 2100: true, 2101: false, -2026: false} {
		if ValidPeriode(p) != want {
			t.Errorf("ValidPeriode(%d) = %v", p, !want)
		}
	}
}
