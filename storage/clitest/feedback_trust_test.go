package clitest_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/feedbacktrust"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// opdInstall is one OPD installation that exported a bundle to usb.
type opdInstall struct {
	kode, data, assessment, bundleID, pubkey string
}

func newOPDInstall(t *testing.T, kode, usb string, indicators []int) *opdInstall {
	t.Helper()
	o := &opdInstall{kode: kode, data: t.TempDir(), pubkey: filepath.Join(t.TempDir(), "kunci-"+kode+".json")}
	mustCLI(t, "init", "--data", o.data, "--instansi", "Pemerintah Kabupaten Sigi", "--opd-kode", kode,
		"--opd-nama", "Dinas "+kode, "--operator", "Rina")
	var a struct {
		ID string `json:"id"`
	}
	json.Unmarshal([]byte(mustCLI(t, "assessment", "new", "--data", o.data, "--catalog", "pemdi-2026", "--periode", "2026", "--json")), &a)
	o.assessment = a.ID
	for _, n := range indicators {
		mustCLI(t, "answer", "--data", o.data, "--assessment", a.ID, "--indicator", strconv.Itoa(n), "--level", "3", "--justification", "Ada SK")
	}
	mustCLI(t, "key", "init", "--data", o.data, "--passphrase-file", "-")
	mustCLI(t, "key", "export-public", o.pubkey, "--data", o.data)
	var ex struct {
		BundleID string `json:"bundle_id"`
	}
	json.Unmarshal([]byte(mustCLI(t, "export", "--data", o.data, "--assessment", a.ID, "--out", usb, "--passphrase-file", "-", "--json")), &ex)
	if o.assessment == "" || ex.BundleID == "" {
		t.Fatalf("%s: no assessment or bundle", kode)
	}
	o.bundleID = ex.BundleID
	return o
}

