package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// portalFlow is one Paket unggah portal from the dashboard: pick a folder,
// write the package into a new folder inside it with a progress dialog,
// then say where it is. Its fields are what tests look at.
type portalFlow struct {
	q       *questionnaire
	prog    *progressDialog
	doneDlg *dialog.CustomDialog
	dir     string // the package folder written
}

// newPortalButton is the dashboard's "Paket unggah portal…" button; nil
// when the open folder has no portal port.
func newPortalButton(q *questionnaire) *widget.Button {
	if q.u.opdPortal() == nil {
		return nil
	}
	return widget.NewButtonWithIcon(tr("portal.button"), theme.FolderNewIcon(), func() { q.startPortalPackage() })
}

// footButtons are the buttons pinned under the dashboard's checklist.
func (d *dashboard) footButtons() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, b := range []*widget.Button{d.exportBtn, d.portalBtn} {
		if b != nil {
			out = append(out, b)
		}
	}
	return out
}

// startPortalPackage saves what is typed, asks for the folder the package
// goes into, and writes it.
func (q *questionnaire) startPortalPackage() *portalFlow {
	f := &portalFlow{q: q}
	q.u.saver.flush()
	q.u.paths.PickFolder(q.u.win, func(dir string, ok bool) {
		if ok {
			f.run(dir)
		}
	})
	return f
}

// run writes the package off the UI goroutine behind a progress dialog
// whose Batal cancels it; a failure is shown with its reason, unless the
// officer cancelled.
func (f *portalFlow) run(parent string) {
	u := f.q.u
	bar := widget.NewProgressBar()
	body := container.NewVBox(wrapped(tr("portal.working")), bar)
	f.prog = showProgress(u.win, tr("portal.title"), body)
	ctx, portal, id := f.prog.ctx, u.opdPortal(), f.q.s.a.ID
	var dir string
	// The serial queue: the saves flushed before the folder was asked for
	// run first, so the package holds what was typed.
	u.jobs.submit(func(context.Context) error {
		var err error
		dir, err = portal.PackageIn(ctx, id, parent, func(v float64) {
			u.post(func() { bar.SetValue(v) })
		})
		return err
	}, func(err error) {
		cancelled := f.prog.end()
		if err != nil {
			if !cancelled {
				u.showError(err)
			}
			return
		}
		f.showDone(dir)
	})
}

// showDone names the folder written and offers to open it.
func (f *portalFlow) showDone(dir string) {
	f.dir = dir
	f.doneDlg = showPortalDone(f.q.u, dir)
}

// showPortalDone is the dialog after a package: where it is, what to do
// with it, and Buka folder.
func showPortalDone(u *UI, dir string) *dialog.CustomDialog {
	box := container.NewVBox(wrapped(trf("portal.done", dir)), wrapped(tr("portal.doneHint")))
	open := widget.NewButtonWithIcon(tr("portal.openFolder"), theme.FolderOpenIcon(), func() {
		if err := openInSystem(u.app, dir); err != nil {
			u.showError(err)
		}
	})
	open.Importance = widget.HighImportance
	box.Add(container.NewHBox(open))
	d := dialog.NewCustom(tr("portal.title"), tr("common.close"), box, u.win)
	d.Resize(fyne.NewSize(640, 260))
	d.Show()
	return d
}

// copyJustification is the indicator screen's Salin row: it puts the
// justification as typed (saved or not) on the clipboard, ready to paste
// into the portal's field, and says so beside the button.
type copyJustification struct {
	j    *justificationEditor
	btn  *widget.Button
	note *widget.Label
}

func newCopyJustification(j *justificationEditor) *copyJustification {
	c := &copyJustification{j: j, note: widget.NewLabel("")}
	c.note.SizeName = theme.SizeNameCaptionText
	c.btn = widget.NewButtonWithIcon(tr("portal.copy"), theme.ContentCopyIcon(), c.onCopy)
	return c
}

func (c *copyJustification) view() fyne.CanvasObject {
	return container.NewHBox(c.btn, c.note)
}

func (c *copyJustification) onCopy() {
	text := strings.TrimSpace(c.j.entry.Text)
	if text == "" {
		c.note.SetText(tr("portal.copyEmpty"))
		return
	}
	c.j.q.u.app.Clipboard().SetContent(text)
	if !assessment.Justified(text) {
		// Copied all the same (the officer asked), but the portal's
		// assessor would read empty template headings.
		c.note.SetText(tr("portal.copiedTemplate"))
		return
	}
	c.note.SetText(trf("portal.copied", len([]rune(text))))
}

// copyRow is the Salin row under the indicator screen's justification
// (the hook in indicator.go).
func (p *indicatorPane) copyRow() fyne.CanvasObject {
	return newCopyJustification(p.just).view()
}
