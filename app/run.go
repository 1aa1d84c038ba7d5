package app

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// UI is the application's one window and its state. Its fields are owned
// by the UI goroutine; store work runs in jobs.
type UI struct {
	app    fyne.App
	win    fyne.Window
	deps   Deps
	prefs  Prefs // what the app remembers: Deps.Prefs or the app's Preferences
	files  FileSource
	paths  PathSource
	jobs   *jobs
	saver  *saver
	status *statusLine
	now    func() time.Time

	folder  *assessment.OPDFolder // the open OPD data folder (Deps.Open)
	store   assessment.Store      // folder.Store
	lib     *assessment.Library   // folder.Library
	profile assessment.Profile
	dataDir string
	asesor  asesorport.Workspace // the assessor's workspace, once opened
	// the assessor's last import: still running, or its outcomes (shown
	// again when the assessor comes back to the import screen)
	importing     bool
	importResults []intake.Outcome
	sync          syncState  // one push at a time (sync_opd.go)
	undoTrash     *trashUndo // the last assessment trashed, until undone
	verified      string     // the last bundle check shown (tests read it)

	current screen
	keys    []fyne.Shortcut
	upload  *upload // the evidence file being added, if any
	closing bool    // the user closed the window; finish saving first

	post    func(func()) // fyne.Do, or the test mailbox
	mailbox *mailbox     // set by WithTestDriver
	stopped atomic.Bool  // the UI loop has ended: results are dropped

	// levelsShowAll is "Tampilkan semua level" on the indicator screen,
	// remembered while the app runs (levels.go).
	levelsShowAll bool
	settler       settler // frees what Fyne holds of left panes (settle.go)
}

// Option adjusts New.
type Option func(*UI)

// WithTestDriver is for headless tests with fyne.io/fyne/v2/test: results
// of background work are queued and run by Wait on the test's goroutine
// (the test driver has no UI goroutine of its own).
func WithTestDriver() Option {
	return func(u *UI) {
		u.mailbox = &mailbox{}
		u.post = u.mailbox.post
	}
}

// screen is one full-window view.
type screen interface {
	view() fyne.CanvasObject
	// leave hands pending edits to the saver: the screen is being replaced
	// or the window is closing.
	leave()
}

// Run opens the main window, starts (first run, or the remembered data
// folder) and blocks until the window is closed; then it closes the store.
// main.go calls it with the app made by fyne.io/fyne/v2/app.NewWithID.
func Run(a fyne.App, deps Deps) {
	startHeapProfile()
	a.Settings().SetTheme(newDesktopTheme())
	if icon := appIcon(); icon != nil {
		a.SetIcon(icon)
	}
	u := New(a, deps)
	u.win.ShowAndRun()
	u.stopped.Store(true)
	u.jobs.wait() // writes still finish; their UI updates are dropped
	if u.store != nil {
		if err := u.store.Close(); err != nil {
			fyne.LogError("closing the store", err)
		}
	}
	if u.asesor != nil {
		if err := u.asesor.Close(); err != nil {
			fyne.LogError("closing the assessor workspace", err)
		}
	}
}

// New builds the main window and starts loading; it does not show the
// window. Tests use it with fyne.io/fyne/v2/test's app.
func New(a fyne.App, deps Deps, opts ...Option) *UI {
	u := &UI{app: a, deps: deps, files: deps.Files, prefs: deps.Prefs, now: time.Now}
	if u.prefs == nil {
		u.prefs = a.Preferences()
	}
	u.post = u.doOnUI
	for _, o := range opts {
		o(u)
	}
	if u.files == nil {
		u.files = dialogFiles{}
	}
	u.paths = deps.Paths
	if u.paths == nil {
		u.paths = dialogPaths{}
	}
	u.jobs = newJobs(context.Background(), u.post)
	u.status = newStatusLine()
	u.saver = newSaver(u.jobs, defaultAutosaveDelay, func() time.Time { return u.now() }, u.status.set)
	applyLanguage(languageOf(u.prefs, deps.Settings.Language))
	u.win = a.NewWindow("SPBE Mandiri")
	u.win.SetMaster()
	u.win.Resize(fyne.NewSize(1340, 690))
	u.win.SetCloseIntercept(u.onCloseRequest)
	u.win.SetOnDropped(u.onDropped)
	u.win.SetContent(u.loading(tr("start.loading")))
	u.start()
	return u
}

// doOnUI is fyne.Do, except once the UI loop has ended: then the update
// is dropped (Fyne closes its queue at shutdown; sending would panic).
func (u *UI) doOnUI(f func()) {
	if u.stopped.Load() {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			fyne.LogError("update after shutdown dropped", fmt.Errorf("%v", r))
		}
	}()
	fyne.Do(f)
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// Wait blocks until all background store work has finished and, with
// WithTestDriver, runs the queued UI updates (tests only: never call it on
// the UI goroutine of a running app).
func (u *UI) Wait() {
	for {
		u.jobs.wait()
		if u.mailbox == nil {
			return
		}
		fns := u.mailbox.take()
		if len(fns) == 0 {
			return
		}
		for _, f := range fns {
			f()
		}
	}
}

