package intake

import (
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// TestDecide is the import policy as a table: each row is a verified
// bundle (from DISKOMINFO, periode 2026, sequence 5, signed by key K1)
// against one registry state.
func TestDecide(t *testing.T) {
	now := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	k1 := Key{KeyID: "K1aaaaaaaaaaaaaaaaaaaa", Fingerprint: "FP1", OPDKode: "DISKOMINFO", Status: assessment.KeyVerified, LastSequence: 4}
	k2 := Key{KeyID: "K2bbbbbbbbbbbbbbbbbbbb", Fingerprint: "FP2", OPDKode: "DISKOMINFO", Status: assessment.KeyPending}
	accepted := &Ref{BundleID: "B-old", ManifestSHA256: "sha-old"}
	base := Bundle{BundleID: "B-new", ManifestSHA256: "sha-new", OPDKode: "DISKOMINFO", Periode: 2026, Sequence: 5,
		KeyID: k1.KeyID, Fingerprint: "FP1", CreatedAt: "2026-11-01T10:00:00+08:00", Score: ScoreClaim{Index: "3.5", Answered: 47, Total: 47}}
	signer := func(k Key) *Key { return &k }
	for _, tc := range []struct {
		name   string
		bundle func(b *Bundle)
		reg    Registry
		kind   Kind
		code   string
		reason string // a part of the reason the assessor must read
		check  func(t *testing.T, d Decision)
	}{
		{name: "first bundle of the OPD and periode is baru", reg: Registry{Signer: signer(k1), OPDKeys: []Key{k1}}, kind: KindNew,
			check: func(t *testing.T, d Decision) {
				if d.KeyStatus != assessment.KeyVerified || d.Supersedes != "" || d.ConflictWith != "" || len(d.Warnings) != 0 {
					t.Errorf("%+v", d)
				}
			}},
		{name: "same manifest again is sudah diimpor, whatever the key", reg: Registry{Stored: &Ref{"B-new", "sha-new"}}, kind: KindDuplicate},
		{name: "bundle id reused with other content", reg: Registry{Stored: &Ref{"B-new", "sha-other"}, Signer: signer(k1)},
			kind: KindRejected, code: RejectBundleID, reason: "sudah dipakai bundel lain"},
		{name: "naming the accepted bundle makes versi baru",
			bundle: func(b *Bundle) { b.Supersedes = &Ref{"B-old", "sha-old"} },
			reg:    Registry{Signer: signer(k1), Accepted: accepted}, kind: KindNewVersion,
			check: func(t *testing.T, d Decision) {
				if d.Supersedes != "B-old" {
					t.Errorf("supersedes %q", d.Supersedes)
				}
			}},
		{name: "naming another manifest of the accepted id is konflik",
			bundle: func(b *Bundle) { b.Supersedes = &Ref{"B-old", "sha-forged"} },
			reg:    Registry{Signer: signer(k1), Accepted: accepted}, kind: KindConflict,
			check: func(t *testing.T, d Decision) {
				if d.ConflictWith != "B-old" || d.Supersedes != "" {
					t.Errorf("%+v", d)
				}
			}},
		{name: "not naming the accepted bundle is konflik", reg: Registry{Signer: signer(k1), Accepted: accepted}, kind: KindConflict},
		{name: "unknown signer says how to register the key", reg: Registry{}, kind: KindRejected, code: RejectUnknownKey, reason: "keys add"},
		{name: "unknown signer for an OPD with a key is KUNCI BERBEDA", bundle: func(b *Bundle) { b.KeyID = "K9zzzzzzzzzzzzzzzzzz" },
			reg: Registry{OPDKeys: []Key{k1}}, kind: KindRejected, code: RejectDifferentKey, reason: "KUNCI BERBEDA"},
		{name: "revoked signer", reg: Registry{Signer: signer(Key{KeyID: k1.KeyID, OPDKode: "DISKOMINFO", Status: assessment.KeyRevoked, RevokedAt: now})},
			kind: KindRejected, code: RejectRevokedKey, reason: "sudah dicabut",
			check: func(t *testing.T, d Decision) {
				if d.KeyStatus != assessment.KeyRevoked {
					t.Errorf("key status %q", d.KeyStatus)
				}
			}},
		{name: "key bound to another OPD", bundle: func(b *Bundle) { b.OPDKode = "DINKES" },
			reg: Registry{Signer: signer(k1)}, kind: KindRejected, code: RejectDifferentKey, reason: "terdaftar untuk OPD DISKOMINFO"},
		{name: "key bound to another spelling of the OPD", bundle: func(b *Bundle) { b.OPDKode = "DISK0MINFO" },
			reg: Registry{Signer: signer(k1)}, kind: KindRejected, code: RejectOPDCode, reason: "pakai kode persis DISKOMINFO"},
		{name: "OPD has another live key", reg: Registry{Signer: signer(Key{KeyID: k2.KeyID, Status: assessment.KeyPending}), OPDKeys: []Key{k1}},
			bundle: func(b *Bundle) { b.KeyID = k2.KeyID }, kind: KindRejected, code: RejectDifferentKey, reason: "keys revoke"},
		{name: "second spelling of a registered OPD", bundle: func(b *Bundle) { b.OPDKode = "DISKOMINFO-" },
			reg:  Registry{Signer: signer(Key{KeyID: k1.KeyID, Status: assessment.KeyPending}), RegisteredCode: "DISKOMINFO"},
			kind: KindRejected, code: RejectOPDCode, reason: "pakai kode persis DISKOMINFO"},
		{name: "sequence equal to the high-water mark is a replay", bundle: func(b *Bundle) { b.Sequence = 4 },
			reg: Registry{Signer: signer(k1)}, kind: KindRejected, code: RejectSequence, reason: "nomor urut 4"},
		{name: "sequence below the high-water mark", bundle: func(b *Bundle) { b.Sequence = 2 },
			reg: Registry{Signer: signer(k1)}, kind: KindRejected, code: RejectSequence, reason: "diputar ulang"},
		{name: "a value the registry cannot store comes first", bundle: func(b *Bundle) { b.Score.Index = "7" },
			reg: Registry{Stored: &Ref{"B-new", "sha-new"}}, kind: KindRejected, code: RejectOutOfRange, reason: "tidak disimpan"},
		{name: "created_at in the future warns but stores", bundle: func(b *Bundle) { b.CreatedAt = "2026-12-25T10:00:00Z" },
			reg: Registry{Signer: signer(k1)}, kind: KindNew,
			check: func(t *testing.T, d Decision) {
				if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "jam komputer OPD") {
					t.Errorf("warnings %q", d.Warnings)
				}
			}},
		{name: "created_at before the earlier version warns", reg: Registry{Signer: signer(k1), Accepted: accepted,
			Earlier: &Earlier{Sequence: 3, CreatedAt: "2026-11-01T12:00:00+08:00"}}, kind: KindConflict,
			check: func(t *testing.T, d Decision) {
				if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "mundur") {
					t.Errorf("warnings %q", d.Warnings)
				}
			}},
		{name: "a refused bundle carries no warnings", bundle: func(b *Bundle) { b.Sequence, b.CreatedAt = 1, "garbage" },
			reg: Registry{Signer: signer(k1)}, kind: KindRejected, code: RejectSequence,
			check: func(t *testing.T, d Decision) {
				if len(d.Warnings) != 0 {
					t.Errorf("warnings %q", d.Warnings)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := base
			if tc.bundle != nil {
				tc.bundle(&b)
			}
			tc.reg.Now = now
			d := Decide(b, tc.reg)
			if d.Kind != tc.kind || d.Code != tc.code || !strings.Contains(d.Reason, tc.reason) {
				t.Fatalf("Decide = %s %q %q, want %s %q containing %q", d.Kind, d.Code, d.Reason, tc.kind, tc.code, tc.reason)
			}
			if d.Stores() != (tc.kind == KindNew || tc.kind == KindNewVersion || tc.kind == KindConflict) {
				t.Errorf("Stores() = %v for %s", d.Stores(), d.Kind)
			}
			if tc.check != nil {
				tc.check(t, d)
			}
		})
	}
}

