package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
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
	deps := guiDeps(t.TempDir())
	if deps.FeedbackInbox == nil {
		t.Fatal("guiDeps does not wire FeedbackInbox")
	}
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
		if _, err := w.AddKey(ctx, o.pubkey); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := w.Import(ctx, []string{usb}, nil); err != nil || len(out) != 2 {
		t.Fatalf("import %+v %v", out, err)
	}
	pass := []byte("frasa sandi asesor yang panjang")
	if _, exists, err := w.AssessorKey(ctx); err != nil || exists {
		t.Fatalf("assessor key before the first export: %v %v", exists, err)
	}
	if _, err := w.ExportFeedback(ctx, kominfo.bundleID, back, "Tim Asesor Sigi", pass); err == nil {
		t.Fatal("feedback on a bundle not reviewed was exported")
	}
	if _, exists, _ := w.AssessorKey(ctx); exists {
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
		exp.PublicKeyPath != filepath.Join(back, assessorPublicKeyName) || filepath.Dir(exp.Path) != back {
		t.Fatalf("export %+v", exp)
	}
	key, exists, err := w.AssessorKey(ctx)
	if err != nil || !exists || key != exp.Key {
		t.Fatalf("assessor key %+v %v %v, export used %+v", key, exists, err, exp.Key)
	}
	if _, err := w.ExportFeedback(ctx, dinkes.bundleID, back, "Tim Asesor Sigi", []byte("salah salah salah")); err == nil ||
		!strings.Contains(err.Error(), "frasa sandi salah") {
		t.Fatalf("wrong passphrase: %v", err)
	}
	expDinkes, err := w.ExportFeedback(ctx, dinkes.bundleID, back, "", pass)
	if err != nil || expDinkes.KeyCreated || expDinkes.Key != exp.Key {
		t.Fatalf("second export %+v %v", expDinkes, err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	// DISKOMINFO, through the GUI's inbox on its store.
	db, err := storage.Open(kominfo.data)
	if err != nil {
		t.Fatal(err)
	}
	inbox := deps.FeedbackInbox(db)
	p, err := inbox.Preview(ctx, exp.Path, "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Trusted || p.KeyFile != exp.PublicKeyPath || p.Fingerprint != exp.Key.Fingerprint || !p.Verified ||
		p.Assessor != "Tim Asesor Sigi" || p.OPDKode != "DISKOMINFO" || p.Items != 2 {
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
	imp, err := inbox.Import(ctx, exp.Path, p.KeyFile)
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
	if len(notes.Items) != 2 || notes.Assessor != "Tim Asesor Sigi" || notes.BundleID != kominfo.bundleID ||
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
	if !strings.Contains(out, exp.Key.KeyID[:16]) || !strings.Contains(out, exp.Key.Fingerprint) || !strings.Contains(out, assessorPublicKeyName) {
		t.Fatalf("feedback keys: %s", out)
	}
	mustCLI(t, "feedback", "untrust", exp.Key.KeyID[:12], "--data", kominfo.data)
	if out := mustCLI(t, "feedback", "show", "--data", kominfo.data, "--assessment", kominfo.assessment); !strings.Contains(out, "belum ditandatangani") {
		t.Fatalf("imported feedback gone after untrust: %s", out)
	}
	db, err = storage.Open(kominfo.data)
	if err != nil {
		t.Fatal(err)
	}
	if p, err := deps.FeedbackInbox(db).Preview(ctx, exp.Path, ""); err != nil || p.Trusted {
		t.Errorf("still trusted after untrust: %+v %v", p, err)
	}
	db.Close()

	// The assessor's key: backup, and restore on another laptop.
	passFile := filepath.Join(t.TempDir(), "frasa")
	os.WriteFile(passFile, pass, 0o600)
	backup := filepath.Join(t.TempDir(), "kunci-asesor.cadangan")
	mustCLI(t, "key", "backup", "--asesor", backup, "--data", asesorData, "--passphrase-file", passFile)
	fresh := t.TempDir()
	mustCLI(t, "key", "restore", "--asesor", backup, "--data", fresh, "--passphrase-file", passFile)
	if out := mustCLI(t, "key", "show", "--asesor", "--data", fresh); !strings.Contains(out, exp.Key.Fingerprint) {
		t.Fatalf("restored assessor key: %s", out)
	}
	if out := mustCLI(t, "key", "show", "--data", fresh); strings.Contains(out, exp.Key.Fingerprint) {
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
