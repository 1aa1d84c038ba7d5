package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// PathSource asks the assessor for what to import. Both run on the UI
// goroutine and call done there, with ok false when the user cancelled.
// Tests inject their own.
type PathSource interface {
	PickFolder(parent fyne.Window, done func(path string, ok bool))
	PickFile(parent fyne.Window, title string, extensions []string, done func(path string, ok bool))
}

// dialogPaths is the system folder and file dialogs (local files only).
type dialogPaths struct{}

func (dialogPaths) PickFolder(parent fyne.Window, done func(string, bool)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			dialog.ShowError(err, parent)
			return
		}
		if l == nil {
			done("", false)
			return
		}
		done(l.Path(), true)
	}, parent)
	d.Resize(fyne.NewSize(900, 600))
	showFileDialog(d, parent)
}

func (dialogPaths) PickFile(parent fyne.Window, title string, extensions []string, done func(string, bool)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, parent)
			return
		}
		if rc == nil {
			done("", false)
			return
		}
		rc.Close()
		done(rc.URI().Path(), true)
	}, parent)
	d.SetTitleText(title)
	if len(extensions) > 0 {
		d.SetFilter(fynestorage.NewExtensionFileFilter(extensions))
	}
	d.Resize(fyne.NewSize(900, 600))
	showFileDialog(d, parent)
}

// bundleExtension is the extension of OPD bundles.
const bundleExtension = ".spbe"

// asesorHome imports OPD bundles from a folder (a USB stick) or a file
// and lists the outcome of each.
type asesorHome struct {
	u         *UI
	folderBtn *widget.Button
	fileBtn   *widget.Button
	progress  *widget.ProgressBar
	state     *widget.Label
	summary   *widget.Label
	results   *fyne.Container
	top       *fyne.Container // relaid out when the progress bar or summary shows or hides
	root      *fyne.Container // holds top: its height changes with it
	outcomes  []intake.Outcome
	running   bool

	pullBtn  *widget.Button // Tarik dari server (sync_asesor.go); nil: no server
	pullDlg  *dialog.FormDialog
	pullPass *widget.Entry
}

func newAsesorHome(u *UI) *asesorHome {
	h := &asesorHome{u: u, progress: widget.NewProgressBar(), state: wrapped(tr("asesor.import.hint")),
		summary: bold(""), results: container.NewVBox()}
	// The folder is the main way (a stick of bundles is one import); the
	// system file dialog picks one file only, for a single bundle.
	h.folderBtn = widget.NewButton(tr("asesor.import.folder"), h.onFolder)
	h.folderBtn.Importance = widget.HighImportance
	h.fileBtn = widget.NewButton(tr("asesor.import.oneFile"), h.onFile)
	h.progress.Hide()
	h.summary.Hide()
	switch {
	case u.importing:
		h.showRunning()
	case u.importResults != nil:
		h.show(u.importResults)
	}
	return h
}

func (h *asesorHome) view() fyne.CanvasObject {
	buttons := container.NewHBox(h.folderBtn, h.fileBtn)
	if b := h.pullButton(); b != nil {
		buttons.Add(b)
	}
	h.top = container.NewVBox(asesorNav(h.u, "asesor.navImport"), buttons, h.state, h.progress, h.summary)
	h.root = border(h.top, nil, nil, nil, container.NewVScroll(h.results))
	return container.NewPadded(h.root)
}

func (h *asesorHome) leave() {}

func (h *asesorHome) onFolder() {
	h.u.paths.PickFolder(h.u.win, func(path string, ok bool) {
		if ok {
			h.runImport([]string{path})
		}
	})
}

func (h *asesorHome) onFile() {
	h.u.paths.PickFile(h.u.win, tr("asesor.import.oneFile"), []string{bundleExtension}, func(path string, ok bool) {
		if ok {
			h.runImport([]string{path})
		}
	})
}

// runImport imports paths on a worker goroutine; the progress bar follows
// it and the outcomes are listed when it ends. The import belongs to the
// UI, not the screen: the assessor may look at other screens meanwhile,
// and the import screen shows it again on return.
func (h *asesorHome) runImport(paths []string) {
	u := h.u
	if u.importing || u.asesor == nil {
		return
	}
	u.importing = true
	u.importResults = nil
	h.showRunning()
	h.results.RemoveAll()
	w, post := u.asesor, u.post
	var out []intake.Outcome
	u.jobs.submit(func(ctx context.Context) error {
		var err error
		out, err = w.Import(ctx, paths, func(done, total int) {
			post(func() {
				if cur, ok := u.current.(*asesorHome); ok && u.importing && total > 0 {
					cur.progress.SetValue(float64(done) / float64(total))
					cur.state.SetText(trf("asesor.importProgress", done, total))
				}
			})
		})
		return err
	}, func(err error) {
		u.importing = false
		u.importResults = out
		if cur, ok := u.current.(*asesorHome); ok {
			cur.finish(out)
		}
		if err != nil {
			u.showError(err)
		}
	})
}

// showRunning disables the buttons and shows the progress bar.
func (h *asesorHome) showRunning() {
	h.running = true
	h.folderBtn.Disable()
	h.fileBtn.Disable()
	if h.pullBtn != nil {
		h.pullBtn.Disable()
	}
	h.progress.SetValue(0)
	h.progress.Show()
	h.summary.Hide()
	h.state.SetText(tr("asesor.importRunning"))
	h.relayout()
}

func (h *asesorHome) relayout() {
	if h.top != nil {
		h.top.Refresh()
	}
	if h.root != nil {
		h.root.Refresh() // the border gives top its new height
	}
}

