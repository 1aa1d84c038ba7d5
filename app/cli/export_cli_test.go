package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// closeOnly is a store that can only be closed: the key, export and verify
// commands reach data through Env.Keys and Env.Verifier, which the tests
// fake (keyFuncs).
type closeOnly struct{ assessment.Store }

func (closeOnly) Close() error { return nil }

const fakeFP = "71148 39595 34165 45219 63805 42623"

// keyFuncs are the key, verify and prompt ports as function fields, for
// the tests to set one by one.
type keyFuncs struct {
	KeyInfo      func(dir string) (assessment.OPDKey, error)
	CreateKey    func(dir string, passphrase []byte) (assessment.OPDKey, error)
	ExportPublic func(dir string) ([]byte, assessment.OPDKey, error)
	BackupKey    func(dir string, passphrase []byte) ([]byte, assessment.OPDKey, error)
	RestoreKey   func(dir string, passphrase []byte, file string, force bool) (assessment.OPDKeyRestored, error)
	VerifyBundle func(ctx context.Context, bundlePath, pubkeyFile string) (assessment.VerifyReport, error)
	ReadPassword func(prompt string) ([]byte, error)
}

func (k *keyFuncs) Info(dir string) (assessment.OPDKey, error) { return k.KeyInfo(dir) }
func (k *keyFuncs) Create(dir string, p []byte) (assessment.OPDKey, error) {
	return k.CreateKey(dir, p)
}
func (k *keyFuncs) PublicFile(dir string) ([]byte, assessment.OPDKey, error) {
	return k.ExportPublic(dir)
}
func (k *keyFuncs) Backup(dir string, p []byte) ([]byte, assessment.OPDKey, error) {
	return k.BackupKey(dir, p)
}
func (k *keyFuncs) Restore(dir string, p []byte, file string, force bool) (assessment.OPDKeyRestored, error) {
	return k.RestoreKey(dir, p, file, force)
}
func (k *keyFuncs) Verify(ctx context.Context, path, pub string) (assessment.VerifyReport, error) {
	return k.VerifyBundle(ctx, path, pub)
}

// wire puts the fakes into env.
func (k *keyFuncs) wire(env *Env) *Env {
	env.Keys, env.Verifier, env.ReadPassword = k, k, k.ReadPassword
	return env
}

// fakeDeps records what the commands asked for.
type fakeDeps struct {
	keyFuncs
	key      assessment.OPDKey
	pass     []string
	req      assessment.ExportRequest
	force    bool
	prompted int
	// bundle, when set, replaces the fake export's result.
	bundle func(assessment.ExportRequest) (assessment.ExportResult, error)
}

func newFakeDeps(haveKey bool) *fakeDeps {
	f := &fakeDeps{}
	if haveKey {
		f.key = assessment.OPDKey{Exists: true, KeyID: strings.Repeat("5", 64), Fingerprint: fakeFP, PublicKey: "AAAA", LastSequence: 2}
	}
	f.KeyInfo = func(string) (assessment.OPDKey, error) { return f.key, nil }
	f.CreateKey = func(_ string, p []byte) (assessment.OPDKey, error) {
		f.pass = append(f.pass, string(p))
		f.key = assessment.OPDKey{Exists: true, KeyID: strings.Repeat("5", 64), Fingerprint: fakeFP}
		return f.key, nil
	}
	f.BackupKey = func(_ string, p []byte) ([]byte, assessment.OPDKey, error) {
		f.pass = append(f.pass, string(p))
		return []byte("cadangan"), f.key, nil
	}
	f.RestoreKey = func(_ string, p []byte, _ string, force bool) (assessment.OPDKeyRestored, error) {
		f.pass, f.force = append(f.pass, string(p)), force
		return assessment.OPDKeyRestored{Key: f.key}, nil
	}
	f.ExportPublic = func(string) ([]byte, assessment.OPDKey, error) { return []byte("kunci publik"), f.key, nil }
	return f
}

// fakeExport is the open folder's export port over fakeDeps.
type fakeExport struct {
	assessment.OPDExport
	f *fakeDeps
}

