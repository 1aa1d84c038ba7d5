package syncserver

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/signedjson"
)

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

// receiptOf checks the receipt's signature with the server key and reads it.
func (e *env) receiptOf(a syncapi.Answer) syncapi.Receipt {
	e.t.Helper()
	pub := e.serverK.Public().(ed25519.PublicKey)
	payload, _, err := signedjson.Open(a.Receipt, syncapi.ReceiptPayloadType, func(id string) ed25519.PublicKey {
		if id == keys.KeyID(pub) {
			return pub
		}
		return nil
	})
	if err != nil {
		e.t.Fatalf("receipt: %v (%s)", err, a.Receipt)
	}
	var r syncapi.Receipt
	if err := json.Unmarshal(payload, &r); err != nil {
		e.t.Fatal(err)
	}
	return r
}

func wantAnswer(t *testing.T, what string, code int, a syncapi.Answer, wantCode int, outcome, errCode string) {
	t.Helper()
	got := ""
	if a.Error != nil {
		got = a.Error.Code
	}
	if code != wantCode || a.Outcome != outcome || got != errCode {
		t.Fatalf("%s: HTTP %d outcome %q code %q (%+v); want %d %q %q", what, code, a.Outcome, got, a.Error, wantCode, outcome, errCode)
	}
}

// Every outcome of the desktop import, over HTTP on PostgreSQL + S3, with
// the refusals decided on the manifest before any evidence is sent.
func TestPushOutcomes(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	big := randomBytes(12<<20 + 12345) // three S3 parts at 5 MiB
	small := []byte("SK Kepala Dinas tentang Arsitektur SPBE")
	a := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000001", seq: 1, evidence: [][]byte{big, small}})

	code, ans, _ := c.announce(a)
	wantAnswer(t, "unregistered key", code, ans, http.StatusForbidden, syncapi.OutcomeRejected, syncapi.CodeUnknownKey)

	if resp := e.register(regEntry{opdKey, "DISKOMINFO", "verified"}); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("registry: %s", resp.Status)
	}
	code, ans, _ = c.announce(a)
	wantAnswer(t, "announce", code, ans, http.StatusAccepted, syncapi.OutcomeWaiting, "")
	// answers.json and report.pdf came inline; only evidence is missing.
	if len(ans.Missing) != 2 || ans.MissingBytes != int64(len(big)+len(small)) {
		t.Fatalf("missing %+v", ans.Missing)
	}
	code, ans, _ = c.completeReq(a)
	wantAnswer(t, "complete too early", code, ans, http.StatusConflict, "", syncapi.CodeIncomplete)

	code, ans = c.push(a)
	wantAnswer(t, "first push", code, ans, http.StatusCreated, syncapi.OutcomeNew, "")
	r := e.receiptOf(ans)
	if r.Outcome != syncapi.OutcomeNew || r.BundleID != a.manifest.BundleID || r.ManifestSHA256 != a.sha || r.Pemda != pemdaKode || r.CompletedAt == "" {
		t.Fatalf("receipt %+v", r)
	}
	first := ans.Receipt

	code, ans = c.push(a)
	wantAnswer(t, "same bundle again", code, ans, http.StatusOK, syncapi.OutcomeDuplicate, "")
	if !bytes.Equal(ans.Receipt, first) {
		t.Fatal("a repeat did not get the original receipt")
	}

	// versi baru: only the changed files are asked for (the big evidence
	// file is already held).
	changed := []byte("SK Kepala Dinas, revisi")
	b := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000002", seq: 2, level: 4, evidence: [][]byte{big, changed},
		supersedes: &bundle.Supersedes{BundleID: a.manifest.BundleID, ManifestSHA256: a.sha}})
	code, ans, _ = c.announce(b)
	wantAnswer(t, "announce new version", code, ans, http.StatusAccepted, syncapi.OutcomeWaiting, "")
	for _, f := range ans.Missing {
		if f.Size == int64(len(big)) {
			t.Fatalf("the unchanged big file is asked for again: %+v", ans.Missing)
		}
	}
	code, ans = c.push(b)
	wantAnswer(t, "new version", code, ans, http.StatusCreated, syncapi.OutcomeNewVersion, "")
	if ans.Supersedes != a.manifest.BundleID {
		t.Fatalf("supersedes %q", ans.Supersedes)
	}

	conflict := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000003", seq: 3, level: 2, evidence: [][]byte{small}})
	code, ans = c.push(conflict)
	wantAnswer(t, "conflict", code, ans, http.StatusCreated, syncapi.OutcomeConflict, "")
	if ans.ConflictWith != b.manifest.BundleID {
		t.Fatalf("conflict with %q, want %q", ans.ConflictWith, b.manifest.BundleID)
	}

	replay := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000004", seq: 2, level: 1, evidence: [][]byte{small}})
	code, ans, _ = c.announce(replay)
	wantAnswer(t, "replayed sequence", code, ans, http.StatusConflict, syncapi.OutcomeRejected, syncapi.CodeSequence)

	reused := makeBundle(t, spec{bundleID: a.manifest.BundleID, seq: 9, level: 1, evidence: [][]byte{small}})
	code, ans, _ = c.announce(reused)
	wantAnswer(t, "bundle id reused", code, ans, http.StatusConflict, syncapi.OutcomeRejected, syncapi.CodeBundleID)

	tampered := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000005", seq: 10, evidence: [][]byte{small}})
	tampered.parts[bundle.EntryManifest] = bytes.Replace(tampered.parts[bundle.EntryManifest], []byte("Sigi"), []byte("Sigo"), 1)
	code, ans, _ = c.announce(tampered)
	wantAnswer(t, "tampered manifest", code, ans, http.StatusUnprocessableEntity, syncapi.OutcomeRejected, syncapi.CodeInvalid)
	if ans.Error.Check != "signature" {
		t.Fatalf("check %q", ans.Error.Check)
	}
	// Its inline answers.json was never read, let alone stored.
	var stored int
	for _, f := range tampered.manifest.Files {
		if f.Role == bundle.RoleAnswers {
			if err := e.db.Pool.QueryRow(t.Context(), `SELECT count(*) FROM blob WHERE sha256 = $1`, f.SHA256).Scan(&stored); err != nil {
				t.Fatal(err)
			}
		}
	}
	if stored != 0 {
		t.Fatal("a refused announcement stored its inline answers.json")
	}
}

