package app

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
)

// SyncDeps is the collection server (docs/sync.md), the same ports as the
// CLI's: the GUI calls Installed, Install, ItemsIn, PushInstalled and
// FetchFeedbackFiles on the folder it has open, and Feedback.SendInstalled;
// always off the UI goroutine. nil (in Deps) or a nil Outbox hides Server
// pengumpul; a nil Feedback hides Kirim catatan ke server.
type SyncDeps = syncapi.Ports

// The background push first tries the server autoSyncDelay after the
// home screen shows, then every autoSyncEvery while bundles wait.
const (
	autoSyncDelay = 30 * time.Second
	autoSyncEvery = 5 * time.Minute
)

// syncState is the UI's one push at a time, foreground or background.
type syncState struct {
	mu      sync.Mutex
	running bool
	started bool // the background loop
}

func (s *syncState) begin() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running {
		return false
	}
	s.running = true
	return true
}

func (s *syncState) end() { s.mu.Lock(); s.running = false; s.mu.Unlock() }

// startAutoSync starts, once per UI, the background push: every
// autoSyncEvery, when a server is configured and bundles wait, it pushes
// on a worker goroutine (never the UI's); a failure only waits for the
// next round, the outbox keeps everything.
func (u *UI) startAutoSync() {
	d := u.deps.Sync
	if d == nil || d.Outbox == nil {
		return
	}
	u.sync.mu.Lock()
	started := u.sync.started
	u.sync.started = true
	u.sync.mu.Unlock()
	if started {
		return
	}
	dir := u.dataDir
	// Not a job: it never ends, and jobs.wait (tests, shutdown) must.
	go func() {
		time.Sleep(autoSyncDelay)
		for {
			u.autoPushOnce(context.Background(), d, dir)
			time.Sleep(autoSyncEvery)
		}
	}()
}

func (u *UI) autoPushOnce(ctx context.Context, d *SyncDeps, dir string) {
	if _, ok := d.Outbox.Installed(dir); !ok || !waiting(d, dir) || !u.sync.begin() {
		return
	}
	defer u.sync.end()
	_ = d.Outbox.PushInstalled(ctx, dir, nil) // unreachable: the next round tries again
	u.post(func() {
		if s, ok := u.current.(*syncOPD); ok {
			s.load()
		}
	})
}

func waiting(d *SyncDeps, dir string) bool {
	items, err := d.Outbox.ItemsIn(dir)
	if err != nil {
		return false
	}
	for _, it := range items {
		if it.State == "queued" || it.State == "sending" {
			return true
		}
	}
	return false
}

// syncOPD is the OPD's Server pengumpul screen: the server settings (the
// Pemda's configuration file), Kirim ke server with progress against the
// bytes still missing, and each bundle's state with the server's receipt.
type syncOPD struct {
	u          *UI
	server     *widget.Label
	state      *widget.Label
	progress   *widget.ProgressBar
	list       *fyne.Container
	sendBtn    *widget.Button
	installBtn *widget.Button

	fbBtn    *widget.Button // sync_feedback.go
	fbDlg    *dialog.FormDialog
	fbPass   *widget.Entry
	fbImport *feedbackImport
}

func newSyncOPD(u *UI) *syncOPD {
	s := &syncOPD{u: u, server: wrapped(""), state: wrapped(""), progress: widget.NewProgressBar(), list: container.NewVBox()}
	s.sendBtn = widget.NewButtonWithIcon(tr("sync.send"), theme.UploadIcon(), s.onSend)
	s.sendBtn.Importance = widget.HighImportance
	s.installBtn = widget.NewButtonWithIcon(tr("sync.install"), theme.SettingsIcon(), s.onInstall)
	s.progress.Hide()
	s.load()
	return s
}

func (s *syncOPD) view() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(tr("opdkey.back"), theme.NavigateBackIcon(), s.u.showHome)
	buttons := container.NewHBox(s.sendBtn, s.installBtn)
	if b := s.feedbackButton(); b != nil {
		buttons.Add(b)
	}
	top := container.NewVBox(container.NewHBox(back), heading(tr("sync.title")), s.server,
		buttons, s.state, s.progress, widget.NewSeparator())
	return container.NewPadded(border(top, nil, nil, nil, container.NewVScroll(s.list)))
}