// finish shows the outcomes of the import that ended.
func (h *asesorHome) finish(out []intake.Outcome) {
	h.running = false
	h.folderBtn.Enable()
	h.fileBtn.Enable()
	if h.pullBtn != nil {
		h.pullBtn.Enable()
	}
	h.progress.Hide()
	h.show(out)
	h.relayout()
}

// show lists the outcomes, one row per bundle, with a count per outcome.
func (h *asesorHome) show(out []intake.Outcome) {
	h.outcomes = out
	h.results.RemoveAll()
	if len(out) == 0 {
		h.state.SetText(tr("asesor.importNone"))
		return
	}
	h.state.SetText(trf("asesor.importDone", len(out)))
	counts := intake.Count(out)
	for _, o := range out {
		h.results.Add(h.row(o))
	}
	h.summary.SetText(trf("asesor.importSummary", counts[intake.KindNew], counts[intake.KindDuplicate],
		counts[intake.KindNewVersion], counts[intake.KindConflict], counts[intake.KindRejected]))
	h.summary.Show()
}

func (h *asesorHome) row(o intake.Outcome) fyne.CanvasObject {
	label, imp := outcomeBadge(o.Kind)
	what := o.Path
	if o.OPDKode != "" {
		what = trf("asesor.importWhat", o.OPDKode, o.OPDNama, o.Periode, o.Sequence) + " · " + o.Path
	}
	lines := container.NewVBox(wrapped(what))
	if o.Kind == intake.KindRejected {
		lines.Add(rejectionLines(o))
	} else if o.Reason != "" {
		lines.Add(wrapped(o.Reason))
	}
	if o.Kind != intake.KindRejected && o.KeyStatus == assessment.KeyPending {
		p := wrapped(tr("asesor.importPendingKey"))
		p.Importance = widget.WarningImportance
		lines.Add(p)
	}
	if o.KeyFromStick != "" {
		// The import registered the key from the file beside the bundle;
		// the fingerprint is what the assessor now compares.
		lines.Add(wrapped(trf("asesor.importStickKey", o.KeyFromStick, tr("asesor.navKeys"))))
		lines.Add(container.NewPadded(fingerprintText(o.Fingerprint)))
	}
	marks := container.NewVBox(badge(label, imp))
	if len(o.Warnings) > 0 {
		// Under the outcome's badge: the bundle is stored, but its date
		// (the OPD's clock) is doubtful.
		marks.Add(badge(tr("asesor.import.warningBadge"), widget.WarningImportance))
		for _, w := range o.Warnings {
			l := wrapped(trf("asesor.import.warning", w))
			l.Importance = widget.WarningImportance
			lines.Add(l)
		}
	}
	return container.NewBorder(nil, widget.NewSeparator(), fixedWidth(marks, 150), nil, lines)
}

// rejectionLines says what to do about a rejection in the GUI's words,
// chosen by the stable code (the storage reason names CLI commands); the
// reason itself stays one tap away, for the record and for support.
func rejectionLines(o intake.Outcome) fyne.CanvasObject {
	hint := rejectionHint(o)
	if hint == "" {
		r := wrapped(o.Reason)
		r.Importance = widget.DangerImportance
		return r
	}
	h := wrapped(hint)
	h.Importance = widget.DangerImportance
	if o.Reason == "" {
		return h
	}
	details := widget.NewAccordion(widget.NewAccordionItem(tr("asesor.import.details"), wrapped(o.Reason)))
	return container.NewVBox(h, details)
}

// rejectionHint is the GUI's advice for a rejection code, naming the
// screens and buttons to use; "" for a code it does not know.
func rejectionHint(o intake.Outcome) string {
	keys, add, revoke := tr("asesor.navKeys"), tr("keys.add"), tr("keys.revoke")
	switch o.Code {
	case intake.RejectUnknownKey:
		return trf("asesor.import.hintUnknownKey", o.OPDKode, o.Fingerprint, keys, add)
	case intake.RejectDifferentKey:
		return trf("asesor.import.hintDifferentKey", o.OPDKode, keys, revoke, add)
	case intake.RejectRevokedKey:
		return trf("asesor.import.hintRevokedKey", keys, add)
	case intake.RejectSequence:
		return tr("asesor.import.hintSequence")
	case intake.RejectBundleID:
		return tr("asesor.import.hintBundleID")
	case intake.RejectUnknownCatalog:
		return tr("asesor.import.hintUnknownCatalog")
	case intake.RejectCatalogMismatch:
		return tr("asesor.import.hintCatalogMismatch")
	case intake.RejectUnreadable:
		return tr("asesor.import.hintUnreadable")
	case intake.RejectInvalid:
		return tr("asesor.import.hintInvalid")
	}
	return ""
}

// outcomeBadge is the word and colour of an import outcome.
func outcomeBadge(k intake.Kind) (string, widget.Importance) {
	switch k {
	case intake.KindNew:
		return tr("asesor.outcomeNew"), widget.SuccessImportance
	case intake.KindDuplicate:
		return tr("asesor.outcomeDuplicate"), widget.MediumImportance
	case intake.KindNewVersion:
		return tr("asesor.outcomeNewVersion"), widget.HighImportance
	case intake.KindConflict:
		return tr("asesor.outcomeConflict"), widget.WarningImportance
	case intake.KindRejected:
		return tr("asesor.outcomeRejected"), widget.DangerImportance
	}
	return string(k), widget.MediumImportance
}
