package asesor

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
)

func TestImportOutcomes(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	a := newOPD("DISKOMINFO", 1)
	k := addKey(t, w, a, "")
	if k.Status != assessment.KeyPending || k.OPDKode != "" {
		t.Fatalf("new key: %+v", k)
	}
	dir := t.TempDir()
	p1, r1 := a.write(t, dir, spec{seq: 1})

	got := importOne(t, w, p1)
	if got.Kind != intake.KindNew || got.KeyStatus != assessment.KeyPending || got.OPDKode != "DISKOMINFO" || got.Sequence != 1 {
		t.Fatalf("first import: %+v", got)
	}
	nb, na, ne, nbl, nf := counts(t, w)
	if nb != 1 || na == 0 || ne != 2 || nbl != 3 || nf != 3 { // 2 evidence + report
		t.Fatalf("after first import: bundles %d answers %d evidence %d blob rows %d files %d", nb, na, ne, nbl, nf)
	}
	if k, _ := w.Key(ctx, a.id.KeyID); k.OPDKode != "DISKOMINFO" || k.LastSequence != 1 {
		t.Fatalf("key not bound by first bundle: %+v", k)
	}

	// Identical again: a no-op.
	if got := importOne(t, w, p1); got.Kind != intake.KindDuplicate {
		t.Fatalf("re-import: %+v", got)
	}
	if nb2, na2, ne2, nbl2, nf2 := counts(t, w); nb2 != nb || na2 != na || ne2 != ne || nbl2 != nbl || nf2 != nf {
		t.Fatal("re-import changed the store")
	}

	// A new version supersedes the accepted one.
	p2, r2 := a.write(t, dir, spec{seq: 2, supersedes: sup(r1), level: 4})
	got = importOne(t, w, p2)
	if got.Kind != intake.KindNewVersion || got.Supersedes != r1.BundleID {
		t.Fatalf("new version: %+v", got)
	}
	if statusOf(t, w, r1.BundleID) != "superseded" || statusOf(t, w, r2.BundleID) != "accepted" {
		t.Fatal("statuses after new version")
	}

	// Not superseding the accepted one (names the old one): conflict, both kept.
	p3, r3 := a.write(t, dir, spec{seq: 3, supersedes: sup(r1), level: 5})
	got = importOne(t, w, p3)
	if got.Kind != intake.KindConflict || got.ConflictWith != r2.BundleID {
		t.Fatalf("conflict: %+v", got)
	}
	if statusOf(t, w, r2.BundleID) != "accepted" || statusOf(t, w, r3.BundleID) != "conflict" {
		t.Fatal("statuses after conflict")
	}

	ans, err := w.Answers(ctx, r2.BundleID)
	if err != nil || len(ans) == 0 || ans[0].Level != 4 || len(ans[0].Evidence) != 1 || ans[0].Evidence[0].OriginalName != "SK Arsitektur.pdf" {
		t.Fatalf("answers of the new version: %+v %v", ans, err)
	}
	rc, err := w.OpenBlob(ans[0].Evidence[0].SHA256)
	if err != nil {
		t.Fatal(err)
	}
	rc.Close()

	rows, err := w.Recap(ctx)
	if err != nil || len(rows) != 1 {
		t.Fatalf("recap: %+v %v", rows, err)
	}
	if r := rows[0]; r.BundleID != r2.BundleID || r.Sequence != 2 || r.Versions != 3 || r.Conflicts != 1 || r.KeyStatus != assessment.KeyPending || r.Predicate == "" {
		t.Fatalf("recap row: %+v", r)
	}

	// Verifying the key shows in the recap.
	if _, err := w.VerifyKey(ctx, a.id.KeyID[:12], "Budi", "formulir bertanda tangan Kepala Dinas"); err != nil {
		t.Fatal(err)
	}
	rows, _ = w.Recap(ctx)
	if rows[0].KeyStatus != assessment.KeyVerified {
		t.Fatalf("recap after verify: %+v", rows[0])
	}
}