// TestOutcomeApply: a decision recorded in an outcome keeps the
// bundle's facts and carries a rejection's code only when rejected.
func TestOutcomeApply(t *testing.T) {
	o := Outcome{Path: "a.spbe", OPDKode: "DINKES", Code: "stale"}
	got := o.Apply(Decision{Kind: KindNewVersion, Supersedes: "B1", KeyStatus: assessment.KeyPending})
	if got.Kind != KindNewVersion || got.Supersedes != "B1" || got.KeyStatus != assessment.KeyPending || got.OPDKode != "DINKES" || got.Rejected() {
		t.Errorf("%+v", got)
	}
	got = o.Reject(RejectUnreadable, "rusak")
	if !got.Rejected() || got.Code != RejectUnreadable || got.Reason != "rusak" {
		t.Errorf("%+v", got)
	}
	if n := Count([]Outcome{got, got, {Kind: KindNew}}); n[KindRejected] != 2 || n[KindNew] != 1 {
		t.Errorf("Count = %v", n)
	}
}

// TestVisibleCode: a look-alike never prints like the real code.
func TestVisibleCode(t *testing.T) {
	for in, want := range map[string]string{"DISKOMINFO": "DISKOMINFO", "DISK\u041eMINFO": "DISK<U+041E>MINFO", "A B": "A<U+0020>B"} {
		if got := VisibleCode(in); got != want {
			t.Errorf("VisibleCode(%q) = %q, want %q", in, got, want)
		}
	}
}
