package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/report"
)

// runCLI runs the real command line (main's cliEnv: real store, real PDFs)
// with a passphrase on stdin for --passphrase-file -.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := cliEnv()
	env.Stdin, env.Stdout, env.Stderr = strings.NewReader("rahasia-yang-panjang\n"), &out, &errOut
	env.Library = assets.Library
	code := cli.Run(env, args)
	return code, out.String(), errOut.String()
}

// mustCLI runs the real command line and fails the test on a non-zero exit.
func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d\n%s\n%s", args, code, out, errOut)
	}
	return out
}

// TestAsesorRoundTrip is the end-to-end test of issue 6: three OPD
// installations export signed bundles to one "USB stick"; the assessor
// registers and verifies their keys, imports, reviews, consolidates to an
// instansi index, checks a printed report's QR text and exports feedback;
// each OPD imports its feedback (trusting the assessor key deliberately)
// and sees the notes. Everything goes through the real CLI and stores.
func TestAsesorRoundTrip(t *testing.T) {
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	c, err := lib.Latest("pemdi-2026")
	if err != nil {
		t.Fatal(err)
	}
	in1 := strconv.Itoa(c.Indicators[0].Number)
	usb := t.TempDir()
	keysDir := t.TempDir()
	asesorData := t.TempDir()
	pass := filepath.Join(t.TempDir(), "frasa")
	if err := os.WriteFile(pass, []byte("frasa sandi asesor yang panjang\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	type opd struct {
		kode, data, assessment, bundleID string
		level                            int
	}
	opds := []*opd{{kode: "BAPPEDA", level: 2}, {kode: "DISKOMINFO", level: 4}, {kode: "DINKES", level: 3}}
	for _, o := range opds {
		o.data = t.TempDir()
		mustCLI(t, "init", "--data", o.data, "--instansi", "Pemerintah Kabupaten Sigi", "--opd-kode", o.kode,
			"--opd-nama", "Dinas "+o.kode, "--operator", "Rina")
		out := mustCLI(t, "assessment", "new", "--data", o.data, "--catalog", "pemdi-2026", "--periode", "2026", "--json")
		var a struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal([]byte(out), &a); err != nil || a.ID == "" {
			t.Fatalf("assessment new: %v %q", err, out)
		}
		o.assessment = a.ID
		ev := filepath.Join(t.TempDir(), "SK "+o.kode+".pdf")
		os.WriteFile(ev, []byte("%PDF-1.4 SK "+o.kode), 0o644)
		mustCLI(t, "answer", "--data", o.data, "--assessment", a.ID, "--indicator", in1, "--level", strconv.Itoa(o.level),
			"--justification", "Ada SK "+o.kode, "--evidence", ev)
		for _, in := range c.Indicators[1:4] {
			mustCLI(t, "answer", "--data", o.data, "--assessment", a.ID, "--indicator", strconv.Itoa(in.Number), "--level", "2")
		}
		mustCLI(t, "key", "init", "--data", o.data, "--passphrase-file", "-")
		mustCLI(t, "key", "export-public", filepath.Join(keysDir, "kunci-"+o.kode+".json"), "--data", o.data)
		out = mustCLI(t, "export", "--data", o.data, "--assessment", a.ID, "--out", usb, "--passphrase-file", "-", "--json")
		var ex struct {
			BundleID string `json:"bundle_id"`
		}
		if err := json.Unmarshal([]byte(out), &ex); err != nil || ex.BundleID == "" {
			t.Fatalf("export: %v %q", err, out)
		}
		o.bundleID = ex.BundleID
	}

	// Each export put the OPD's public key on the stick beside its bundle.
	for _, o := range opds {
		onStick, err := keys.ReadPublic(filepath.Join(usb, "KUNCI_PUBLIK_"+o.kode+".json"))
		sent, err2 := keys.ReadPublic(filepath.Join(keysDir, "kunci-"+o.kode+".json"))
		if err != nil || err2 != nil || onStick.KeyID != sent.KeyID {
			t.Fatalf("%s public key on the stick: %v %v", o.kode, err, err2)
		}
	}

	// The assessor: without keys every bundle is refused — bundles carried
	// without their key files (with them the first import registers the
	// keys as pending: TestAsesorFirstStickJustWorks).
	bare := t.TempDir()
	bundles, _ := filepath.Glob(filepath.Join(usb, "*.spbe"))
	for _, b := range bundles {
		data, err := os.ReadFile(b)
		if err != nil || os.WriteFile(filepath.Join(bare, filepath.Base(b)), data, 0o644) != nil {
			t.Fatal(err)
		}
	}
	if code, _, _ := runCLI(t, "import", "--data", asesorData, bare); code != cli.ExitError {
		t.Fatalf("import without keys: exit %d", code)
	}
	for _, o := range opds {
		mustCLI(t, "keys", "add", "--data", asesorData, filepath.Join(keysDir, "kunci-"+o.kode+".json"), "--opd", o.kode)
	}
	var keyList []assessment.RegisteredKey
	json.Unmarshal([]byte(mustCLI(t, "keys", "list", "--data", asesorData, "--json")), &keyList)
	if len(keyList) != 3 {
		t.Fatalf("keys: %+v", keyList)
	}
	for _, k := range keyList {
		mustCLI(t, "keys", "verify", "--data", asesorData, k.KeyID[:16], "--how", "formulir bertanda tangan", "--by", "Budi")
	}
	var imported struct {
		Bundles []intake.Outcome `json:"bundles"`
	}
	json.Unmarshal([]byte(mustCLI(t, "import", "--data", asesorData, usb, "--json")), &imported)
	if len(imported.Bundles) != 3 {
		t.Fatalf("import: %+v", imported)
	}
	for _, b := range imported.Bundles {
		if b.Kind != "baru" || b.KeyStatus != "verified" {
			t.Fatalf("import outcome: %+v", b)
		}
	}
	// Importing the stick again is a no-op.
	json.Unmarshal([]byte(mustCLI(t, "import", "--data", asesorData, usb, "--json")), &imported)
	for _, b := range imported.Bundles {
		if b.Kind != "sudah diimpor" {
			t.Fatalf("re-import: %+v", b)
		}
	}

	// Review: BAPPEDA accepted with a decimal value, DISKOMINFO sent back, DINKES accepted as answered.
	mustCLI(t, "review", "--data", asesorData, "--bundle", opds[0].bundleID, "--indicator", in1, "--value", "2,5", "--status", "diterima",
		"--note", "Sesuai", "--by", "Budi")
	mustCLI(t, "review", "--data", asesorData, "--bundle", opds[1].bundleID, "--indicator", in1, "--status", "revisi",
		"--reason", "bukti tidak tepat", "--note", "SK belum ditandatangani Kepala Dinas", "--by", "Budi")
	mustCLI(t, "review", "--data", asesorData, "--bundle", opds[2].bundleID, "--indicator", in1, "--status", "diterima", "--by", "Budi")
	if code, _, e := runCLI(t, "review", "--data", asesorData, "--bundle", opds[2].bundleID, "--indicator", "9999", "--status", "diterima"); code != cli.ExitError ||
		!strings.Contains(e, "tidak ada di katalog") {
		t.Fatalf("unknown indicator: %d %s", code, e)
	}
	var sheet cli.ReviewSheet
	json.Unmarshal([]byte(mustCLI(t, "review", "show", "--data", asesorData, "--bundle", opds[1].bundleID, "--json")), &sheet)
	if sheet.OPDKode != "DISKOMINFO" || len(sheet.Rows) == 0 || sheet.Rows[0].Level != 4 || len(sheet.Rows[0].Evidence) != 1 ||
		sheet.Rows[0].Review == nil || sheet.Rows[0].Review.Status != "revisi" {
		t.Fatalf("review sheet: %+v", sheet)
	}

	// Consolidation: the proposal is the highest accepted value (DINKES's level 3, not DISKOMINFO's 4 under revisi).
	// Decoded with the keys of the CLI's JSON contract.
	var cons struct {
		Index     string `json:"index"`
		Predicate string `json:"predicate"`
		Rows      []struct {
			Value    string            `json:"value"`
			FromOPD  string            `json:"from_opd"`
			Source   string            `json:"source"`
			Evidence []json.RawMessage `json:"evidence"`
		} `json:"indicators"`
	}
	json.Unmarshal([]byte(mustCLI(t, "consolidate", "show", "--data", asesorData, "--periode", "2026", "--json")), &cons)
	if cons.Rows[0].Value != "3" || cons.Rows[0].FromOPD != "DINKES" || cons.Rows[0].Source != "usulan" || cons.Index == "" || cons.Predicate == "" {
		t.Fatalf("consolidation: %+v %+v", cons, cons.Rows[0])
	}
	mustCLI(t, "consolidate", "set", "--data", asesorData, "--periode", "2026", "--indicator", in1, "--value", "2,5",
		"--from-bundle", opds[0].bundleID, "--by", "Budi")
	json.Unmarshal([]byte(mustCLI(t, "consolidate", "show", "--data", asesorData, "--periode", "2026", "--json")), &cons)
	if r := cons.Rows[0]; r.Value != "2.5" || r.FromOPD != "BAPPEDA" || r.Source != "ditetapkan" || len(r.Evidence) != 1 || cons.Index != "1.075" {
		// Pemdi's headline counts the 19 unanswered indicators as 1, as
		// KemenPANRB publishes: (2.5·5 + 1·95) / 100.
		t.Fatalf("settled: %+v %+v", cons, r)
	}
	if out := mustCLI(t, "consolidate", "show", "--data", asesorData, "--periode", "2026", "--csv"); !strings.Contains(out, ",2.5,ditetapkan,BAPPEDA,") {
		t.Fatalf("csv: %s", out)
	}

	// Paper check of BAPPEDA's printed report.
	var rec []assessment.RecapRow
	json.Unmarshal([]byte(mustCLI(t, "recap", "--data", asesorData, "--json")), &rec)
	if len(rec) != 3 {
		t.Fatalf("recap: %+v", rec)
	}
	var bappedaKey assessment.RegisteredKey
	for _, k := range keyList {
		if k.OPDKode == "BAPPEDA" {
			bappedaKey = k
		}
	}
	for _, b := range imported.Bundles {
		if b.OPDKode != "BAPPEDA" {
			continue
		}
		digest := contentDigestOf(t, b.Path)
		text, err := report.QRText("BAPPEDA", 2026, int(b.Sequence), digest, bappedaKey.Fingerprint)
		if err != nil {
			t.Fatal(err)
		}
		if out := mustCLI(t, "papercheck", "--data", asesorData, text); !strings.Contains(out, "COCOK") {
			t.Fatalf("papercheck: %s", out)
		}
	}

	// Per-item review of DINKES's indicator 1 (claimed 3): the level-1 item
	// not uploaded rejects level 2 automatically, so accepting a level-2
	// item is refused; the assessor gives partial credit 1,25 over the
	// computed 1, and the recap counts it.
	reviewItemsDinkes(t, asesorData, opds[2].bundleID, c)

	// Feedback to every OPD over the same stick.
	back := t.TempDir()
	for _, o := range opds {
		mustCLI(t, "feedback", "export", "--data", asesorData, "--bundle", o.bundleID, "--out", back, "--passphrase-file", pass)
	}
	pub := filepath.Join(back, storage.AsesorPublicKeyName)
	for _, o := range opds {
		files, _ := filepath.Glob(filepath.Join(back, "SPBE_"+o.kode+"_2026_*_UMPAN.spbe-umpan"))
		if len(files) != 1 {
			t.Fatalf("%s feedback files: %v", o.kode, files)
		}
		// An unknown assessor key is refused without --trust.
		if code, _, e := runCLI(t, "feedback", "import", "--data", o.data, files[0]); code != cli.ExitError || !strings.Contains(e, "belum dipercaya") {
			t.Fatalf("untrusted import: %d %s", code, e)
		}
		if code, _, e := runCLI(t, "feedback", "import", "--data", o.data, files[0], "--assessor-pubkey", pub); code != cli.ExitError || !strings.Contains(e, "--trust") {
			t.Fatalf("pubkey without --trust: %d %s", code, e)
		}
		mustCLI(t, "feedback", "import", "--data", o.data, files[0], "--assessor-pubkey", pub, "--trust")
		var got []cli.FeedbackView
		json.Unmarshal([]byte(mustCLI(t, "feedback", "show", "--data", o.data, "--assessment", o.assessment, "--json")), &got)
		if len(got) != 1 || len(got[0].Notes) != 1 || got[0].BundleID != o.bundleID {
			t.Fatalf("%s feedback: %+v", o.kode, got)
		}
		n := got[0].Notes[0]
		switch o.kode {
		case "BAPPEDA":
			if n.Status != "diterima" || n.Value != "2.5" || n.Note != "Sesuai" {
				t.Fatalf("BAPPEDA note %+v", n)
			}
		case "DISKOMINFO":
			if n.Status != "revisi" || n.Reason != "bukti tidak tepat" || !strings.Contains(n.Note, "belum ditandatangani") {
				t.Fatalf("DISKOMINFO note %+v", n)
			}
		case "DINKES":
			checkItemNotesDinkes(t, o.data, o.assessment, n)
		}
	}
	// Another OPD's feedback is refused: it names a bundle this installation did not export.
	files, _ := filepath.Glob(filepath.Join(back, "SPBE_DINKES_2026_*_UMPAN.spbe-umpan"))
	if code, _, e := runCLI(t, "feedback", "import", "--data", opds[0].data, files[0]); code != cli.ExitError || !strings.Contains(e, "tidak diekspor") {
		t.Fatalf("foreign feedback: %d %s", code, e)
	}
}

// contentDigestOf reads the content digest of a bundle file (verified
// without a key).
func contentDigestOf(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	v, err := bundle.Verify(f, st.Size(), bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return v.Manifest.ContentDigest
}

// TestAsesorSettlesConflict: an OPD exports three versions; the
// assessor gets the first and the third (which supersedes the second, not
// the first): konflik. The recap shows the recomputed index and the
// conflict, `bundles` lists both side by side, `accept` makes the third
// the accepted one, and the second, arriving late, is refused as a replay.
func TestAsesorSettlesConflict(t *testing.T) {
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	c, err := lib.Latest("pemdi-2026")
	if err != nil {
		t.Fatal(err)
	}
	data, asesorData, keyFile := t.TempDir(), t.TempDir(), filepath.Join(t.TempDir(), "kunci.json")
	mustCLI(t, "init", "--data", data, "--instansi", "Pemerintah Kabupaten Sigi", "--opd-kode", "DISHUB",
		"--opd-nama", "Dinas Perhubungan", "--operator", "Rina")
	var a struct {
		ID string `json:"id"`
	}
	json.Unmarshal([]byte(mustCLI(t, "assessment", "new", "--data", data, "--catalog", "pemdi-2026", "--periode", "2026", "--json")), &a)
	mustCLI(t, "key", "init", "--data", data, "--passphrase-file", "-")
	mustCLI(t, "key", "export-public", keyFile, "--data", data)
	sticks := make([]string, 3)
	ids := make([]string, 3)
	for i := range sticks {
		mustCLI(t, "answer", "--data", data, "--assessment", a.ID, "--indicator", strconv.Itoa(c.Indicators[i].Number), "--level", "3")
		sticks[i] = t.TempDir()
		var ex struct {
			BundleID string `json:"bundle_id"`
		}
		json.Unmarshal([]byte(mustCLI(t, "export", "--data", data, "--assessment", a.ID, "--out", sticks[i], "--passphrase-file", "-", "--json")), &ex)
		ids[i] = ex.BundleID
	}

	mustCLI(t, "keys", "add", "--data", asesorData, keyFile, "--opd", "DISHUB")
	var imported struct {
		Bundles []intake.Outcome `json:"bundles"`
	}
	json.Unmarshal([]byte(mustCLI(t, "import", "--data", asesorData, sticks[0], "--json")), &imported)
	if imported.Bundles[0].Kind != "baru" {
		t.Fatalf("first: %+v", imported.Bundles)
	}
	json.Unmarshal([]byte(mustCLI(t, "import", "--data", asesorData, sticks[2], "--json")), &imported)
	if b := imported.Bundles[0]; b.Kind != "konflik" || b.ConflictWith != ids[0] {
		t.Fatalf("third: %+v", b)
	}
	var rec []assessment.RecapRow
	json.Unmarshal([]byte(mustCLI(t, "recap", "--data", asesorData, "--json")), &rec)
	if len(rec) != 1 || rec[0].BundleID != ids[0] || rec[0].Conflicts != 1 || !rec[0].Recomputed || rec[0].IndexMismatch ||
		rec[0].Index != rec[0].ClaimedIndex || rec[0].Answered != 1 {
		t.Fatalf("recap with konflik: %+v", rec)
	}
	if out := mustCLI(t, "recap", "--data", asesorData); !strings.Contains(out, "1 konflik") {
		t.Fatalf("recap text: %s", out)
	}

	var listed []cli.StoredBundle
	json.Unmarshal([]byte(mustCLI(t, "bundles", "--data", asesorData, "--opd", "DISHUB", "--json")), &listed)
	if len(listed) != 2 || listed[0].Status != "accepted" || listed[1].Status != "conflict" || listed[1].BundleID != ids[2] {
		t.Fatalf("bundles: %+v", listed)
	}

	var acc assessment.Acceptance
	json.Unmarshal([]byte(mustCLI(t, "accept", "--data", asesorData, ids[2], "--by", "Budi", "--json")), &acc)
	if !acc.Changed || acc.BundleID != ids[2] || acc.PreviousID != ids[0] || len(acc.Superseded) != 1 || acc.DecidedBy != "Budi" {
		t.Fatalf("accept: %+v", acc)
	}
	json.Unmarshal([]byte(mustCLI(t, "recap", "--data", asesorData, "--json")), &rec)
	if len(rec) != 1 || rec[0].BundleID != ids[2] || rec[0].Conflicts != 0 || rec[0].Answered != 3 || rec[0].Versions != 2 {
		t.Fatalf("recap after accept: %+v", rec)
	}

	// The second version, arriving late, is an old number for the key.
	code, out, _ := runCLI(t, "import", "--data", asesorData, sticks[1], "--json")
	json.Unmarshal([]byte(out), &imported)
	if code != cli.ExitError || imported.Bundles[0].Code != "sequence" {
		t.Fatalf("late second version: exit %d %+v", code, imported.Bundles)
	}
}