// A folder is imported in key/sequence order, whatever the file names.
func TestImportFolderOrder(t *testing.T) {
	w := openWS(t)
	a := newOPD("BAPPEDA", 2)
	addKey(t, w, a, "BAPPEDA")
	dir := t.TempDir()
	_, r9 := a.write(t, dir, spec{seq: 9})
	_, r10 := a.write(t, dir, spec{seq: 10, supersedes: sup(r9), level: 4}) // SPBE_…_10 sorts before SPBE_…_9
	os.WriteFile(filepath.Join(dir, ".SPBE_BAPPEDA_2026_11.spbe.partial"), []byte("sisa"), 0o644)
	os.WriteFile(filepath.Join(dir, "catatan.txt"), []byte("bukan bundel"), 0o644)
	var calls int
	res, err := w.Import(context.Background(), []string{dir}, func(done, total int) { calls++ })
	if err != nil || len(res) != 2 || calls == 0 {
		t.Fatalf("import: %+v %v (progress %d)", res, err, calls)
	}
	byID := map[string]intake.Outcome{res[0].BundleID: res[0], res[1].BundleID: res[1]}
	if byID[r9.BundleID].Kind != intake.KindNew || byID[r10.BundleID].Kind != intake.KindNewVersion {
		t.Fatalf("outcomes: %+v", res)
	}
}

func TestImportUnknownKeyStoresNothing(t *testing.T) {
	w := openWS(t)
	a := newOPD("DINKES", 3)
	p, _ := a.write(t, t.TempDir(), spec{seq: 1})
	got := importOne(t, w, p)
	if got.Kind != intake.KindRejected || got.Code != intake.RejectUnknownKey || !strings.Contains(got.Reason, "keys add") {
		t.Fatalf("unknown key: %+v", got)
	}
	// Another OPD's key in the registry changes nothing.
	addKey(t, w, newOPD("LAIN", 4), "LAIN")
	got = importOne(t, w, p)
	if got.Code != intake.RejectUnknownKey {
		t.Fatalf("unknown key with a registry: %+v", got)
	}
	if nb, na, ne, nbl, nf := counts(t, w); nb+na+ne+nbl+nf != 0 {
		t.Fatal("a rejected bundle left something behind")
	}
}

// A signature by another key under a registered key's id: the verifier's
// signature check rejects it.
func TestImportWrongKeySignature(t *testing.T) {
	w := openWS(t)
	a, forger := newOPD("DISDIK", 5), newOPD("DISDIK", 6)
	addKey(t, w, a, "")
	dir := t.TempDir()
	p, _ := forger.write(t, dir, spec{seq: 1})
	forged := rewriteEntry(t, p, bundle.EntrySignature, func(b []byte) []byte {
		return bytes.ReplaceAll(b, []byte(forger.id.KeyID), []byte(a.id.KeyID))
	})
	got := importOne(t, w, forged)
	if got.Kind != intake.KindRejected || got.Code != intake.RejectInvalid || got.Check != "signature" {
		t.Fatalf("forged signature: %+v", got)
	}
	if nb, _, _, _, nf := counts(t, w); nb != 0 || nf != 0 {
		t.Fatal("stored")
	}
}

func TestImportInvalidBundleStoresNothing(t *testing.T) {
	w := openWS(t)
	a := newOPD("DPMPTSP", 7)
	addKey(t, w, a, "")
	p, _ := a.write(t, t.TempDir(), spec{seq: 1})
	bad := rewriteEntry(t, p, "", func(b []byte) []byte { // an evidence file changed after signing
		return append([]byte("X"), b[1:]...)
	})
	got := importOne(t, w, bad)
	if got.Kind != intake.KindRejected || got.Code != intake.RejectInvalid || got.Check != "hash" || !strings.HasPrefix(got.Entry, "evidence/") {
		t.Fatalf("tampered evidence: %+v", got)
	}
	if !strings.Contains(got.Reason, "tidak sah") {
		t.Fatalf("reason: %q", got.Reason)
	}
	trunc := filepath.Join(t.TempDir(), "potong.spbe")
	data, _ := os.ReadFile(p)
	os.WriteFile(trunc, data[:len(data)/2], 0o644)
	if got := importOne(t, w, trunc); got.Code != intake.RejectInvalid || got.Check != "zip" {
		t.Fatalf("truncated: %+v", got)
	}
	if nb, na, ne, nbl, nf := counts(t, w); nb+na+ne+nbl+nf != 0 {
		t.Fatal("an invalid bundle left something behind")
	}
	if k, _ := w.Key(context.Background(), a.id.KeyID); k.OPDKode != "" {
		t.Fatal("an invalid bundle bound the key")
	}
}

