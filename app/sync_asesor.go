package app

import (
	"context"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// Tarik dari server on the assessor's import screen: the bundles the
// collection server decided since the last pull are fetched (resumable
// downloads, cursor in the workspace), rebuilt into .spbe files and
// imported with the unchanged import, so the outcomes read exactly like
// a stick's (asesorport.Server.PullFromServer: the server of the data
// folder's installed configuration). The assessor key signs the
// requests: its passphrase is asked.

// pullButton is nil when no server is wired.
func (h *asesorHome) pullButton() *widget.Button {
	if h.u.deps.Sync == nil || h.u.deps.Sync.Outbox == nil {
		return nil
	}
	if h.pullBtn == nil {
		h.pullBtn = widget.NewButtonWithIcon(tr("sync.pull"), theme.DownloadIcon(), h.onPull)
	}
	return h.pullBtn
}

// onPull installs the Pemda's server configuration first when there is
// none, then asks the passphrase.
func (h *asesorHome) onPull() {
	d, dir := h.u.deps.Sync, h.u.dataDir
	var ok bool
	h.u.jobs.submit(func(context.Context) error { _, ok = d.Outbox.Installed(dir); return nil }, func(error) {
		if ok {
			h.askPullPass()
			return
		}
		h.u.paths.PickFile(h.u.win, tr("sync.install"), []string{".json"}, func(path string, picked bool) {
			if !picked {
				return
			}
			h.u.jobs.submit(func(context.Context) error { _, err := d.Outbox.Install(dir, path); return err }, func(err error) {
				if err != nil {
					h.u.showError(err)
					return
				}
				h.askPullPass()
			})
		})
	})
}

func (h *asesorHome) askPullPass() {
	pass := widget.NewPasswordEntry()
	items := []*widget.FormItem{widget.NewFormItem(tr("sync.pull.pass"), pass)}
	h.pullDlg = dialog.NewForm(tr("sync.pull"), tr("sync.pull.ok"), tr("common.cancel"), items, func(ok bool) {
		if ok {
			h.runPull([]byte(pass.Text))
		}
	}, h.u.win)
	h.pullPass = pass
	h.pullDlg.Show()
}

// runPull is runImport with the server as the source.
func (h *asesorHome) runPull(pass []byte) {
	u := h.u
	if u.importing || u.asesor == nil {
		return
	}
	u.importing = true
	u.importResults = nil
	h.showRunning()
	h.state.SetText(tr("sync.pulling"))
	h.results.RemoveAll()
	w := u.asesor
	var out []intake.Outcome
	u.jobs.submit(func(ctx context.Context) error {
		var err error
		out, err = w.PullFromServer(ctx, pass)
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