// Flush writes typed text now instead of after the pause (tests).
func (u *UI) Flush() {
	if u.current != nil {
		u.current.leave()
	}
	u.saver.flush()
}

// RequestClose does what the window's close button does.
func (u *UI) RequestClose() { u.onCloseRequest() }

// start decides between the first run and opening a known data folder.
func (u *UI) start() {
	dir := u.deps.Settings.DataDir
	if dir == "" && u.deps.Portable {
		dir = u.deps.PortableDataDir
	}
	if dir == "" {
		dir = u.prefs.String(prefDataDir)
		// The folder an earlier version kept in Roaming AppData has been
		// moved to the new default (storage.DefaultDataDir).
		if dir != "" && dir == u.deps.LegacyDataDir {
			dir = u.deps.DefaultDataDir
		}
	}
	// Decided after New returns, as the opening is (tests drive it with Wait).
	u.jobs.spawn(func(context.Context) error { return nil }, func(error) {
		if dir == "" {
			u.show(newFirstRun(u))
			return
		}
		if u.workspace() == workspaceAsesor {
			u.openAsesor(dir)
			return
		}
		u.openDataDir(dir)
	})
}

// openDataDir opens dir off the UI goroutine, then shows home (or the
// profile form when the folder is new). An error is shown, never panics.
func (u *UI) openDataDir(dir string) {
	u.win.SetContent(u.loading(trf("start.opening", dir)))
	var folder *assessment.OPDFolder
	var prof assessment.Profile
	var profErr error
	var asesorOnly bool // no OPD profile, but an assessor's workspace
	open, noOpen, hasAsesor := u.deps.Open, errors.New(tr("start.noOpen")), u.deps.HasAsesor
	u.jobs.spawn(func(ctx context.Context) error {
		var err error
		if open == nil {
			return noOpen
		}
		folder, err = open(dir)
		if err != nil {
			return err
		}
		st := folder.Store
		prof, profErr = st.Profile(ctx)
		if profErr != nil && !errors.Is(profErr, assessment.ErrNotFound) {
			// A damaged database opens but cannot be read: say so, and
			// release the folder so that it can be restored.
			st.Close()
			return profErr
		}
		asesorOnly = profErr != nil && hasAsesor != nil && u.deps.OpenAsesor != nil && hasAsesor(dir)
		return nil
	}, func(err error) {
		if err != nil {
			u.show(newFirstRun(u))
			dialog.ShowError(err, u.win)
			return
		}
		u.folder, u.store, u.lib, u.dataDir = folder, folder.Store, folder.Library, dir
		u.prefs.SetString(prefDataDir, dir)
		if profErr != nil && asesorOnly {
			u.openAsesor(dir)
			return
		}
		u.prefs.SetString(prefWorkspace, workspaceOPD)
		if profErr != nil {
			u.show(newProfileForm(u, true))
			return
		}
		u.profile = prof
		u.showHome()
	})
}

// show replaces the window's content, saving the old screen's edits.
func (u *UI) show(s screen) {
	if u.current != nil {
		u.current.leave()
	}
	u.saver.flush()
	u.clearKeys()
	u.current = s
	u.win.SetContent(s.view())
	if k, ok := s.(interface{ bindKeys() }); ok {
		k.bindKeys()
	}
	if k, ok := s.(interface{ shown() }); ok {
		k.shown()
	}
	// The screen left (an assessment's panes, a dialog-like screen) is
	// held by Fyne's caches until a frame after they expire: settle as
	// after a pane switch, also once the first screen is up after start.
	u.settleLater()
}

func (u *UI) showHome() { u.show(newHome(u)) }

// addKey binds a keyboard shortcut for the current screen.
func (u *UI) addKey(s fyne.Shortcut, fn func()) {
	u.win.Canvas().AddShortcut(s, func(fyne.Shortcut) { fn() })
	u.keys = append(u.keys, s)
}

func (u *UI) clearKeys() {
	for _, s := range u.keys {
		u.win.Canvas().RemoveShortcut(s)
	}
	u.keys = nil
}

func (u *UI) loading(msg string) fyne.CanvasObject {
	act := widget.NewActivity()
	act.Start()
	return container.NewCenter(container.NewVBox(act, widget.NewLabel(msg)))
}

// showError shows a failed job's reason, with advice where there is some
// (failure.go).
func (u *UI) showError(err error) { showFailure(err, u.win) }

// onDropped passes files dropped on the window to a screen that takes them.
func (u *UI) onDropped(_ fyne.Position, uris []fyne.URI) {
	if d, ok := u.current.(interface{ dropped([]fyne.URI) }); ok {
		d.dropped(uris)
	}
}