func TestImportRevokedKey(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	a := newOPD("SETDA", 8)
	addKey(t, w, a, "SETDA")
	dir := t.TempDir()
	p1, r1 := a.write(t, dir, spec{seq: 1})
	if got := importOne(t, w, p1); got.Kind != intake.KindNew {
		t.Fatal(got)
	}
	if _, err := w.RevokeKey(ctx, a.id.KeyID); err != nil {
		t.Fatal(err)
	}
	p2, _ := a.write(t, dir, spec{seq: 2, supersedes: sup(r1), level: 4})
	got := importOne(t, w, p2)
	if got.Kind != intake.KindRejected || got.Code != intake.RejectRevokedKey {
		t.Fatalf("revoked: %+v", got)
	}
	if _, err := w.VerifyKey(ctx, a.id.KeyID, "Budi", "telepon"); err == nil {
		t.Fatal("a revoked key was verified")
	}
	// The identical bundle imported before is still a no-op.
	if got := importOne(t, w, p1); got.Kind != intake.KindDuplicate {
		t.Fatalf("re-import after revoke: %+v", got)
	}
	rows, _ := w.Recap(ctx)
	if len(rows) != 1 || rows[0].KeyStatus != assessment.KeyRevoked {
		t.Fatalf("recap: %+v", rows)
	}
}

func TestImportReplayedOrLowerSequence(t *testing.T) {
	w := openWS(t)
	a := newOPD("BKD", 9)
	addKey(t, w, a, "")
	dir5, dir4, dir5b := t.TempDir(), t.TempDir(), t.TempDir()
	p5, r5 := a.write(t, dir5, spec{seq: 5})
	if got := importOne(t, w, p5); got.Kind != intake.KindNew {
		t.Fatal(got)
	}
	p4, _ := a.write(t, dir4, spec{seq: 4, level: 4})
	if got := importOne(t, w, p4); got.Code != intake.RejectSequence || !strings.Contains(got.Reason, "nomor urut 4") {
		t.Fatalf("lower sequence: %+v", got)
	}
	// Same number again with other content (an old key backup restored).
	p5b, _ := a.write(t, dir5b, spec{seq: 5, supersedes: sup(r5), level: 2, note: "lain"})
	if got := importOne(t, w, p5b); got.Code != intake.RejectSequence {
		t.Fatalf("reused sequence: %+v", got)
	}
	if nb, _, _, _, _ := counts(t, w); nb != 1 {
		t.Fatalf("bundles: %d", nb)
	}
}

func TestKunciBerbeda(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	a, a2, b := newOPD("DISHUB", 10), newOPD("DISHUB", 11), newOPD("DINSOS", 12)
	addKey(t, w, a, "")
	dir := t.TempDir()
	p1, _ := a.write(t, dir, spec{seq: 1})
	if got := importOne(t, w, p1); got.Kind != intake.KindNew {
		t.Fatal(got)
	}

	// A second key (e.g. a reinstall, or a forger) for a known OPD.
	addKey(t, w, a2, "")
	p2, _ := a2.write(t, t.TempDir(), spec{seq: 1, level: 5})
	got := importOne(t, w, p2)
	if got.Code != intake.RejectDifferentKey || !strings.Contains(got.Reason, "KUNCI BERBEDA") || !strings.Contains(got.Reason, "keys revoke") {
		t.Fatalf("different key: %+v", got)
	}
	if _, _, err := w.AddKeyFile(ctx, a2.pubFile(t, t.TempDir()), "DISHUB"); !errors.As(err, new(*DifferentKeyError)) {
		t.Fatalf("binding a second key: %v", err)
	}

	// A key registered for another OPD signing a bundle that claims DISHUB.
	addKey(t, w, b, "DINSOS")
	p3, _ := b.write(t, t.TempDir(), spec{seq: 1, claimKode: "DISHUB"})
	if got := importOne(t, w, p3); got.Code != intake.RejectDifferentKey || !strings.Contains(got.Reason, "DINSOS") {
		t.Fatalf("key of another OPD: %+v", got)
	}
	if nb, _, _, _, _ := counts(t, w); nb != 1 {
		t.Fatalf("bundles: %d", nb)
	}

	// Once the old key is revoked the new one is accepted; its first bundle
	// does not supersede the old chain, so it shows as a conflict.
	if _, err := w.RevokeKey(ctx, a.id.KeyID[:10]); err != nil {
		t.Fatal(err)
	}
	if got := importOne(t, w, p2); got.Kind != intake.KindConflict {
		t.Fatalf("after revoking the old key: %+v", got)
	}
}

