package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func TestFeedbackAndPaperCheckCommands(t *testing.T) {
	var out, errb bytes.Buffer
	var exp []assessment.FeedbackExportRequest
	var imp []assessment.FeedbackReceipt
	check := assessment.PaperCheckResult{OPDKode: "BAPPEDA", Periode: 2026, Sequence: 1, Found: true, Matches: true,
		Bundle: assessment.ReviewBundle{BundleID: "b1", Status: "superseded", KeyStatus: assessment.KeyVerified},
		Newer:  &assessment.ReviewBundle{BundleID: "b2", Sequence: 2}}
	env := &Env{Stdout: &out, Stderr: &errb, OpenAsesor: (&asesorStub{
		ExportFeedback: func(_ context.Context, _ string, r assessment.FeedbackExportRequest) (assessment.FeedbackExported, error) {
			exp = append(exp, r)
			return assessment.FeedbackExported{Path: "x.spbe-umpan", Fingerprint: "123", Items: 2}, nil
		},
		PaperCheck: func(_ context.Context, _, text string) (assessment.PaperCheckResult, error) { return check, nil },
	}).open}
	env.Services = inboxFolder(t, fakeInbox{
		receive: func(r assessment.FeedbackReceipt) (assessment.FeedbackReceived, error) {
			imp = append(imp, r)
			return assessment.FeedbackReceived{AssessmentID: "a1", Sequence: 1, TrustedNow: r.Trust || r.Retrust, Fingerprint: "123",
				Notes: []assessment.FeedbackNote{{Indicator: 1, Status: "revisi", Reason: "belum diunggah", Note: "unggah SK"}}}, nil
		},
		received: func(string) ([]assessment.FeedbackReceived, error) { return nil, nil },
	})
	pass := filepath.Join(t.TempDir(), "p")
	os.WriteFile(pass, []byte("frasa sandi asesor\n"), 0o600)
	if code := Run(env, []string{"feedback", "export", "--bundle", "b1", "--out", "usb"}); code != ExitUsage {
		t.Fatalf("no passphrase: %d", code)
	}
	if code := Run(env, []string{"feedback", "export", "--bundle", "b1", "--out", "usb", "--passphrase-file", pass}); code != ExitOK ||
		len(exp) != 1 || string(exp[0].Passphrase) != "frasa sandi asesor" || exp[0].Name != "Tim Asesor Internal" {
		t.Fatalf("export: %d %+v", code, exp)
	}
	if code := Run(env, []string{"feedback", "import", "f", "--trust"}); code != ExitUsage {
		t.Fatalf("--trust without key: %d", code)
	}
	out.Reset()
	if code := Run(env, []string{"feedback", "import", "f", "--assessor-pubkey", "k.json", "--trust"}); code != ExitOK ||
		!imp[0].Trust || !strings.Contains(out.String(), "Indikator 1: revisi (belum diunggah) — unggah SK") ||
		!strings.Contains(out.String(), "Kunci asesor dipercaya") {
		t.Fatalf("import: %d %+v %s", code, imp, out.String())
	}
	if code := Run(env, []string{"feedback", "import", "f", "--retrust"}); code != ExitUsage {
		t.Fatalf("--retrust without key: %d", code)
	}
	out.Reset()
	if code := Run(env, []string{"feedback", "import", "f", "--assessor-pubkey", "k.json", "--retrust"}); code != ExitOK ||
		len(imp) != 2 || !imp[1].Retrust || imp[1].Trust || !strings.Contains(out.String(), "Kunci asesor dipercaya lagi") {
		t.Fatalf("import --retrust: %d %+v %s", code, imp, out.String())
	}
	out.Reset()
	if code := Run(env, []string{"feedback", "show", "--assessment", "a1"}); code != ExitOK || !strings.Contains(out.String(), "Belum ada") {
		t.Fatalf("show: %d %s", code, out.String())
	}
	out.Reset()
	if code := Run(env, []string{"papercheck", "SPBE1:X"}); code != ExitOK || !strings.Contains(out.String(), "COCOK") ||
		!strings.Contains(out.String(), "versi lebih baru") {
		t.Fatalf("papercheck: %d %s", code, out.String())
	}
	check.Matches, check.Mismatches = false, []string{"sidik jari kunci"}
	out.Reset()
	if code := Run(env, []string{"papercheck", "SPBE1:X"}); code != ExitError || !strings.Contains(out.String(), "TIDAK COCOK") {
		t.Fatalf("mismatch: %d %s", code, out.String())
	}
	if code := Run(env, []string{"papercheck"}); code != ExitUsage {
		t.Fatalf("no text: %d", code)
	}
}

// fakeInbox is the open folder's feedback inbox for `feedback import`
// and `feedback show`.
type fakeInbox struct {
	assessment.FeedbackInbox
	receive  func(assessment.FeedbackReceipt) (assessment.FeedbackReceived, error)
	received func(string) ([]assessment.FeedbackReceived, error)
}

func (f fakeInbox) Receive(_ context.Context, r assessment.FeedbackReceipt) (assessment.FeedbackReceived, error) {
	return f.receive(r)
}

func (f fakeInbox) Received(_ context.Context, id string) ([]assessment.FeedbackReceived, error) {
	return f.received(id)
}

// inboxFolder opens a data folder whose inbox is in.
func inboxFolder(t *testing.T, in fakeInbox) func(string) (*Services, error) {
	return func(string) (*Services, error) {
		return &Services{DataDir: t.TempDir(), Store: closeOnly{}, Inbox: in}, nil
	}
}

// trustStore is a store with trusted assessor keys (assessment.AsesorTrust).
type trustStore struct {
	closeOnly
	keys      []assessment.TrustedAsesorKey
	untrusted []string
}