// TestFeedbackGUIRoundTrip: the GUI adapters on real stores. The
// assessor's workspace reviews and exports signed feedback (creating the
// assessor key with the first export); the OPD's inbox previews it
// (untrusted, key found beside the file), refuses another OPD's and a
// tampered file, trusts and imports it, and gives the notes by indicator.
// Then the CLI lists and withdraws the trust, and backs up and restores
// the assessor's key.
func TestFeedbackGUIRoundTrip(t *testing.T) {
	ctx := context.Background()
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	c, err := lib.Latest("pemdi-2026")
	if err != nil {
		t.Fatal(err)
	}
	in1, in2 := c.Indicators[0].Number, c.Indicators[1].Number
	usb, back, asesorData := t.TempDir(), t.TempDir(), t.TempDir()
	kominfo := newOPDInstall(t, "DISKOMINFO", usb, []int{in1, in2})
	dinkes := newOPDInstall(t, "DINKES", usb, []int{in1})

	// The assessor, through the GUI's workspace adapter.
	w, err := openAsesorGUI(asesorData)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []*opdInstall{kominfo, dinkes} {
		if _, _, err := w.AddKey(ctx, o.pubkey, ""); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := w.Import(ctx, []string{usb}, nil); err != nil || len(out) != 2 {
		t.Fatalf("import %+v %v", out, err)
	}
	pass := []byte("frasa sandi asesor yang panjang")
	if _, exists, err := w.AsesorKey(ctx); err != nil || exists {
		t.Fatalf("assessor key before the first export: %v %v", exists, err)
	}
	if _, err := w.ExportFeedback(ctx, kominfo.bundleID, back, "Tim Asesor Sigi", pass); err == nil {
		t.Fatal("feedback on a bundle not reviewed was exported")
	}
	if _, exists, _ := w.AsesorKey(ctx); exists {
		t.Fatal("a refused export created the assessor key")
	}
	for _, d := range []assessment.ReviewDecision{
		{BundleID: kominfo.bundleID, Indicator: in1, Value: "2.5", Status: assessment.ReviewRevision, Reason: assessment.ReasonWrongEvidence,
			Note: "SK belum ditandatangani Kepala Dinas", Reviewer: "Budi"},
		{BundleID: kominfo.bundleID, Indicator: in2, Status: assessment.ReviewAccepted, Reviewer: "Budi"},
		{BundleID: dinkes.bundleID, Indicator: in1, Status: assessment.ReviewAccepted, Reviewer: "Budi"},
	} {
		if err := w.SaveReview(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	exp, err := w.ExportFeedback(ctx, kominfo.bundleID, back, "Tim Asesor Sigi", pass)
	if err != nil {
		t.Fatal(err)
	}
	if !exp.KeyCreated || exp.OPDKode != "DISKOMINFO" || exp.Periode != 2026 || exp.Items != 2 ||
		exp.PublicKeyPath != filepath.Join(back, storage.AsesorPublicKeyName) || filepath.Dir(exp.Path) != back {
		t.Fatalf("export %+v", exp)
	}
	key, exists, err := w.AsesorKey(ctx)
	if err != nil || !exists || key != (assessment.AsesorKeyInfo{KeyID: exp.KeyID, Fingerprint: exp.Fingerprint}) {
		t.Fatalf("assessor key %+v %v %v, export used %+v", key, exists, err, exp)
	}
	if _, err := w.ExportFeedback(ctx, dinkes.bundleID, back, "Tim Asesor Sigi", []byte("salah salah salah")); err == nil ||
		!strings.Contains(err.Error(), "frasa sandi salah") {
		t.Fatalf("wrong passphrase: %v", err)
	}
	expDinkes, err := w.ExportFeedback(ctx, dinkes.bundleID, back, "", pass)
	if err != nil || expDinkes.KeyCreated || expDinkes.KeyID != exp.KeyID || expDinkes.Fingerprint != exp.Fingerprint {
		t.Fatalf("second export %+v %v", expDinkes, err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	// DISKOMINFO, through the GUI's inbox on its store.
	db, err := openRealServices(kominfo.data)
	if err != nil {
		t.Fatal(err)
	}
	if db.Inbox == nil {
		t.Fatal("the GUI's open folder has no FeedbackInbox")
	}
	inbox := db.Inbox
	p, err := inbox.Preview(ctx, exp.Path, "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Trusted || p.KeyFile != exp.PublicKeyPath || p.Fingerprint != exp.Fingerprint || !p.Verified ||
		p.Asesor != "Tim Asesor Sigi" || p.OPDKode != "DISKOMINFO" || p.Items != 2 {
		t.Fatalf("preview %+v", p)
	}
	if _, err := inbox.Preview(ctx, expDinkes.Path, ""); err == nil || !strings.Contains(err.Error(), "tidak diekspor dari instalasi ini") {
		t.Fatalf("another OPD's feedback: %v", err)
	}
	tampered := tamperFeedback(t, exp.Path)
	if _, err := inbox.Preview(ctx, tampered, exp.PublicKeyPath); err == nil || !strings.Contains(err.Error(), "umpan balik ditolak") {
		t.Fatalf("tampered feedback: %v", err)
	}
	if notes, err := inbox.Notes(ctx, kominfo.assessment); err != nil || len(notes.Items) != 0 {
		t.Fatalf("notes before import %+v %v", notes, err)
	}
	imp, err := inbox.Import(ctx, p, true)
	if err != nil || !imp.TrustedNow || imp.Known || imp.AssessmentID != kominfo.assessment || imp.Items != 2 {
		t.Fatalf("import %+v %v", imp, err)
	}
	if p, err := inbox.Preview(ctx, exp.Path, ""); err != nil || !p.Trusted || p.KeyFile != "" {
		t.Fatalf("preview once trusted %+v %v", p, err)
	}
	notes, err := inbox.Notes(ctx, kominfo.assessment)
	if err != nil {
		t.Fatal(err)
	}
	n1, n2 := notes.Items[in1], notes.Items[in2]
	if len(notes.Items) != 2 || notes.Asesor != "Tim Asesor Sigi" || notes.BundleID != kominfo.bundleID ||
		!n1.NeedsRevision() || n1.Reason != assessment.ReasonWrongEvidence || n1.Value != "2.5" ||
		n1.Note != "SK belum ditandatangani Kepala Dinas" || n1.Reviewer != "Budi" || n1.ReviewedAt.IsZero() ||
		n2.Status != assessment.ReviewAccepted {
		t.Fatalf("notes %+v", notes)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	// The CLI on the same store: list and withdraw the trust.
	out := mustCLI(t, "feedback", "keys", "--data", kominfo.data)
	if !strings.Contains(out, exp.KeyID[:16]) || !strings.Contains(out, exp.Fingerprint) || !strings.Contains(out, storage.AsesorPublicKeyName) {
		t.Fatalf("feedback keys: %s", out)
	}
	mustCLI(t, "feedback", "untrust", exp.KeyID[:12], "--data", kominfo.data)
	if out := mustCLI(t, "feedback", "show", "--data", kominfo.data, "--assessment", kominfo.assessment); !strings.Contains(out, "belum ditandatangani") {
		t.Fatalf("imported feedback gone after untrust: %s", out)
	}
	db, err = openRealServices(kominfo.data)
	if err != nil {
		t.Fatal(err)
	}
	if p, err := db.Inbox.Preview(ctx, exp.Path, ""); err != nil || p.Trusted || !p.Withdrawn {
		t.Errorf("after untrust: %+v %v", p, err)
	}
	db.Close()

	// The assessor's key: backup, and restore on another laptop.
	passFile := filepath.Join(t.TempDir(), "frasa")
	os.WriteFile(passFile, pass, 0o600)
	backup := filepath.Join(t.TempDir(), "kunci-asesor.cadangan")
	mustCLI(t, "key", "backup", "--asesor", backup, "--data", asesorData, "--passphrase-file", passFile)
	fresh := t.TempDir()
	mustCLI(t, "key", "restore", "--asesor", backup, "--data", fresh, "--passphrase-file", passFile)
	if out := mustCLI(t, "key", "show", "--asesor", "--data", fresh); !strings.Contains(out, exp.Fingerprint) {
		t.Fatalf("restored assessor key: %s", out)
	}
	if out := mustCLI(t, "key", "show", "--data", fresh); strings.Contains(out, exp.Fingerprint) {
		t.Fatalf("the assessor key was restored as the OPD key: %s", out)
	}
}

// tamperFeedback copies a feedback file with one note changed inside the
// signed payload.
func tamperFeedback(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var env map[string]any
	if err := json.Unmarshal(data, &env); err != nil {
		t.Fatal(err)
	}
	payload, _ := base64.StdEncoding.DecodeString(env["payload"].(string))
	payload = []byte(strings.Replace(string(payload), "revisi", "diterima", 1))
	env["payload"] = base64.StdEncoding.EncodeToString(payload)
	out, _ := json.Marshal(env)
	dst := filepath.Join(t.TempDir(), filepath.Base(path))
	if err := os.WriteFile(dst, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// fbFixture is one OPD whose exported bundle the assessor reviewed
// (indicator in1 accepted) and whose signed feedback lies in back.
type fbFixture struct {
	opd  *opdInstall
	exp  assessment.FeedbackExported
	back string
	in1  int
	usb  string // the OPD's exported bundle
}

func newFBFixture(t *testing.T) fbFixture {
	t.Helper()
	ctx := context.Background()
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	c, err := lib.Latest("pemdi-2026")
	if err != nil {
		t.Fatal(err)
	}
	in1 := c.Indicators[0].Number
	usb, back, asesorData := t.TempDir(), t.TempDir(), t.TempDir()
	o := newOPDInstall(t, "DISKOMINFO", usb, []int{in1})
	w, err := openAsesorGUI(asesorData)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, _, err := w.AddKey(ctx, o.pubkey, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Import(ctx, []string{usb}, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.SaveReview(ctx, assessment.ReviewDecision{BundleID: o.bundleID, Indicator: in1, Status: assessment.ReviewAccepted,
		Note: "asli", Reviewer: "Budi"}); err != nil {
		t.Fatal(err)
	}
	exp, err := w.ExportFeedback(ctx, o.bundleID, back, "Tim Asesor Sigi", []byte("frasa sandi asesor yang panjang"))
	if err != nil {
		t.Fatal(err)
	}
	return fbFixture{opd: o, exp: exp, back: back, in1: in1, usb: usb}
}

// readManifest is the manifest inside a feedback file, unverified.
func readManifest(t *testing.T, path string) feedback.Manifest {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var env feedback.Envelope
	if err := json.Unmarshal(data, &env); err != nil {
		t.Fatal(err)
	}
	raw, _ := base64.StdEncoding.DecodeString(env.Payload)
	var m feedback.Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// forgeFeedback signs, with a fresh key, feedback on the same bundle as
// realFile with every note set to note and a created_at in the future,
// and writes it and its public key under the real files' names in dir.
func forgeFeedback(t *testing.T, realFile, dir, note string) keys.Identity {
	t.Helper()
	m := readManifest(t, realFile)
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	m.CreatedAt = time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	for i := range m.Items {
		m.Items[i].Note = note
	}
	data, err := feedback.Sign(priv, m)
	if err != nil {
		t.Fatal(err)
	}
	id := keys.IdentityOf(pub, time.Now())
	if err := os.WriteFile(filepath.Join(dir, filepath.Base(realFile)), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, storage.AsesorPublicKeyName), keys.MarshalPublic(id), 0o644); err != nil {
		t.Fatal(err)
	}
	return id
}

func openOPD(t *testing.T, o *opdInstall) *storage.DB {
	t.Helper()
	db, err := storage.Open(o.data)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// The officer compared the fingerprint of the preview; if the files on
// the stick change before "Ya", nothing is trusted or imported.
func TestFeedbackTrustBoundToPreview(t *testing.T) {
	ctx := context.Background()
	f := newFBFixture(t)
	db := openOPD(t, f.opd)
	inbox := db.FeedbackInbox()
	p, err := inbox.Preview(ctx, f.exp.Path, "")
	if err != nil || p.Trusted || p.Fingerprint != f.exp.Fingerprint || p.SHA256 == "" {
		t.Fatalf("preview %+v %v", p, err)
	}
	realData, _ := os.ReadFile(f.exp.Path)
	realKey, _ := os.ReadFile(f.exp.PublicKeyPath)

	// both files swapped (a hostile device, a shared folder)
	forgeFeedback(t, f.exp.Path, f.back, "PALSU")
	if _, err := inbox.Import(ctx, p, true); err == nil || !strings.Contains(err.Error(), "berkas berubah sejak diperiksa; ulangi impor") {
		t.Fatalf("import of swapped files: %v", err)
	}
	// only the key file swapped: the feedback is the one previewed, the key not
	os.WriteFile(f.exp.Path, realData, 0o644)
	if _, err := inbox.Import(ctx, p, true); err == nil || !strings.Contains(err.Error(), "bukan kunci di") {
		t.Fatalf("import with another key file: %v", err)
	}
	if ks, _ := db.TrustedAsesorKeys(ctx); len(ks) != 0 {
		t.Fatalf("a key was trusted: %+v", ks)
	}
	if list, _ := db.Feedback(ctx, f.opd.assessment); len(list) != 0 {
		t.Fatalf("feedback stored: %d", len(list))
	}
	// the files as previewed import, and trust the key the officer saw
	os.WriteFile(f.exp.PublicKeyPath, realKey, 0o644)
	imp, err := inbox.Import(ctx, p, true)
	if err != nil || !imp.TrustedNow || imp.Fingerprint != p.Fingerprint {
		t.Fatalf("import as previewed: %+v %v", imp, err)
	}
	// a preview without its digest is not imported
	if _, err := inbox.Import(ctx, assessment.FeedbackPreview{File: f.exp.Path}, false); err == nil {
		t.Fatal("imported without a preview")
	}
}

// After `feedback untrust`, the preview says the key was withdrawn (the
// GUI refuses without asking), "Ya" cannot trust it again, and the CLI
// wants --retrust, not --trust.
func TestFeedbackWithdrawnKeyIsNotNew(t *testing.T) {
	ctx := context.Background()
	f := newFBFixture(t)
	db := openOPD(t, f.opd)
	inbox := db.FeedbackInbox()
	first, err := inbox.Preview(ctx, f.exp.Path, "")
	if err != nil || first.Withdrawn {
		t.Fatalf("first contact %+v %v", first, err)
	}
	if _, err := inbox.Import(ctx, first, true); err != nil {
		t.Fatal(err)
	}
	if _, err := db.UntrustAsesor(ctx, f.exp.KeyID); err != nil {
		t.Fatal(err)
	}
	again, err := inbox.Preview(ctx, f.exp.Path, "")
	if err != nil || !again.Withdrawn || again.WithdrawnAt.IsZero() || again.Trusted || again.KeyFile != "" ||
		again.Fingerprint != f.exp.Fingerprint {
		t.Fatalf("preview of a withdrawn key %+v %v", again, err)
	}
	// even with a key file, "Ya" does not trust a withdrawn key again
	again.KeyFile = f.exp.PublicKeyPath
	var we *feedbacktrust.WithdrawnKeyError
	if _, err := inbox.Import(ctx, again, true); !errors.As(err, &we) {
		t.Fatalf("import after untrust: %v", err)
	}
	if ks, _ := db.TrustedAsesorKeys(ctx); len(ks) != 0 {
		t.Fatalf("trusted again: %+v", ks)
	}
	db.Close()

	args := []string{"feedback", "import", f.exp.Path, "--data", f.opd.data, "--assessor-pubkey", f.exp.PublicKeyPath}
	for _, extra := range [][]string{nil, {"--trust"}} {
		code, _, e := runCLI(t, append(args, extra...)...)
		if code != cli.ExitError || !strings.Contains(e, "dicabut pada") || !strings.Contains(e, "--retrust") {
			t.Fatalf("CLI %v: exit %d %s", extra, code, e)
		}
	}
	if code, _, e := runCLI(t, "feedback", "import", f.exp.Path, "--data", f.opd.data); code != cli.ExitError || !strings.Contains(e, "--retrust") {
		t.Fatalf("CLI without key file: exit %d %s", code, e)
	}
	out := mustCLI(t, append(args, "--retrust")...)
	if !strings.Contains(out, "Kunci asesor dipercaya lagi: sidik jari "+f.exp.Fingerprint) {
		t.Fatalf("retrust: %s", out)
	}
	if out := mustCLI(t, "feedback", "keys", "--data", f.opd.data); !strings.Contains(out, f.exp.KeyID[:16]) {
		t.Fatalf("keys after retrust: %s", out)
	}
}

// --retrust is for a withdrawn key: a key never trusted needs --trust.
func TestFeedbackRetrustOfUnknownKeyRefused(t *testing.T) {
	f := newFBFixture(t)
	code, _, e := runCLI(t, "feedback", "import", f.exp.Path, "--data", f.opd.data, "--assessor-pubkey", f.exp.PublicKeyPath, "--retrust")
	if code != cli.ExitError || !strings.Contains(e, "belum pernah dipercaya") || !strings.Contains(e, "--trust") {
		t.Fatalf("retrust of a new key: exit %d %s", code, e)
	}
}

// Feedback trusted by mistake (a forgery with a future created_at) stops
// counting once its key is withdrawn: the notes come from the real
// assessor, and `feedback show` marks the withdrawn one.
func TestFeedbackWithdrawnForgeryDoesNotWin(t *testing.T) {
	ctx := context.Background()
	f := newFBFixture(t)
	db := openOPD(t, f.opd)
	inbox := db.FeedbackInbox()
	evilDir := t.TempDir()
	evil := forgeFeedback(t, f.exp.Path, evilDir, "PALSU")
	p, err := inbox.Preview(ctx, filepath.Join(evilDir, filepath.Base(f.exp.Path)), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := inbox.Import(ctx, p, true); err != nil {
		t.Fatal(err)
	}
	if n, _ := inbox.Notes(ctx, f.opd.assessment); n.Items[f.in1].Note != "PALSU" {
		t.Fatalf("forgery not imported: %+v", n)
	}
	if _, err := db.UntrustAsesor(ctx, evil.KeyID); err != nil {
		t.Fatal(err)
	}
	if n, err := inbox.Notes(ctx, f.opd.assessment); err != nil || len(n.Items) != 0 {
		t.Fatalf("notes of a withdrawn key still shown: %+v %v", n, err)
	}
	p, err = inbox.Preview(ctx, f.exp.Path, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := inbox.Import(ctx, p, true); err != nil {
		t.Fatal(err)
	}
	n, err := inbox.Notes(ctx, f.opd.assessment)
	if err != nil || n.Fingerprint != f.exp.Fingerprint || n.Items[f.in1].Note != "asli" {
		t.Fatalf("notes %+v %v, want the real assessor's", n, err)
	}
	db.Close()
	out := mustCLI(t, "feedback", "show", "--assessment", f.opd.assessment, "--data", f.opd.data)
	parts := strings.SplitN(out, "\n\n", 2)
	if len(parts) != 2 || !strings.Contains(parts[0], f.exp.Fingerprint) || strings.Contains(parts[0], "DICABUT") ||
		!strings.Contains(parts[1], evil.Fingerprint) || !strings.Contains(parts[1], "KUNCI DICABUT") {
		t.Fatalf("feedback show:\n%s", out)
	}
}

// A KUNCI_ASESOR.json of another key beside the feedback does not block
// the GUI: the preview asks for the key file (or finds the signer's own
// KUNCI_ASESOR_<id>.json); and the assessor's export never overwrites it.
func TestFeedbackForeignKeyFileBeside(t *testing.T) {
	ctx := context.Background()
	f := newFBFixture(t)
	realKey, _ := os.ReadFile(f.exp.PublicKeyPath)
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	other := keys.MarshalPublic(keys.IdentityOf(pub, time.Now()))
	os.WriteFile(f.exp.PublicKeyPath, other, 0o644)
	db := openOPD(t, f.opd)
	inbox := db.FeedbackInbox()
	p, err := inbox.Preview(ctx, f.exp.Path, "")
	if err != nil || p.KeyFile != "" || p.Verified || p.Trusted {
		t.Fatalf("preview with another key beside: %+v %v", p, err)
	}
	own := filepath.Join(f.back, asesor.AsesorKeyFileName(f.exp.KeyID))
	os.WriteFile(own, realKey, 0o644)
	if p, err := inbox.Preview(ctx, f.exp.Path, ""); err != nil || p.KeyFile != own || !p.Verified {
		t.Fatalf("preview with the signer's own key file beside: %+v %v", p, err)
	}
	// a key file picked by hand that is not the signer's is still an error
	if _, err := inbox.Preview(ctx, f.exp.Path, f.exp.PublicKeyPath); err == nil || !strings.Contains(err.Error(), "bukan kunci di") {
		t.Fatalf("picked key of another signer: %v", err)
	}
	os.Remove(own)

	// the assessor exports to a folder whose KUNCI_ASESOR.json is another
	// assessor's: that file stays, the key goes beside it
	if dest, err := asesor.PublicKeyDest(f.back, f.exp.KeyID); err != nil || dest != own {
		t.Fatalf("destination %q %v", dest, err)
	}
	os.WriteFile(own, other, 0o644)
	if _, err := asesor.PublicKeyDest(f.back, f.exp.KeyID); err == nil || !strings.Contains(err.Error(), "tidak ditimpa") {
		t.Fatalf("both names taken by another key: %v", err)
	}
	if got, _ := os.ReadFile(f.exp.PublicKeyPath); string(got) != string(other) {
		t.Fatal("the other key file was changed")
	}
	if dest, err := asesor.PublicKeyDest(t.TempDir(), f.exp.KeyID); err != nil || filepath.Base(dest) != storage.AsesorPublicKeyName {
		t.Fatalf("empty folder: %q %v", dest, err)
	}
}

// The OPD, periode and sequence in the feedback must match the export log.
func TestFeedbackBundleRefCrossChecked(t *testing.T) {
	ctx := context.Background()
	f := newFBFixture(t)
	m := readManifest(t, f.exp.Path)
	m.Bundle.OPDKode, m.Bundle.Periode, m.Bundle.Sequence = "DINKES", 2031, 999
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	data, err := feedback.Sign(priv, m)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "x.spbe-umpan")
	os.WriteFile(file, data, 0o644)
	os.WriteFile(filepath.Join(dir, storage.AsesorPublicKeyName), keys.MarshalPublic(keys.IdentityOf(pub, time.Now())), 0o644)
	db := openOPD(t, f.opd)
	if p, err := db.FeedbackInbox().Preview(ctx, file, ""); err == nil || !strings.Contains(err.Error(), "padahal bundel itu diekspor sebagai DISKOMINFO periode 2026 nomor urut 1") {
		t.Fatalf("preview of feedback claiming DINKES/2031/999: %+v %v", p, err)
	}
}

// A manifest claiming the real assessor's fingerprint but signed by
// another key is refused; nothing shows the claimed fingerprint.
func TestFeedbackClaimedFingerprintRefused(t *testing.T) {
	f := newFBFixture(t)
	m := readManifest(t, f.exp.Path)
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	id := keys.IdentityOf(pub, time.Now())
	m.Asesor.KeyID, m.Asesor.Fingerprint = id.KeyID, f.exp.Fingerprint
	payload, _ := json.Marshal(m)
	env := feedback.Envelope{PayloadType: feedback.PayloadType, Payload: base64.StdEncoding.EncodeToString(payload),
		Signatures: []bundle.Signature{{KeyID: id.KeyID, Sig: base64.StdEncoding.EncodeToString(ed25519.Sign(priv, bundle.PAE(feedback.PayloadType, payload)))}}}
	data, _ := json.Marshal(env)
	dir := t.TempDir()
	file, kf := filepath.Join(dir, "x.spbe-umpan"), filepath.Join(dir, storage.AsesorPublicKeyName)
	os.WriteFile(file, data, 0o644)
	os.WriteFile(kf, keys.MarshalPublic(id), 0o644)
	code, out, e := runCLI(t, "feedback", "import", file, "--assessor-pubkey", kf, "--trust", "--data", f.opd.data)
	if code != cli.ExitError || !strings.Contains(e, "bukan sidik jari kunci penanda tangan") {
		t.Fatalf("import: exit %d %s %s", code, out, e)
	}
	show := mustCLI(t, "feedback", "show", "--assessment", f.opd.assessment, "--data", f.opd.data)
	if strings.Contains(out+show, f.exp.Fingerprint) {
		t.Fatalf("the claimed fingerprint is shown:\n%s\n%s", out, show)
	}
	if out := mustCLI(t, "feedback", "keys", "--data", f.opd.data); strings.Contains(out, id.KeyID[:16]) {
		t.Fatalf("the forger's key was trusted: %s", out)
	}
}

// A refused export changes nothing: a name over the limit creates no
// assessor key, and a folder whose key file names are both taken keeps
// the feedback file already there.
func TestFeedbackExportRefusedLeavesNothing(t *testing.T) {
	ctx := context.Background()
	f := newFBFixture(t)
	w, err := openAsesorGUI(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, _, err := w.AddKey(ctx, f.opd.pubkey, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Import(ctx, []string{f.usb}, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.SaveReview(ctx, assessment.ReviewDecision{BundleID: f.opd.bundleID, Indicator: f.in1,
		Status: assessment.ReviewAccepted, Reviewer: "Budi"}); err != nil {
		t.Fatal(err)
	}
	pass := []byte("frasa sandi asesor kedua")
	dest := t.TempDir()
	if _, err := w.ExportFeedback(ctx, f.opd.bundleID, dest, strings.Repeat("Tim Asesor ", 10), pass); err == nil {
		t.Fatal("a name over the limit was exported")
	}
	if _, exists, _ := w.AsesorKey(ctx); exists {
		t.Fatal("a refused first export created the assessor key")
	}
	exp, err := w.ExportFeedback(ctx, f.opd.bundleID, dest, "Tim Asesor Kedua", pass)
	if err != nil || !exp.KeyCreated {
		t.Fatalf("export %+v %v", exp, err)
	}

	// Another laptop's key files hold both names in f.back, beside its
	// feedback on the same bundle: this export is refused and writes nothing.
	other, _ := os.ReadFile(f.exp.PublicKeyPath)
	os.WriteFile(filepath.Join(f.back, asesor.AsesorKeyFileName(exp.KeyID)), other, 0o644)
	before, _ := os.ReadFile(f.exp.Path)
	if _, err := w.ExportFeedback(ctx, f.opd.bundleID, f.back, "Tim Asesor Kedua", pass); err == nil ||
		!strings.Contains(err.Error(), "tidak ditimpa") {
		t.Fatalf("export into a folder with both key names taken: %v", err)
	}
	if after, _ := os.ReadFile(f.exp.Path); !bytes.Equal(before, after) {
		t.Error("the refused export replaced the other assessor's feedback file")
	}
}