func (s *syncOPD) leave() {}

// load reads the settings and the outbox off the UI goroutine.
func (s *syncOPD) load() {
	d, dir := s.u.deps.Sync, s.u.dataDir
	var cfg syncapi.ServerConfig
	var ok bool
	var items []syncapi.OutboxItem
	s.u.jobs.submit(func(context.Context) error {
		cfg, ok = d.Outbox.Installed(dir)
		var err error
		items, err = d.Outbox.ItemsIn(dir)
		return err
	}, func(err error) {
		s.showSettings(cfg, ok)
		s.showItems(items)
		if err != nil {
			s.state.SetText(err.Error())
		}
	})
}

func (s *syncOPD) showSettings(cfg syncapi.ServerConfig, ok bool) {
	if !ok {
		s.server.SetText(tr("sync.noConfig"))
		s.sendBtn.Disable()
		return
	}
	s.server.SetText(trf("sync.server", cfg.Server, cfg.Pemda, cfg.ReceiptFingerprint))
	s.sendBtn.Enable()
}

func (s *syncOPD) showItems(items []syncapi.OutboxItem) {
	s.list.RemoveAll()
	if len(items) == 0 {
		s.list.Add(wrapped(tr("sync.empty")))
	}
	for _, it := range items {
		s.list.Add(wrapped(syncItemLine(it, time.Local)))
	}
	s.list.Refresh()
}

// syncItemLine is one outbox entry as the officer reads it, e.g.
// "SPBE_….spbe — Diterima server 2026-12-01 10:02 WITA (baru)".
func syncItemLine(it syncapi.OutboxItem, loc *time.Location) string {
	switch it.State {
	case "done":
		when := ""
		if r, err := syncapi.ReadReceipt(it.Receipt); err == nil {
			when, _ = syncapi.ReceiptTime(r, loc)
		}
		return trf("sync.item.done", it.Name, when, it.Outcome)
	case "rejected":
		return trf("sync.item.rejected", it.Name, it.Reason)
	}
	if it.Code == syncapi.CodeUnknownKey {
		return trf("sync.item.waitingKey", it.Name)
	}
	if it.Reason != "" {
		return trf("sync.item.waiting", it.Name, it.Attempts, it.Reason)
	}
	return trf("sync.item.queued", it.Name)
}

func (s *syncOPD) onInstall() {
	s.u.paths.PickFile(s.u.win, tr("sync.install"), []string{".json"}, func(path string, ok bool) {
		if !ok {
			return
		}
		d, dir := s.u.deps.Sync, s.u.dataDir
		s.u.jobs.submit(func(context.Context) error {
			_, err := d.Outbox.Install(dir, path)
			return err
		}, func(err error) {
			if err != nil {
				s.u.showError(err)
			}
			s.load()
			s.u.startAutoSync()
		})
	})
}

// onSend pushes now on a worker goroutine; the bar follows the bytes the
// server acknowledged of those it still missed.
func (s *syncOPD) onSend() {
	u := s.u
	if !u.sync.begin() {
		s.state.SetText(tr("sync.busy"))
		return
	}
	s.sendBtn.Disable()
	s.progress.SetValue(0)
	s.progress.Show()
	s.state.SetText(tr("sync.sending"))
	d, dir, post := u.deps.Sync, u.dataDir, u.post
	u.jobs.spawn(func(ctx context.Context) error {
		defer u.sync.end()
		return d.Outbox.PushInstalled(ctx, dir, func(done, total int64) {
			post(func() {
				if total > 0 {
					s.progress.SetValue(float64(done) / float64(total))
				}
			})
		})
	}, func(err error) {
		s.progress.Hide()
		s.sendBtn.Enable()
		s.state.SetText(tr("sync.sent"))
		if err != nil {
			s.state.SetText(trf("sync.failed", err.Error()))
		}
		s.load()
	})
}