func TestKeyRegistry(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	a := newOPD("INSPEKTORAT", 13)
	f := a.pubFile(t, t.TempDir())
	k, added, err := w.AddKeyFile(ctx, f, "")
	if err != nil || !added || k.Fingerprint != a.id.Fingerprint || k.Source != filepath.Base(f) {
		t.Fatalf("add: %+v %v %v", k, added, err)
	}
	if _, added, _ := w.AddKeyFile(ctx, f, ""); added {
		t.Fatal("second add reported as added")
	}
	if k, _, err := w.AddKeyFile(ctx, f, "INSPEKTORAT"); err != nil || k.OPDKode != "INSPEKTORAT" {
		t.Fatalf("bind: %+v %v", k, err)
	}
	if _, _, err := w.AddKeyFile(ctx, f, "LAIN"); err == nil {
		t.Fatal("rebinding to another OPD accepted")
	}
	bad := filepath.Join(t.TempDir(), "rusak.json")
	os.WriteFile(bad, []byte(`{"format":"x"}`), 0o644)
	if _, _, err := w.AddKeyFile(ctx, bad, ""); err == nil {
		t.Fatal("bad key file accepted")
	}
	if _, err := w.VerifyKey(ctx, a.id.KeyID, "Budi", ""); err == nil {
		t.Fatal("verify without --how")
	}
	if _, err := w.VerifyKey(ctx, "abc", "Budi", "telepon"); err == nil {
		t.Fatal("short key id accepted")
	}
	k, err = w.VerifyKey(ctx, strings.ToUpper(a.id.KeyID[:8]), "Budi", "telepon ke nomor kantor")
	if err != nil || k.Status != assessment.KeyVerified || k.VerifiedBy != "Budi" || k.VerifiedHow != "telepon ke nomor kantor" || k.VerifiedAt.IsZero() {
		t.Fatalf("verify: %+v %v", k, err)
	}
	k, err = w.RevokeKey(ctx, a.id.KeyID)
	if err != nil || k.Status != assessment.KeyRevoked || k.RevokedAt.IsZero() || k.VerifiedBy != "Budi" {
		t.Fatalf("revoke: %+v %v", k, err)
	}
	list, err := w.Keys(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("list: %+v %v", list, err)
	}
}

func TestOpenLockAndIdentity(t *testing.T) {
	dir := filepath.Join(t.TempDir(), DirName)
	w, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir); !errors.As(err, new(*storage.LockedError)) {
		t.Fatalf("second open: %v", err)
	}
	var app int64
	var ver int
	w.sql.QueryRow("SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version)").Scan(&app, &ver)
	if ents, _ := migrationFS.ReadDir("migrations"); app != ApplicationID || ver != len(ents) {
		t.Fatalf("application_id %#x user_version %d", app, ver)
	}
	w.Close()
	// The OPD store refuses the assessor's database and vice versa.
	opdDir := t.TempDir()
	if err := os.Rename(filepath.Join(dir, DBFileName), filepath.Join(opdDir, "spbe-mandiri.db")); err != nil {
		t.Fatal(err)
	}
	if _, err := storage.Open(opdDir); !errors.As(err, new(*storage.ForeignDatabaseError)) {
		t.Fatalf("OPD store opened the assessor db: %v", err)
	}
	db, err := storage.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	d2 := filepath.Join(t.TempDir(), DirName)
	os.MkdirAll(d2, 0o700)
	data, _ := os.ReadFile(filepath.Join(db.Dir(), "spbe-mandiri.db"))
	os.WriteFile(filepath.Join(d2, DBFileName), data, 0o600)
	if _, err := Open(d2); !errors.As(err, new(*storage.ForeignDatabaseError)) {
		t.Fatalf("assessor opened the OPD db: %v", err)
	}
}

// rewriteEntry copies the bundle at p with one entry's content changed
// (name "" = the first evidence entry), keeping everything else.
func rewriteEntry(t *testing.T, p, name string, change func([]byte) []byte) string {
	t.Helper()
	zr, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	done := false
	for _, f := range zr.File {
		rc, _ := f.Open()
		var data bytes.Buffer
		data.ReadFrom(rc)
		rc.Close()
		b := data.Bytes()
		if !done && (f.Name == name || (name == "" && strings.HasPrefix(f.Name, "evidence/"))) {
			b, done = change(b), true
		}
		hdr := f.FileHeader
		out, err := zw.CreateHeader(&zip.FileHeader{Name: hdr.Name, Method: hdr.Method, Modified: hdr.Modified})
		if err != nil {
			t.Fatal(err)
		}
		out.Write(b)
	}
	zw.Close()
	q := filepath.Join(t.TempDir(), filepath.Base(p))
	if err := os.WriteFile(q, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return q
}
