package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/viewer"
)

// upload is the evidence copy in progress (one at a time).
type upload struct {
	cancel context.CancelFunc
}

// uploadBar shows the copy's progress and a cancel button; it lives in
// the questionnaire's bottom bar, so it stays visible while the user moves
// to other indicators.
type uploadBar struct {
	box      *fyne.Container
	label    *widget.Label
	bar      *widget.ProgressBar
	infinite *widget.ProgressBarInfinite // for files of unknown size
	cancel   *widget.Button
}

func newUploadBar(u *UI) *uploadBar {
	b := &uploadBar{label: widget.NewLabel(""), bar: widget.NewProgressBar(), infinite: widget.NewProgressBarInfinite()}
	b.infinite.Hide()
	b.label.Truncation = fyne.TextTruncateEllipsis
	b.cancel = widget.NewButton(tr("common.cancel"), func() {
		if u.upload != nil {
			u.upload.cancel()
		}
	})
	b.box = border(nil, nil, nil, b.cancel, container.NewGridWithColumns(2, b.label, container.NewStack(b.bar, b.infinite)))
	b.box.Hide()
	return b
}

func (b *uploadBar) view() fyne.CanvasObject { return b.box }

// start shows the bar for a file of size bytes (-1 = unknown).
func (b *uploadBar) start(name string, n int, size int64) {
	b.label.SetText(trf("evidence.adding", name, n))
	b.bar.SetValue(0)
	if size < 0 {
		b.bar.Hide()
		b.infinite.Show()
		b.infinite.Start()
		return
	}
	b.infinite.Stop()
	b.infinite.Hide()
	b.bar.Show()
}

func (b *uploadBar) stop() {
	b.infinite.Stop()
	b.box.Hide()
}

// progressReporter turns byte counts into throttled progress updates on
// the UI goroutine.
type progressReporter struct {
	started func(size int64) // when the file is open and its size known
	size    int64
	last    time.Time
	mu      sync.Mutex
	set     func(float64)
	post    func(func())
}

func (p *progressReporter) report(copied int64) {
	if p.size <= 0 {
		return
	}
	p.mu.Lock()
	now := time.Now()
	due := now.Sub(p.last) >= 100*time.Millisecond || copied >= p.size
	if due {
		p.last = now
	}
	p.mu.Unlock()
	if due {
		f := float64(copied) / float64(p.size)
		p.post(func() { p.set(f) })
	}
}

// addEvidence copies files into the store as evidence of indicator n, off
// the UI goroutine, one after the other, with progress and cancel; each
// file is then linked to the evidence items given (none for catalogs
// without items).
func (q *questionnaire) addEvidence(n, level int, items []string, files []PickedFile) {
	u := q.u
	if u.upload != nil {
		dialog.ShowInformation(tr("evidence.busyTitle"), tr("evidence.busy"), u.win)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	u.upload = &upload{cancel: cancel}
	bar := q.uploadBar
	bar.box.Show()
	st, id, op, cat := u.store, q.s.a.ID, u.profile.Operator, q.s.cat
	var errs []error
	u.jobs.spawn(func(context.Context) error {
		for _, f := range files {
			p := &progressReporter{set: bar.bar.SetValue, post: u.post}
			p.started = func(size int64) {
				name := f.Name
				u.post(func() { bar.start(name, n, size) })
			}
			ev, err := copyEvidence1(ctx, st, id, n, level, op, f, p)
			if err == nil {
				err = linkItems(ctx, st, cat, &ev, items, op)
				if err != nil { // the file is stored: show it, and say why its items are not
					u.post(func() { q.s.addEvidence(ev); q.evidenceChanged(n) })
				}
			}
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				errs = append(errs, err)
				continue
			}
			u.post(func() {
				q.s.addEvidence(ev)
				q.evidenceChanged(n)
			})
		}
		return nil
	}, func(err error) {
		cancel()
		u.upload = nil
		bar.stop()
		switch {
		case u.closing:
			u.closeAfterSaving()
		case errors.Is(err, context.Canceled):
			u.status.label.SetText(tr("evidence.cancelled"))
		case len(errs) > 0:
			u.showError(errors.Join(errs...))
		}
	})
}

// copyEvidence1 stores one file; it runs on a worker goroutine.
func copyEvidence1(ctx context.Context, st assessment.Store, id string, n, level int, op string, f PickedFile, p *progressReporter) (assessment.Evidence, error) {
	rc, size, err := f.Open()
	if err != nil {
		return assessment.Evidence{}, err
	}
	defer rc.Close()
	p.size = size
	if p.started != nil {
		p.started(size)
	}
	return st.AddEvidence(ctx, id, n, assessment.EvidenceInput{
		Name: f.Name, Reader: rc, Level: level, Operator: op, Progress: p.report,
	})
}

// openEvidence opens a stored file with the system viewer. Stored blobs
// are named by their hash without an extension, so the file is first
// copied (off the UI goroutine) to a temporary folder under its original
// name, which lets the system pick the right viewer — unless the name is
// not a document type (assessment/viewer): that copy's folder is opened.
func (q *questionnaire) openEvidence(ev assessment.Evidence) {
	st, a := q.u.store, q.u.app
	var path string
	q.u.jobs.spawn(func(ctx context.Context) error {
		var err error
		path, err = viewCopy(ctx, st, ev)
		return err
	}, func(err error) {
		if err != nil {
			q.u.showError(err)
			return
		}
		openViewerCopy(q.u, a, path, ev.OriginalName)
	})
}

func viewCopy(ctx context.Context, st assessment.Store, ev assessment.Evidence) (string, error) {
	dir := filepath.Join(os.TempDir(), "spbe-mandiri-lihat", ev.Blob.ShortHash())
	name := viewer.Name(ev.Blob.SHA256, ev.OriginalName)
	if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && fi.Size() == ev.Blob.Size {
		return filepath.Join(dir, name), nil
	}
	rc, err := st.OpenBlob(ctx, ev.Blob.SHA256)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	return viewer.Copy(dir, name, rc)
}
