package app

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
)

// fakeSync is an outbox with one queued bundle; Push reports progress and
// decides it with a receipt (or fails, as an unreachable server).
type fakeSync struct {
	mu        sync.Mutex
	installed bool
	items     []syncapi.OutboxItem
	progress  [][2]int64
	fail      error
	fetch     func(ctx context.Context, dir string, pass []byte) ([]string, error) // FetchFeedbackFiles; nil: none
}

func (f *fakeSync) deps() *SyncDeps { return &SyncDeps{Outbox: f} }

func (f *fakeSync) Installed(string) (syncapi.ServerConfig, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return syncapi.ServerConfig{Server: "https://sync.sigikab.go.id", Pemda: "72.10", ReceiptFingerprint: "12345 67890 12345 67890 12345 67890"}, f.installed
}

func (f *fakeSync) Install(string, string) (syncapi.ServerConfig, error) {
	f.mu.Lock()
	f.installed = true
	f.mu.Unlock()
	return syncapi.ServerConfig{}, nil
}

func (f *fakeSync) ItemsIn(string) ([]syncapi.OutboxItem, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]syncapi.OutboxItem(nil), f.items...), nil
}

func (f *fakeSync) PushInstalled(_ context.Context, _ string, progress func(done, total int64)) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		f.items[0].State, f.items[0].Attempts, f.items[0].Reason = "queued", 1, f.fail.Error()
		return f.fail
	}
	for _, p := range [][2]int64{{0, 2 << 20}, {1 << 20, 2 << 20}, {2 << 20, 2 << 20}} {
		progress(p[0], p[1])
		f.progress = append(f.progress, p)
	}
	f.items[0].State, f.items[0].Outcome, f.items[0].Receipt = "done", "baru", receiptEnvelope("2026-12-01T02:02:11Z")
	return nil
}

func (f *fakeSync) FetchFeedbackFiles(ctx context.Context, dir string, pass []byte) ([]string, error) {
	if f.fetch == nil {
		return nil, nil
	}
	return f.fetch(ctx, dir, pass)
}

// The CLI's methods: not the GUI's.
func (f *fakeSync) Add(string, string) error                   { return errors.New("CLI") }
func (f *fakeSync) Items(string) ([]syncapi.OutboxItem, error) { return nil, errors.New("CLI") }
func (f *fakeSync) Push(context.Context, string, syncapi.Target, func(syncapi.OutboxItem)) error {
	return errors.New("CLI")
}
func (f *fakeSync) FetchFeedback(context.Context, string, syncapi.Target, []byte) ([]syncapi.FetchedFeedback, error) {
	return nil, errors.New("CLI")
}

func receiptEnvelope(completed string) []byte {
	body, _ := json.Marshal(syncapi.Receipt{Format: "spbe-receipt", Pemda: "72.10", BundleID: "b1", CompletedAt: completed})
	env, _ := json.Marshal(map[string]any{"payloadType": syncapi.ReceiptPayloadType, "payload": base64.StdEncoding.EncodeToString(body)})
	return env
}

func openSyncScreen(t *testing.T, f *fakeSync) (*harness, *syncOPD) {
	t.Helper()
	h := newHarness(t, setup{})
	h.u.deps.Sync = f.deps()
	h.u.paths = &memPaths{file: "/media/usb/spbe-server.json"}
	h.u.showHome()
	h.wait()
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Content()}, tr("sync.title")))
	h.wait()
	return h, current[*syncOPD](t, h.u)
}

// Without a server configuration the screen says what to ask the Pemda
// for and Kirim ke server is off; installing the file turns it on. Sending
// runs off the UI goroutine, the bar follows the bytes still missing, and
// the bundle then reads "Diterima server <local time> (baru)".
func TestSyncScreenSendsAndShowsReceipt(t *testing.T) {
	f := &fakeSync{items: []syncapi.OutboxItem{{Name: "SPBE_DISKOMINFO_2026_1.spbe", State: "queued"}}}
	h, s := openSyncScreen(t, f)
	if !s.sendBtn.Disabled() || !strings.Contains(s.server.Text, "spbe-server.json") {
		t.Fatalf("no configuration: send enabled %v, %q", !s.sendBtn.Disabled(), s.server.Text)
	}
	test.Tap(s.installBtn)
	h.wait()
	if s.sendBtn.Disabled() || !strings.Contains(s.server.Text, "https://sync.sigikab.go.id") {
		t.Fatalf("after install: %q", s.server.Text)
	}
	if got := strings.Join(texts(s.list), "|"); !strings.Contains(got, "Dalam antrean") {
		t.Fatalf("queued bundle: %s", got)
	}
	test.Tap(s.sendBtn)
	h.wait()
	if len(f.progress) != 3 || s.progress.Visible() {
		t.Fatalf("progress %v, bar visible %v", f.progress, s.progress.Visible())
	}
	want := "Diterima server " + mustReceiptTime(t, "2026-12-01T02:02:11Z") + " (baru)"
	if got := strings.Join(texts(s.list), "|"); !strings.Contains(got, want) {
		t.Fatalf("list %q, want %q", got, want)
	}
}

// A server that cannot be reached leaves the bundle queued with the
// reason, and the screen says it is retried automatically.
func TestSyncScreenUnreachableKeepsQueue(t *testing.T) {
	f := &fakeSync{installed: true, fail: errors.New("server tidak dapat dijangkau setelah 8 percobaan"),
		items: []syncapi.OutboxItem{{Name: "SPBE_DISKOMINFO_2026_1.spbe", State: "queued"}}}
	h, s := openSyncScreen(t, f)
	test.Tap(s.sendBtn)
	h.wait()
	if !strings.Contains(s.state.Text, "tetap di antrean") || s.sendBtn.Disabled() {
		t.Fatalf("state %q", s.state.Text)
	}
	if got := strings.Join(texts(s.list), "|"); !strings.Contains(got, "Menunggu jaringan (percobaan 1") {
		t.Fatalf("list %q", got)
	}
}

// The receipt line uses Indonesia's zone names.
func TestSyncItemLineZone(t *testing.T) {
	it := syncapi.OutboxItem{Name: "B.spbe", State: "done", Outcome: "baru", Receipt: receiptEnvelope("2026-12-01T02:02:11Z")}
	if got := syncItemLine(it, time.FixedZone("Central Indonesia", 8*3600)); got != "B.spbe — Diterima server 2026-12-01 10:02 WITA (baru)" {
		t.Fatalf("%q", got)
	}
}

func mustReceiptTime(t *testing.T, completed string) string {
	t.Helper()
	s, err := syncapi.ReceiptTime(syncapi.Receipt{CompletedAt: completed}, time.Local)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
