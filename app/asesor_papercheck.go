package app

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// asesorPaperCheck checks a printed report: the QR text is pasted, typed
// or "typed" by a barcode scanner, and the stored bundle it names is
// shown with a clear verdict.
type asesorPaperCheck struct {
	u        *UI
	text     *widget.Entry
	checkBtn *widget.Button
	msg      *widget.Label // a malformed text, or "checking…"
	result   *fyne.Container
	verdict  *widget.Label
	seq      int             // the latest check; older results are dropped
	top      *fyne.Container // laid out again when the message changes
}

func newAsesorPaperCheck(u *UI) *asesorPaperCheck {
	p := &asesorPaperCheck{u: u, msg: wrapped(""), result: container.NewVBox()}
	p.text = widget.NewMultiLineEntry()
	p.text.Wrapping = fyne.TextWrapBreak
	p.text.SetMinRowsVisible(3)
	p.text.SetPlaceHolder(tr("asesor.paper.placeholder"))
	p.text.OnChanged = p.onChanged
	p.text.OnSubmitted = func(string) { p.onCheck() } // Shift+Enter
	p.checkBtn = widget.NewButton(tr("asesor.paper.check"), p.onCheck)
	p.checkBtn.Importance = widget.HighImportance
	return p
}

func (p *asesorPaperCheck) view() fyne.CanvasObject {
	clear := widget.NewButton(tr("asesor.paper.clear"), p.onClear)
	p.top = container.NewVBox(asesorNav(p.u, "asesor.navPaper"), wrapped(tr("asesor.paper.intro")),
		p.text, container.NewHBox(p.checkBtn, clear), p.msg, widget.NewSeparator())
	return container.NewPadded(border(p.top, nil, nil, nil, container.NewVScroll(p.result)))
}

func (p *asesorPaperCheck) leave() {}

// shown puts the cursor in the entry: a scanner can type at once.
func (p *asesorPaperCheck) shown() { p.u.win.Canvas().Focus(p.text) }

// onChanged checks as soon as a line is ended: a barcode scanner types
// the QR text followed by Enter. The text stays selected, so a stack of
// papers can be scanned one after the other.
func (p *asesorPaperCheck) onChanged(s string) {
	if !strings.HasSuffix(s, "\n") {
		return
	}
	last := ""
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			last = l
		}
	}
	if last == "" {
		return
	}
	p.text.SetText(last)
	// selected, so that the next scan (or paste) replaces it
	p.text.TypedShortcut(&fyne.ShortcutSelectAll{})
	p.onCheck()
}

func (p *asesorPaperCheck) onClear() {
	p.text.SetText("")
	p.say(widget.MediumImportance, "")
	p.result.RemoveAll()
	p.seq++ // a check still running is not shown
	p.u.win.Canvas().Focus(p.text)
}

// onCheck looks the text up off the UI goroutine. A scan during a
// check is checked too; only the latest result is shown.
func (p *asesorPaperCheck) onCheck() {
	text := strings.TrimSpace(p.text.Text)
	if p.u.asesor == nil {
		return
	}
	if text == "" {
		p.say(widget.DangerImportance, tr("asesor.paper.empty"))
		return
	}
	w := p.u.asesor
	p.seq++
	seq := p.seq
	p.say(widget.MediumImportance, tr("asesor.paper.checking"))
	var res assessment.PaperCheckResult
	p.u.jobs.submit(func(ctx context.Context) error {
		var err error
		res, err = w.PaperCheck(ctx, text)
		return err
	}, func(err error) {
		if seq != p.seq {
			return
		}
		if err != nil { // a malformed text: said here, not in a dialog
			p.result.RemoveAll()
			p.say(widget.DangerImportance, capitalize(err.Error()))
			return
		}
		p.say(widget.MediumImportance, "")
		p.show(res)
	})
}

// say writes the line under the buttons (a malformed text in red) and
// lays the top out again: the message may wrap.
func (p *asesorPaperCheck) say(imp widget.Importance, text string) {
	p.msg.Importance = imp
	p.msg.SetText(text)
	if p.top != nil {
		p.top.Refresh()
	}
}

// verdictOf is the word, colour, icon and explanation of a result.
func verdictOf(r assessment.PaperCheckResult) (string, widget.Importance, fyne.Resource, string) {
	switch {
	case r.Matches:
		return tr("asesor.paper.match"), widget.SuccessImportance,
			theme.NewSuccessThemedResource(theme.ConfirmIcon()), tr("asesor.paper.matchWhy")
	case r.Found || r.Bundle.BundleID != "":
		return tr("asesor.paper.mismatch"), widget.DangerImportance,
			theme.NewErrorThemedResource(theme.ErrorIcon()), tr("asesor.paper.mismatchWhy")
	}
	return tr("asesor.paper.notFound"), widget.WarningImportance,
		theme.NewWarningThemedResource(theme.QuestionIcon()), tr("asesor.paper.noBundle")
}

