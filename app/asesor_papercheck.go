package app

import (
	"context"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/viewer"
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

// verdictOf is the word, colour, icon and explanation of a result. A
// paper that matches is only green when the bundle's signing key is
// verified: a revoked key makes the bundle invalid (red), a key not yet
// verified (or of unknown status) makes it not final (warning).
func verdictOf(r assessment.PaperCheckResult) (string, widget.Importance, fyne.Resource, string) {
	switch {
	case r.Matches && r.Bundle.KeyStatus == assessment.KeyVerified:
		return tr("asesor.paper.match"), widget.SuccessImportance,
			theme.NewSuccessThemedResource(theme.ConfirmIcon()), tr("asesor.paper.matchWhy")
	case r.Matches && r.Bundle.KeyStatus == assessment.KeyRevoked:
		return tr("asesor.paper.matchRevoked"), widget.DangerImportance,
			theme.NewErrorThemedResource(theme.ErrorIcon()), tr("asesor.paper.matchRevokedWhy")
	case r.Matches:
		return tr("asesor.paper.matchPending"), widget.WarningImportance,
			theme.NewWarningThemedResource(theme.WarningIcon()), tr("asesor.paper.matchPendingWhy")
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
	return container.NewVBox(bold(title), wrapped(paperBundleText(b)), paperKeyLine(b), container.NewHBox(report, review))
}

// paperKeyLine is "Kunci OPD: DICABUT", the status coloured as on the
// key registry: whether the bundle can be trusted at all.
func paperKeyLine(b assessment.ReviewBundle) fyne.CanvasObject {
	word, imp := keyStatusBadge(b.KeyStatus)
	if b.KeyStatus == "" {
		word, imp = tr("asesor.paper.keyUnknown"), widget.WarningImportance
	}
	return container.NewHBox(widget.NewLabel(tr("asesor.paper.keyStatus")), badge(word, imp))
}

func (p *asesorPaperCheck) newerCard(n assessment.ReviewBundle) fyne.CanvasObject {
	warn := wrapped(trf("asesor.paper.newer", n.Sequence))
	warn.Importance = widget.WarningImportance
	warn.TextStyle.Bold = true
	open := widget.NewButton(tr("asesor.paper.reviewNewer"), func() { p.u.show(newAsesorReview(p.u, n.BundleID)) })
	open.Importance = widget.WarningImportance
	return container.NewVBox(warn, wrapped(paperBundleText(n)), paperKeyLine(n), container.NewHBox(open))
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
// UI goroutine and hands it to the system viewer. Evidence comes from an
// OPD's bundle and its name is the OPD's: the workspace copies a file
// that is not a known document type with ".bin" added ("SK.pdf.exe" →
// "SK.pdf.exe.bin"), so that no program runs it. Such a copy is never
// handed to the system; the assessor is told why and gets its folder.
func openBlobInViewer(u *UI, sum, name string) {
	w := u.asesor
	if w == nil {
		return
	}
	var path string
	u.jobs.spawn(func(ctx context.Context) error {
		var err error
		path, err = w.OpenBlob(ctx, sum, name)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		openViewerCopy(u, u.app, path, name)
	})
}

// openViewerCopy hands a viewer copy to the system; a copy that
// assessment/viewer named ".bin" (not a document type) is never opened:
// the user is told why and gets its folder.
func openViewerCopy(u *UI, a fyne.App, path, name string) {
	target := path
	if viewer.Quarantined(path) {
		target = filepath.Dir(path)
		dialog.ShowInformation(tr("review.blobQuarantineTitle"), trf("review.blobQuarantine", name, path), u.win)
	}
	if err := openInSystem(a, target); err != nil {
		u.showError(err)
	}
}

// openInSystem opens a file or folder with the system's handler. Every
// "Buka" of the app goes through here, so that a computer without a
// viewer for the type (no PDF reader, no xdg-open) tells the user in
// their language what to do, not "exec: xdg-open: executable file not
// found in $PATH".
func openInSystem(a fyne.App, path string) error {
	uri, err := url.Parse(fynestorage.NewFileURI(path).String())
	if err == nil {
		err = a.OpenURL(uri)
	}
	if err != nil {
		return &viewerError{path: path, err: err}
	}
	return nil
}

// viewerError: the system found no program to open path.
type viewerError struct {
	path string
	err  error
}

func (e *viewerError) Error() string {
	return trf("open.noViewer", filepath.Base(e.path), e.path)
}

func (e *viewerError) Unwrap() error { return e.err }

// capitalize starts a message with a capital, as a sentence on screen.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