// KUNCI BERBEDA and a revoked key, decided on the manifest.
func TestPushKeyRefusals(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	other := key(8)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"}, regEntry{other, "BAPPEDA", "verified"})
	wrongOPD := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000011", seq: 1, key: other})
	code, ans, _ := c.announce(wrongOPD)
	wantAnswer(t, "key of another OPD", code, ans, http.StatusForbidden, syncapi.OutcomeRejected, syncapi.CodeDifferentKey)

	e.register(regEntry{opdKey, "DISKOMINFO", "verified"}, regEntry{other, "BAPPEDA", "revoked"})
	revoked := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000012", seq: 1, key: other, opd: "BAPPEDA"})
	code, ans, _ = c.announce(revoked)
	wantAnswer(t, "revoked key", code, ans, http.StatusForbidden, syncapi.OutcomeRejected, syncapi.CodeRevokedKey)

	// A registry snapshot replayed (older version) is refused: it could
	// bring a revoked key back.
	e.regVer = 1
	if resp := e.register(regEntry{other, "BAPPEDA", "verified"}); resp.StatusCode != http.StatusConflict {
		t.Fatalf("old registry: %s", resp.Status)
	}
}

// A file whose bytes do not match the manifest's SHA-256 is dropped whole
// and must be sent again from 0.
func TestUploadHashMismatch(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.noInline = true // answers.json and report.pdf by PATCH too
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	ev := randomBytes(6 << 20)
	m := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000021", seq: 1, evidence: [][]byte{ev}})
	_, ans, _ := c.announce(m)
	var f syncapi.MissingFile
	for _, x := range ans.Missing {
		if x.Size == int64(len(ev)) {
			f = x
		}
	}
	bad := append([]byte{}, ev...)
	bad[len(bad)-1] ^= 1
	code, _, err := c.patch(m, f.SHA256, bad, 0)
	if err != nil || code != http.StatusUnprocessableEntity {
		t.Fatalf("PATCH wrong bytes: %d %v", code, err)
	}
	if off, err := c.head(m, f.SHA256); err != nil || off != 0 {
		t.Fatalf("offset after a bad file: %d %v", off, err)
	}
	code, ans = c.push(m)
	wantAnswer(t, "resent", code, ans, http.StatusCreated, syncapi.OutcomeNew, "")
}
