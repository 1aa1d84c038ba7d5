package cli

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
)

// fakeOutbox records what the command asked of the outbox.
type fakeOutbox struct {
	added   []string
	dataDir string
	cfg     SyncConfig
	items   []syncapi.OutboxItem
	pushErr error
	// fetch is FetchFeedback (nil: nothing on the server).
	fetch func() ([]SyncFeedback, error)
}

func (f *fakeOutbox) deps() *SyncDeps { return &SyncDeps{Outbox: f} }

func (f *fakeOutbox) Add(dataDir, b string) error {
	f.dataDir = dataDir
	f.added = append(f.added, b)
	return nil
}

func (f *fakeOutbox) Push(_ context.Context, dataDir string, cfg SyncConfig, report func(syncapi.OutboxItem)) error {
	f.dataDir, f.cfg = dataDir, cfg
	for _, it := range f.items {
		report(it)
	}
	return f.pushErr
}

func (f *fakeOutbox) Items(string) ([]syncapi.OutboxItem, error) { return f.items, nil }

func (f *fakeOutbox) FetchFeedback(context.Context, string, SyncConfig, []byte) ([]SyncFeedback, error) {
	if f.fetch == nil {
		return nil, nil
	}
	return f.fetch()
}

// Installed: nothing installed, the flags name the server.
func (f *fakeOutbox) Installed(string) (syncapi.ServerConfig, bool) {
	return syncapi.ServerConfig{}, false
}

// The GUI's methods: not the CLI's.
func (f *fakeOutbox) Install(string, string) (syncapi.ServerConfig, error) {
	return syncapi.ServerConfig{}, errors.New("GUI")
}
func (f *fakeOutbox) ItemsIn(string) ([]syncapi.OutboxItem, error) { return nil, errors.New("GUI") }
func (f *fakeOutbox) PushInstalled(context.Context, string, func(int64, int64)) error {
	return errors.New("GUI")
}
func (f *fakeOutbox) FetchFeedbackFiles(context.Context, string, []byte) ([]string, error) {
	return nil, errors.New("GUI")
}

func runSyncCmd(f *fakeOutbox, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errOut, Sync: f.deps()}
	return Run(env, args), out.String(), errOut.String()
}

func receiptAt(t string) []byte {
	payload := base64.StdEncoding.EncodeToString([]byte(`{"outcome":"baru","completed_at":"` + t + `"}`))
	return []byte(`{"payloadType":"` + syncapi.ReceiptPayloadType + `","payload":"` + payload + `","signatures":[]}`)
}