func (e fakeExport) Bundle(_ context.Context, req assessment.ExportRequest) (assessment.ExportResult, error) {
	if e.f.bundle != nil {
		return e.f.bundle(req)
	}
	e.f.req = req
	e.f.pass = append(e.f.pass, string(req.Passphrase))
	return assessment.ExportResult{Path: filepath.Join(req.OutDir, "SPBE_DISKOMINFO_2026_3.spbe"), Sequence: 3,
		Fingerprint: fakeFP, BundleID: "01968f2a-5b3c-7d4e-8f90-a1b2c3d4e5f6", ContentDigest: strings.Repeat("ab", 32), Files: 4}, nil
}

// folder is an open data folder whose export port is the fake's.
func (f *fakeDeps) folder(dir string) *Services {
	return &Services{DataDir: dir, Store: closeOnly{}, Export: fakeExport{f: f}}
}

// outputFuncs is the output port as function fields.
type outputFuncs struct {
	check    func(f OutputFile) error
	write    func(f OutputFile, write func(io.Writer) error) (int64, error)
	checkDir func(dataDir, dir string) error
}

func (o *outputFuncs) Check(f OutputFile) error { return o.check(f) }
func (o *outputFuncs) Write(f OutputFile, w func(io.Writer) error) (int64, error) {
	return o.write(f, w)
}
func (o *outputFuncs) CheckDir(dataDir, dir string) error { return o.checkDir(dataDir, dir) }

// discardOutput accepts every output file and writes it nowhere: the
// writer and the output-path policy are storage/atomicfile's, tested there
// and end to end in storage/clitest.
var discardOutput = &outputFuncs{
	check:    func(OutputFile) error { return nil },
	write:    func(_ OutputFile, write func(io.Writer) error) (int64, error) { return 0, write(io.Discard) },
	checkDir: func(string, string) error { return nil },
}

func runWith(t *testing.T, deps *fakeDeps, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Output: discardOutput,
		Services: func(dir string) (*Services, error) { return &Services{DataDir: t.TempDir(), Store: closeOnly{}}, nil }}
	if deps != nil {
		deps.wire(env)
		env.Services = func(string) (*Services, error) { return deps.folder(t.TempDir()), nil }
	}
	code := Run(env, args)
	return code, out.String(), errb.String()
}

func passFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "frasa.txt")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestKeyShow(t *testing.T) {
	code, out, _ := runWith(t, newFakeDeps(false), "", "key", "show")
	if code != ExitOK || !strings.Contains(out, "Belum ada kunci") {
		t.Fatalf("no key: %d %q", code, out)
	}
	code, out, _ = runWith(t, newFakeDeps(true), "", "--data", t.TempDir(), "key", "show")
	if code != ExitOK || !strings.Contains(out, fakeFP) || !strings.Contains(out, "Nomor urut") {
		t.Fatalf("key: %d %q", code, out)
	}
	code, out, _ = runWith(t, newFakeDeps(true), "", "key", "show", "--json")
	var ki assessment.OPDKey
	if code != ExitOK || json.Unmarshal([]byte(out), &ki) != nil || ki.Fingerprint != fakeFP {
		t.Fatalf("json: %d %q", code, out)
	}
}

func TestKeyInitPassphrase(t *testing.T) {
	d := newFakeDeps(false)
	code, out, errs := runWith(t, d, "", "key", "init", "--passphrase-file", passFile(t, "rahasia panjang sekali\r\n"))
	if code != ExitOK || len(d.pass) != 1 || d.pass[0] != "rahasia panjang sekali" || !strings.Contains(out, "key backup") {
		t.Fatalf("%d %q %q pass %q", code, out, errs, d.pass)
	}
	d = newFakeDeps(false)
	if code, _, _ := runWith(t, d, "dari stdin\n", "key", "init", "--passphrase-file", "-"); code != ExitOK || d.pass[0] != "dari stdin" {
		t.Fatalf("stdin: %d %q", code, d.pass)
	}
}