// show lays out the verdict, what was printed, the bundle found and a
// newer version if there is one.
func (p *asesorPaperCheck) show(r assessment.PaperCheckResult) {
	p.result.RemoveAll()
	word, imp, icon, why := verdictOf(r)
	p.verdict = widget.NewLabel(word)
	p.verdict.TextStyle.Bold = true
	p.verdict.SizeName = theme.SizeNameHeadingText
	p.verdict.Importance = imp
	p.result.Add(container.NewHBox(container.NewGridWrap(fyne.NewSquareSize(36), widget.NewIcon(icon)), p.verdict))
	p.result.Add(wrapped(why))
	p.result.Add(wrapped(trf("asesor.paper.printed", r.OPDKode, r.Periode, r.Sequence, spacedFingerprint(r.Fingerprint))))
	if len(r.Mismatches) > 0 {
		l := wrapped(tr("asesor.paper.differs") + "\n• " + strings.Join(r.Mismatches, "\n• "))
		l.Importance = widget.DangerImportance
		p.result.Add(l)
	}
	if r.Bundle.BundleID != "" {
		p.result.Add(widget.NewSeparator())
		p.result.Add(p.bundleCard(r))
	}
	if r.Newer != nil {
		p.result.Add(widget.NewSeparator())
		p.result.Add(p.newerCard(*r.Newer))
	}
}

func (p *asesorPaperCheck) bundleCard(r assessment.PaperCheckResult) fyne.CanvasObject {
	b := r.Bundle
	title := tr("asesor.paper.bundleFound")
	if !r.Found {
		title = tr("asesor.paper.bundleSameNumber")
	}
	report := widget.NewButton(tr("asesor.paper.openReport"), func() {
		openBlobInViewer(p.u, b.ReportSHA256, "Laporan_"+b.OPDKode+"_"+strconv.Itoa(b.Periode)+"_"+strconv.FormatUint(b.Sequence, 10)+".pdf")
	})
	if b.ReportSHA256 == "" {
		report.Disable()
	}
	review := widget.NewButton(tr("asesor.paper.review"), func() { p.u.show(newAsesorReview(p.u, b.BundleID)) })
	return container.NewVBox(bold(title), wrapped(paperBundleText(b)), container.NewHBox(report, review))
}

func (p *asesorPaperCheck) newerCard(n assessment.ReviewBundle) fyne.CanvasObject {
	warn := wrapped(trf("asesor.paper.newer", n.Sequence))
	warn.Importance = widget.WarningImportance
	warn.TextStyle.Bold = true
	open := widget.NewButton(tr("asesor.paper.reviewNewer"), func() { p.u.show(newAsesorReview(p.u, n.BundleID)) })
	open.Importance = widget.WarningImportance
	return container.NewVBox(warn, wrapped(paperBundleText(n)), container.NewHBox(open))
}

// paperBundleText is "DINKES — Dinas Kesehatan · periode 2026 · nomor
// urut 3 · diterima · id 0123abcd…".
func paperBundleText(b assessment.ReviewBundle) string {
	return trf("asesor.paper.bundle", b.OPDKode, b.OPDNama, b.Periode, b.Sequence,
		tr("asesor.paper.status."+b.Status), shortKeyID(b.BundleID))
}

// spacedFingerprint groups a fingerprint's digits by five, as the key
// form prints them.
func spacedFingerprint(s string) string {
	s = strings.Join(strings.Fields(s), "")
	var parts []string
	for len(s) > 5 {
		parts = append(parts, s[:5])
		s = s[5:]
	}
	return strings.Join(append(parts, s), " ")
}

// openBlobInViewer copies a stored file (a report or evidence) off the
// UI goroutine and hands it to the system viewer.
func openBlobInViewer(u *UI, sum, name string) {
	w, a := u.asesor, u.app
	var path string
	u.jobs.spawn(func(ctx context.Context) error {
		var err error
		path, err = w.OpenBlob(ctx, sum, name)
		return err
	}, func(err error) {
		if err == nil {
			var uri *url.URL
			uri, err = url.Parse(fynestorage.NewFileURI(path).String())
			if err == nil {
				err = a.OpenURL(uri)
			}
		}
		if err != nil {
			u.showError(err)
		}
	})
}

// capitalize starts a message with a capital, as a sentence on screen.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