// push queues the named files, pushes with the server and Pemda given,
// and shows each decision with the server's receipt time.
func TestSyncPush(t *testing.T) {
	t.Setenv("TZ", "UTC")
	f := &fakeOutbox{items: []syncapi.OutboxItem{
		{Name: "SPBE_DISKOMINFO_2026_1.spbe", State: "done", Outcome: "baru", Receipt: receiptAt("2026-12-01T02:02:11Z")},
		{Name: "SPBE_DISKOMINFO_2026_2.spbe", State: "rejected", Code: "sequence", Reason: "nomor urut 2 tidak lebih besar"},
	}}
	code, out, errs := runSyncCmd(f, "--data", "/d", "sync", "push", "a.spbe", "b.spbe", "--server", "https://s", "--pemda", "72.10")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Join(f.added, ",") != "a.spbe,b.spbe" || f.dataDir != "/d" || f.cfg != (SyncConfig{Server: "https://s", Pemda: "72.10"}) {
		t.Fatalf("asked %+v", f)
	}
	for _, want := range []string{"SPBE_DISKOMINFO_2026_1.spbe: Diterima server (baru) — tanda terima 2026-12-01 02:02",
		"Ditolak server (sequence): nomor urut 2"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// Without a server the command says so and how; an unreachable server
// keeps the queue and exits 1 with "Menunggu jaringan".
func TestSyncPushFailures(t *testing.T) {
	t.Setenv("SPBE_SYNC_SERVER", "")
	t.Setenv("SPBE_SYNC_PEMDA", "")
	if code, _, errs := runSyncCmd(&fakeOutbox{}, "sync", "push"); code != ExitUsage || !strings.Contains(errs, "--server") {
		t.Fatalf("no server: %d %s", code, errs)
	}
	t.Setenv("SPBE_SYNC_SERVER", "https://s")
	t.Setenv("SPBE_SYNC_PEMDA", "72.10")
	f := &fakeOutbox{pushErr: errors.New("dial tcp: connection refused")}
	if code, _, errs := runSyncCmd(f, "sync", "push"); code != ExitError || !strings.Contains(errs, "Menunggu jaringan") {
		t.Fatalf("unreachable: %d %s", code, errs)
	}
}

func TestSyncStatus(t *testing.T) {
	f := &fakeOutbox{items: []syncapi.OutboxItem{{Name: "SPBE_X_2026_3.spbe", State: "queued", Attempts: 2, Reason: "timeout"}}}
	code, out, _ := runSyncCmd(f, "sync", "status")
	if code != ExitOK || !strings.Contains(out, "SPBE_X_2026_3.spbe: Menunggu jaringan (percobaan 2: timeout)") {
		t.Fatalf("status: %d %q", code, out)
	}
	code, out, _ = runSyncCmd(&fakeOutbox{}, "sync", "status", "--json")
	if code != ExitOK || strings.TrimSpace(out) != "[]" {
		t.Fatalf("status --json of an empty outbox: %d %q", code, out)
	}
}

// The assessor's pull shows each imported bundle like `import`, and
// publishing the registry says how many keys went; both need the
// passphrase of the assessor key.
func TestSyncAsesor(t *testing.T) {
	var gotPass string
	f := &fakeOutbox{}
	deps := f.deps()
	stub := &asesorStub{
		PublishRegistry: func(_ context.Context, _ string, _ SyncConfig, pass []byte) (int, error) {
			gotPass = string(pass)
			return 3, nil
		},
		Pull: func(context.Context, string, SyncConfig, []byte) ([]intake.Outcome, error) {
			return []intake.Outcome{{Path: "server-000001.spbe", Kind: intake.KindNew, OPDKode: "DISKOMINFO", Periode: 2026, Sequence: 1}}, nil
		},
	}
	pass := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(pass, []byte("frasa sandi asesor\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		return Run(&Env{Stdout: &out, Stderr: &errOut, Sync: deps, OpenAsesor: stub.open}, args), out.String(), errOut.String()
	}
	flags := []string{"--server", "https://s", "--pemda", "72.10", "--passphrase-file", pass}
	if code, out, errs := run(append([]string{"sync", "registry"}, flags...)...); code != ExitOK || !strings.Contains(out, "3 kunci OPD") ||
		gotPass != "frasa sandi asesor" {
		t.Fatalf("registry: %d %q %q pass %q", code, out, errs, gotPass)
	}
	if code, out, errs := run(append([]string{"sync", "pull"}, flags...)...); code != ExitOK || !strings.Contains(out, "DISKOMINFO") {
		t.Fatalf("pull: %d %q %q", code, out, errs)
	}
	if code, _, errs := run("sync", "pull", "--server", "https://s", "--pemda", "72.10"); code != ExitUsage || !strings.Contains(errs, "--passphrase-file") {
		t.Fatalf("pull without passphrase: %d %q", code, errs)
	}
}

// sync feedback imports each fetched file through the ordinary feedback
// import (same file bytes), and reports a file it could not import.
func TestSyncFeedback(t *testing.T) {
	f := &fakeOutbox{}
	deps := f.deps()
	f.fetch = func() ([]SyncFeedback, error) {
		return []SyncFeedback{{Bundle: "SPBE_A_2026_1.spbe", Envelope: []byte("satu")}, {Bundle: "SPBE_A_2026_2.spbe", Envelope: []byte("dua")}}, nil
	}
	var seen []string
	inbox := fakeInbox{receive: func(req assessment.FeedbackReceipt) (assessment.FeedbackReceived, error) {
		data, err := os.ReadFile(req.File)
		if err != nil {
			return assessment.FeedbackReceived{}, err
		}
		seen = append(seen, string(data))
		if string(data) == "dua" {
			return assessment.FeedbackReceived{}, errors.New("kunci asesor belum dipercaya")
		}
		return assessment.FeedbackReceived{AssessmentID: "a-1"}, nil
	}}
	pass := filepath.Join(t.TempDir(), "pass")
	_ = os.WriteFile(pass, []byte("frasa sandi OPD\n"), 0o600)
	var out, errOut bytes.Buffer
	code := Run(&Env{Stdout: &out, Stderr: &errOut, Sync: deps, Services: inboxFolder(t, inbox)},
		[]string{"sync", "feedback", "--server", "https://s", "--pemda", "72.10", "--passphrase-file", pass})
	if code != ExitError || strings.Join(seen, ",") != "satu,dua" || !strings.Contains(out.String(), "diimpor untuk penilaian a-1") ||
		!strings.Contains(errOut.String(), "SPBE_A_2026_2.spbe: kunci asesor belum dipercaya") {
		t.Fatalf("exit %d, imported %v\n%s\n%s", code, seen, out.String(), errOut.String())
	}
}

func TestSyncSendFeedback(t *testing.T) {
	f := &fakeOutbox{}
	deps := f.deps()
	var sent []string
	deps.Feedback = relayFunc(func(server, file string) (bool, error) {
		sent = append(sent, file+"@"+server)
		return file == "a.spbe-umpan", nil
	})
	var out, errOut bytes.Buffer
	code := Run(&Env{Stdout: &out, Stderr: &errOut, Sync: deps},
		[]string{"sync", "send-feedback", "a.spbe-umpan", "b.spbe-umpan", "--server", "https://s", "--pemda", "72.10"})
	if code != ExitOK || strings.Join(sent, ",") != "a.spbe-umpan@https://s,b.spbe-umpan@https://s" ||
		!strings.Contains(out.String(), "a.spbe-umpan: terkirim") || !strings.Contains(out.String(), "b.spbe-umpan: sudah ada") {
		t.Fatalf("exit %d %v\n%s%s", code, sent, out.String(), errOut.String())
	}
}

// relayFunc is a syncapi.FeedbackRelay that calls itself with the server
// it was given ("" for the installed one).
type relayFunc func(server, file string) (bool, error)

func (f relayFunc) Send(_ context.Context, t syncapi.Target, file string) (bool, error) {
	return f(t.Server, file)
}

func (f relayFunc) SendInstalled(_ context.Context, _, file string) (bool, error) { return f("", file) }
