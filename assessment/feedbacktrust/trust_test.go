package feedbacktrust

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var withdrawnAt = time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)

var (
	trusted   = Key{KeyID: "abcdef0123456789ffff", Fingerprint: "FP", Found: true}
	withdrawn = Key{KeyID: "abcdef0123456789ffff", Fingerprint: "FP", Found: true, UntrustedAt: withdrawnAt}
	unknown   = Key{KeyID: "abcdef0123456789ffff"}
)

// TestAdmit is the trust rule of an import given with the signer's key
// file: who is trusted first, who is refused and why.
func TestAdmit(t *testing.T) {
	for _, tc := range []struct {
		name      string
		key       Key
		req       Request
		trust     bool
		withdrawn bool   // refused as a *WithdrawnKeyError
		refusal   string // part of another refusal
	}{
		{name: "trusted key is used as it is", key: trusted, req: Request{}},
		{name: "trusted key with --trust: nothing to trust", key: trusted, req: Request{Trust: true}},
		{name: "unknown key with --trust is trusted first", key: unknown, req: Request{Trust: true}, trust: true},
		{name: "unknown key without --trust is refused", key: unknown, req: Request{KeyFile: "/media/usb/KUNCI_ASESOR.json", KeyFingerprint: "FP"},
			refusal: "/media/usb/KUNCI_ASESOR.json belum dipercaya (sidik jari FP)"},
		{name: "--retrust of a key never trusted is refused", key: unknown, req: Request{KeyFile: "/media/usb/KUNCI_ASESOR.json", Retrust: true},
			refusal: "KUNCI_ASESOR.json (sidik jari ) belum pernah dipercaya"},
		{name: "withdrawn key with --trust stays refused", key: withdrawn, req: Request{Trust: true}, withdrawn: true},
		{name: "withdrawn key is trusted again only with --retrust", key: withdrawn, req: Request{Retrust: true}, trust: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			trust, err := Admit(tc.key, tc.req)
			var we *WithdrawnKeyError
			switch {
			case tc.withdrawn:
				if !errors.As(err, &we) || we.Fingerprint != "FP" || !we.UntrustedAt.Equal(withdrawnAt) {
					t.Fatalf("err = %v, want a WithdrawnKeyError", err)
				}
			case tc.refusal != "":
				if err == nil || !strings.Contains(err.Error(), tc.refusal) {
					t.Fatalf("err = %v, want %q", err, tc.refusal)
				}
			case err != nil:
				t.Fatalf("err = %v", err)
			}
			if trust != tc.trust {
				t.Errorf("trust = %v, want %v", trust, tc.trust)
			}
		})
	}
}

// TestImportableAndNeedsTrust: feedback is stored only under a key
// trusted now; trusting again is a no-op, re-trusting a withdrawn key
// needs retrust.
func TestImportableAndNeedsTrust(t *testing.T) {
	var ue *UntrustedKeyError
	if err := Importable(unknown); !errors.As(err, &ue) || ue.KeyID != unknown.KeyID || !strings.Contains(err.Error(), "--trust") {
		t.Errorf("unknown: %v", err)
	}
	var we *WithdrawnKeyError
	if err := Importable(withdrawn); !errors.As(err, &we) || !strings.Contains(err.Error(), "--retrust") {
		t.Errorf("withdrawn: %v", err)
	}
	if err := Importable(trusted); err != nil {
		t.Errorf("trusted: %v", err)
	}
	for _, tc := range []struct {
		name    string
		key     Key
		retrust bool
		need    bool
		refused bool
	}{
		{"unknown", unknown, false, true, false},
		{"trusted", trusted, false, false, false},
		{"trusted, retrust", trusted, true, false, false},
		{"withdrawn", withdrawn, false, false, true},
		{"withdrawn, retrust", withdrawn, true, true, false},
	} {
		need, err := NeedsTrust(tc.key, tc.retrust)
		if need != tc.need || (err != nil) != tc.refused {
			t.Errorf("%s: NeedsTrust = %v, %v", tc.name, need, err)
		}
	}
	if (Key{UntrustedAt: withdrawnAt}).Withdrawn() {
		t.Error("a key never trusted is not withdrawn")
	}
}