func TestPassphraseNeverWithoutFileOrTerminal(t *testing.T) {
	code, _, errs := runWith(t, newFakeDeps(false), "", "key", "init")
	if code != ExitUsage || !strings.Contains(errs, "--passphrase-file") {
		t.Fatalf("%d %q", code, errs)
	}
	code, _, _ = runWith(t, newFakeDeps(false), "", "key", "init", "--passphrase", "rahasia")
	if code != ExitUsage {
		t.Fatalf("--passphrase on the command line accepted: %d", code)
	}
	code, _, errs = runWith(t, newFakeDeps(false), "", "key", "init", "--passphrase-file", passFile(t, "\n"))
	if code != ExitError || !strings.Contains(errs, "kosong") {
		t.Fatalf("empty file: %d %q", code, errs)
	}
}

func TestKeyInitPromptsTwice(t *testing.T) {
	d := newFakeDeps(false)
	answers := []string{"satu dua tiga", "satu dua empat"}
	d.ReadPassword = func(string) ([]byte, error) { d.prompted++; return []byte(answers[d.prompted-1]), nil }
	code, _, errs := runWith(t, d, "", "key", "init")
	if code != ExitError || !strings.Contains(errs, "tidak sama") || len(d.pass) != 0 {
		t.Fatalf("%d %q", code, errs)
	}
	d.prompted, answers[1] = 0, answers[0]
	if code, _, _ := runWith(t, d, "", "key", "init"); code != ExitOK || d.pass[0] != "satu dua tiga" {
		t.Fatalf("confirmed: %d %v", code, d.pass)
	}
}

func TestKeySubcommands(t *testing.T) {
	pf := passFile(t, "frasa sandi uji")
	d := newFakeDeps(true)
	for _, args := range [][]string{
		{"key", "export-public", "kunci.json"},
		{"key", "backup", "cadangan.json", "--passphrase-file", pf},
		{"key", "restore", "cadangan.json", "--passphrase-file", pf, "--force"},
	} {
		if code, out, errs := runWith(t, d, "", args...); code != ExitOK || out == "" {
			t.Fatalf("%v: %d %q %q", args, code, out, errs)
		}
	}
	if !d.force {
		t.Fatal("--force not passed on")
	}
	for _, args := range [][]string{{"key"}, {"key", "hapus"}, {"key", "backup"}, {"key", "show", "x"}} {
		if code, _, _ := runWith(t, d, "", args...); code != ExitUsage {
			t.Fatalf("%v: exit %d, want 2", args, code)
		}
	}
	if code, _, errs := runWith(t, nil, "", "key", "show"); code != ExitError || errs == "" {
		t.Fatalf("unwired: %d %q", code, errs)
	}
}

