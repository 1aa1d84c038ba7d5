package app

import (
	"context"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Ambil umpan balik dari server: the OPD key signs the requests (its
// passphrase is asked), the Tim Asesor's feedback on the accepted bundles
// is fetched into files, and each goes through the ordinary feedback
// import — the same trust question, the same refusals as from a stick.

// feedbackButton is nil when fetching is not wired.
func (s *syncOPD) feedbackButton() *widget.Button {
	if s.u.deps.Sync == nil || s.u.deps.Sync.Outbox == nil || s.u.feedbackInbox() == nil {
		return nil
	}
	if s.fbBtn == nil {
		s.fbBtn = widget.NewButton(tr("sync.feedback"), s.onFeedback)
	}
	return s.fbBtn
}

func (s *syncOPD) onFeedback() {
	pass := widget.NewPasswordEntry()
	items := []*widget.FormItem{widget.NewFormItem(tr("sync.feedback.pass"), pass)}
	s.fbDlg = dialog.NewForm(tr("sync.feedback"), tr("sync.feedback.ok"), tr("common.cancel"), items, func(ok bool) {
		if ok {
			s.fetchFeedback([]byte(pass.Text))
		}
	}, s.u.win)
	s.fbPass = pass
	s.fbDlg.Show()
}

func (s *syncOPD) fetchFeedback(pass []byte) {
	d, dir := s.u.deps.Sync, s.u.dataDir
	var files []string
	s.state.SetText(tr("sync.feedback.fetching"))
	s.u.jobs.spawn(func(ctx context.Context) error {
		var err error
		files, err = d.Outbox.FetchFeedbackFiles(ctx, dir, pass)
		return err
	}, func(err error) {
		if err != nil {
			s.state.SetText(trf("sync.failed", err.Error()))
			return
		}
		s.state.SetText(trf("sync.feedback.got", len(files)))
		s.importFeedback(files)
	})
}

// importFeedback runs the ordinary import on each fetched file in turn.
func (s *syncOPD) importFeedback(files []string) {
	if len(files) == 0 {
		return
	}
	f := &feedbackImport{u: s.u, inbox: s.u.feedbackInbox(), file: files[0],
		done: func(assessment.FeedbackImported) { s.importFeedback(files[1:]) }}
	s.fbImport = f
	f.check("")
}