func (s *trustStore) TrustedAsesorKeys(context.Context) ([]assessment.TrustedAsesorKey, error) {
	return s.keys, nil
}

func (s *trustStore) UntrustAsesor(_ context.Context, id string) (assessment.TrustedAsesorKey, error) {
	for i, k := range s.keys {
		if strings.HasPrefix(k.KeyID, id) {
			s.untrusted = append(s.untrusted, k.KeyID)
			s.keys = append(s.keys[:i:i], s.keys[i+1:]...)
			return k, nil
		}
	}
	return assessment.TrustedAsesorKey{}, fmt.Errorf("kunci asesor %s tidak ada di daftar kunci tepercaya: %w", id, assessment.ErrNotFound)
}

func TestFeedbackKeysAndUntrust(t *testing.T) {
	at := time.Date(2026, 6, 1, 9, 30, 0, 0, time.Local)
	st := &trustStore{keys: []assessment.TrustedAsesorKey{{KeyID: strings.Repeat("ab", 32), Fingerprint: "12345 67890 12345 67890 12345 67890",
		Source: "KUNCI_ASESOR.json", TrustedAt: at}}}
	run := func(args ...string) (int, string) {
		var out, errb bytes.Buffer
		env := &Env{Stdout: &out, Stderr: &errb,
			Services: func(string) (*Services, error) { return &Services{DataDir: t.TempDir(), Store: st}, nil }}
		code := Run(env, args)
		return code, out.String() + errb.String()
	}
	code, out := run("feedback", "keys")
	if code != ExitOK || !strings.Contains(out, "abababababababab") || !strings.Contains(out, "12345 67890 12345 67890 12345 67890") ||
		!strings.Contains(out, "2026-06-01 09:30") || !strings.Contains(out, "KUNCI_ASESOR.json") {
		t.Fatalf("keys: %d %q", code, out)
	}
	code, out = run("feedback", "keys", "--json")
	var list []assessment.TrustedAsesorKey
	if code != ExitOK || json.Unmarshal([]byte(out), &list) != nil || len(list) != 1 || list[0].Source != "KUNCI_ASESOR.json" {
		t.Fatalf("keys --json: %d %q", code, out)
	}
	if code, _ := run("feedback", "untrust"); code != ExitUsage {
		t.Fatalf("untrust without id: %d", code)
	}
	if code, out := run("feedback", "untrust", "cdcdcdcd"); code != ExitError || !strings.Contains(out, "tidak ada di daftar") {
		t.Fatalf("untrust unknown: %d %q", code, out)
	}
	code, out = run("feedback", "untrust", "abababab")
	if code != ExitOK || len(st.untrusted) != 1 || !strings.Contains(out, "tidak dipercaya lagi") || !strings.Contains(out, "tetap tersimpan") {
		t.Fatalf("untrust: %d %q %v", code, out, st.untrusted)
	}
	if code, out := run("feedback", "keys"); code != ExitOK || !strings.Contains(out, "Belum ada kunci asesor tepercaya") {
		t.Fatalf("keys after untrust: %d %q", code, out)
	}
	// a store without trusted keys says so
	var errb bytes.Buffer
	env := &Env{Stdout: &errb, Stderr: &errb,
		Services: func(string) (*Services, error) { return &Services{DataDir: t.TempDir(), Store: closeOnly{}}, nil }}
	if code := Run(env, []string{"feedback", "keys"}); code != ExitError || !strings.Contains(errb.String(), "tidak menyimpan kunci asesor") {
		t.Fatalf("plain store: %d %q", code, errb.String())
	}
}

// `feedback show` marks feedback whose signing key was withdrawn, and
// shows the fingerprint it is given (the verifying key's).
func TestFeedbackShowMarksWithdrawnKey(t *testing.T) {
	var out, errb bytes.Buffer
	list := []assessment.FeedbackReceived{
		{AssessmentID: "a1", Sequence: 2, Asesor: "Tim Asesor Sigi", Fingerprint: "11111 22222 33333 44444 55555 66666", CreatedAt: "2026-06-02T08:00:00Z",
			Notes: []assessment.FeedbackNote{{Indicator: 1, Status: "diterima"}}},
		{AssessmentID: "a1", Sequence: 1, Asesor: "Tim Asesor Sigi", Fingerprint: "99999 88888 77777 66666 55555 44444", CreatedAt: "2099-01-01T00:00:00Z",
			KeyWithdrawnAt: time.Date(2026, 6, 3, 10, 0, 0, 0, time.Local),
			Notes:          []assessment.FeedbackNote{{Indicator: 1, Status: "revisi", Note: "PALSU"}}},
	}
	env := &Env{Stdout: &out, Stderr: &errb, Services: inboxFolder(t, fakeInbox{
		received: func(string) ([]assessment.FeedbackReceived, error) { return list, nil },
	})}
	if code := Run(env, []string{"feedback", "show", "--assessment", "a1"}); code != ExitOK {
		t.Fatalf("show: %d %s", code, errb.String())
	}
	parts := strings.SplitN(out.String(), "\n\n", 2)
	if len(parts) != 2 || strings.Contains(parts[0], "DICABUT") || !strings.Contains(parts[1], "[KUNCI DICABUT 2026-06-03 10:00") ||
		!strings.Contains(parts[1], "99999 88888 77777 66666 55555 44444") {
		t.Fatalf("show: %q", out.String())
	}
	out.Reset()
	if code := Run(env, []string{"feedback", "show", "--assessment", "a1", "--json"}); code != ExitOK ||
		!strings.Contains(out.String(), `"key_withdrawn_at": "2026-06-03 10:00"`) {
		t.Fatalf("show --json: %d %s", code, out.String())
	}
}