func TestExportCreatesKeyAtFirstExport(t *testing.T) {
	d := newFakeDeps(false)
	out := t.TempDir()
	code, stdout, errs := runWith(t, d, "", "export", "--assessment", "2026-pemdi-x", "--out", out, "--passphrase-file", passFile(t, "frasa sandi uji"))
	if code != ExitOK {
		t.Fatalf("%d %q", code, errs)
	}
	if len(d.pass) != 2 || d.req.AssessmentID != "2026-pemdi-x" || d.req.OutDir != out {
		t.Fatalf("calls %v %+v", d.pass, d.req)
	}
	for _, want := range []string{"SPBE_DISKOMINFO_2026_3.spbe", "Nomor urut   : 3", fakeFP, "abababab abababab"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(errs, "Kunci penanda tangan baru dibuat") {
		t.Errorf("no notice of the new key: %q", errs)
	}
	if code, _, _ := runWith(t, d, "", "export", "--assessment", "x"); code != ExitUsage {
		t.Fatalf("missing --out: exit %d", code)
	}
}

// badBundle mimics the bundle package's typed error.
type badBundle struct{}

func (badBundle) Error() string {
	return `entri "answers.json": hash SHA-256 berkas tidak sesuai manifest`
}
func (badBundle) EntryName() string { return "answers.json" }
func (badBundle) CheckName() string { return "hash" }

func TestVerify(t *testing.T) {
	d := newFakeDeps(true)
	d.VerifyBundle = func(_ context.Context, path, pub string) (assessment.VerifyReport, error) {
		return assessment.VerifyReport{Valid: true, SignerKnown: pub != "", OPDKode: "DISKOMINFO", Periode: 2026, Sequence: 3,
			Fingerprint: fakeFP, Index: "2.9512", Predicate: "Baik", Files: []assessment.VerifyFile{{Path: "answers.json", Role: "answers", Size: 10}}}, nil
	}
	// Without --pubkey (issue 11, class 10): intact, signer NOT checked,
	// exit 3, never "SAH", the fingerprint only as what the bundle claims.
	code, out, _ := runWith(t, d, "", "verify", "b.spbe")
	if code != ExitUnchecked || strings.Contains(out, "BUNDEL SAH") || !strings.Contains(out, "PENANDA TANGAN TIDAK DIPERIKSA") ||
		!strings.Contains(out, "Sidik jari yang DIKLAIM bundel, belum diperiksa: "+fakeFP) || !strings.Contains(out, "2,95 Baik") {
		t.Fatalf("%d %q", code, out)
	}
	code, out, _ = runWith(t, d, "", "verify", "--json", "b.spbe")
	var unchecked assessment.VerifyReport
	if code != ExitUnchecked || json.Unmarshal([]byte(out), &unchecked) != nil || unchecked.Status != VerifySignerUnchecked ||
		unchecked.Valid || !unchecked.IntegrityOK {
		t.Fatalf("--json without --pubkey: %d %q", code, out)
	}
	code, out, _ = runWith(t, d, "", "verify", "b.spbe", "--pubkey", "k.json")
	if code != ExitOK || !strings.Contains(out, "BUNDEL SAH") || !strings.Contains(out, "COCOK") {
		t.Fatalf("%d %q", code, out)
	}
	code, out, _ = runWith(t, d, "", "verify", "--json", "b.spbe", "--pubkey", "k.json")
	if code != ExitOK || json.Unmarshal([]byte(out), &unchecked) != nil || unchecked.Status != VerifyValid || !unchecked.Valid {
		t.Fatalf("--json with --pubkey: %d %q", code, out)
	}
	d.VerifyBundle = func(context.Context, string, string) (assessment.VerifyReport, error) {
		return assessment.VerifyReport{}, badBundle{}
	}
	code, out, errs := runWith(t, d, "", "verify", "b.spbe")
	if code != ExitError || out != "" || !strings.Contains(errs, "TIDAK SAH") || !strings.Contains(errs, "hash SHA-256") {
		t.Fatalf("%d %q %q", code, out, errs)
	}
	code, out, _ = runWith(t, d, "", "verify", "--json", "b.spbe")
	var rep struct {
		Valid   bool
		Problem *VerifyProblem
	}
	if code != ExitError || json.Unmarshal([]byte(out), &rep) != nil || rep.Valid || rep.Problem == nil ||
		rep.Problem.Entry != "answers.json" || rep.Problem.Check != "hash" {
		t.Fatalf("%d %q", code, out)
	}
	d.VerifyBundle = func(context.Context, string, string) (assessment.VerifyReport, error) {
		return assessment.VerifyReport{}, errors.New("tidak dapat dibuka")
	}
	if code, _, _ := runWith(t, d, "", "verify"); code != ExitUsage {
		t.Fatalf("no file: exit %d", code)
	}
}

// TestExportWrittenButKeyFileFailed (issue 11, class 13): when the bundle
// was written and only a later step failed (the public key file beside
// it), the CLI still shows the bundle, and the message says it is fine.
func TestExportWrittenButKeyFileFailed(t *testing.T) {
	d := newFakeDeps(true)
	d.bundle = func(req assessment.ExportRequest) (assessment.ExportResult, error) {
		return assessment.ExportResult{Path: filepath.Join(req.OutDir, "SPBE_DISKOMINFO_2026_3.spbe"), Sequence: 3},
			errors.New("bundel SPBE_DISKOMINFO_2026_3.spbe tersimpan dan utuh; hanya berkas kunci publik OPD di sampingnya yang gagal ditulis")
	}
	code, out, errs := runWith(t, d, "", "export", "--assessment", "x", "--out", t.TempDir(), "--passphrase-file", passFile(t, "rahasia-sekali"))
	if code != ExitError || !strings.Contains(out, "SPBE_DISKOMINFO_2026_3.spbe") || !strings.Contains(errs, "tersimpan dan utuh") ||
		strings.Contains(errs, "tidak disimpan") {
		t.Fatalf("%d %q %q", code, out, errs)
	}
}
