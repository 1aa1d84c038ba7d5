package app

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/fakestore"
)

// fakeInbox is an in-memory assessment.FeedbackInbox: one feedback file
// waiting on the stick, signed by a key that is trusted or not.
type fakeInbox struct {
	mu        sync.Mutex
	trusted   bool
	keyBeside bool      // KUNCI_ASESOR.json lies next to the feedback file
	withdrawn time.Time // the signer's trust was withdrawn then (zero: never)
	err       error     // what Preview says about a bad file
	pending   assessment.FeedbackNotes
	target    string // the assessment the feedback is about
	previews  []string
	imports   []string
	notes     map[string]assessment.FeedbackNotes
}

const (
	fakeInboxFP  = "112233445566778899001122334455"
	fakeInboxSHA = "5a1f0e3c9b7d4a2e8f6c1b3d5e7a9c0b2d4f6e8a1c3b5d7f9e0a2c4b6d8f0e1a"
)

// Receive and Received are the CLI's import and listing; the GUI never
// calls them.
func (f *fakeInbox) Receive(context.Context, assessment.FeedbackReceipt) (assessment.FeedbackReceived, error) {
	return assessment.FeedbackReceived{}, errors.New("not the GUI's")
}

func (f *fakeInbox) Received(context.Context, string) ([]assessment.FeedbackReceived, error) {
	return nil, errors.New("not the GUI's")
}

func (f *fakeInbox) Preview(_ context.Context, file, keyFile string) (assessment.FeedbackPreview, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.previews = append(f.previews, file+"|"+keyFile)
	if f.err != nil {
		return assessment.FeedbackPreview{}, f.err
	}
	p := assessment.FeedbackPreview{File: file, SHA256: fakeInboxSHA, Trusted: f.trusted, KeyID: "cafe", Asesor: "Tim Asesor Internal",
		OPDKode: "DISKOMINFO", Periode: 2025, Sequence: 1, Items: len(f.pending.Items)}
	if !f.withdrawn.IsZero() {
		return assessment.FeedbackPreview{File: file, SHA256: fakeInboxSHA, KeyID: "cafe", Withdrawn: true, WithdrawnAt: f.withdrawn,
			Fingerprint: fakeInboxFP}, nil
	}
	if keyFile == "" && f.keyBeside {
		keyFile = filepath.Join(filepath.Dir(file), "KUNCI_ASESOR.json")
	}
	if f.trusted || keyFile != "" {
		p.KeyFile, p.Fingerprint, p.Verified = keyFile, fakeInboxFP, true
	}
	if f.trusted {
		p.KeyFile = ""
	}
	return p, nil
}

// Import records what it was asked to import: the file, and the key file
// when trusting; like the real inbox it holds the officer to the preview.
func (f *fakeInbox) Import(_ context.Context, p assessment.FeedbackPreview, trust bool) (assessment.FeedbackImported, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	trustKeyFile := ""
	if trust {
		trustKeyFile = p.KeyFile
	}
	f.imports = append(f.imports, p.File+"|"+trustKeyFile)
	if p.SHA256 != fakeInboxSHA || p.KeyID != "cafe" {
		return assessment.FeedbackImported{}, errors.New("berkas berubah sejak diperiksa; ulangi impor")
	}
	if !f.withdrawn.IsZero() {
		return assessment.FeedbackImported{}, errors.New("kepercayaan pada kunci asesor dicabut")
	}
	now := false
	if !f.trusted {
		if trustKeyFile == "" {
			return assessment.FeedbackImported{}, errors.New("umpan balik ditandatangani kunci asesor yang belum dipercaya")
		}
		f.trusted, now = true, true
	}
	_, known := f.notes[f.target]
	if f.notes == nil {
		f.notes = map[string]assessment.FeedbackNotes{}
	}
	f.notes[f.target] = f.pending
	return assessment.FeedbackImported{AssessmentID: f.target, Known: known, TrustedNow: now, Fingerprint: fakeInboxFP,
		OPDKode: "DISKOMINFO", Periode: 2025, Sequence: 1, Items: len(f.pending.Items)}, nil
}

func (f *fakeInbox) Notes(_ context.Context, id string) (assessment.FeedbackNotes, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.notes[id], nil
}

// queuePaths hands out queued file choices (the feedback file, then
// perhaps the key file); an empty queue is a cancelled dialog.
type queuePaths struct {
	files  []string
	titles []string
}

func (p *queuePaths) PickFolder(_ fyne.Window, done func(string, bool)) { done("", false) }

func (p *queuePaths) PickFile(_ fyne.Window, title string, _ []string, done func(string, bool)) {
	p.titles = append(p.titles, title)
	if len(p.files) == 0 {
		done("", false)
		return
	}
	f := p.files[0]
	p.files = p.files[1:]
	done(f, true)
}

type inboxHarness struct {
	*harness
	inbox *fakeInbox
	paths *queuePaths
}

// newInboxHarness is the OPD app with a feedback inbox and one assessment.
func newInboxHarness(t *testing.T) (*inboxHarness, string) {
	t.Helper()
	a := test.NewTempApp(t)
	h := &inboxHarness{harness: &harness{t: t, st: fakestore.New(), lib: library(t), files: &memFiles{}},
		inbox: &fakeInbox{}, paths: &queuePaths{}}
	h.st.Now = func() time.Time { return clock }
	_ = h.st.SaveProfile(t.Context(), testProfile)
	a.Preferences().SetString(prefDataDir, "/data/spbe")
	deps := Deps{
		Open: func(string) (*assessment.OPDFolder, error) {
			h.st.Reopen()
			return &assessment.OPDFolder{Store: h.st, Library: h.lib, Inbox: h.inbox}, nil
		},
		Files: h.files,
		Paths: h.paths,
	}
	h.u = New(a, deps, WithTestDriver())
	h.u.now = func() time.Time { return clock }
	h.u.saver.delay = time.Hour
	h.u.win.Resize(fyne.NewSize(1340, 690))
	h.u.Wait()
	t.Cleanup(func() { h.u.Wait() })
	q := h.newAssessment("spbe-2020", "2025")
	id := q.s.a.ID
	h.u.showHome()
	h.wait()
	reviewed := clock.Add(-24 * time.Hour)
	h.inbox.target = id
	h.inbox.pending = assessment.FeedbackNotes{Asesor: "Tim Asesor Internal", Fingerprint: fakeInboxFP, Sequence: 1,
		CreatedAt: reviewed, ImportedAt: clock, Items: map[int]assessment.FeedbackNote{
			1: {Indicator: 1, Status: assessment.ReviewRevision, Reason: assessment.ReasonMissing, Value: "2.5",
				Note: "Unggah SK Bupati tentang kebijakan internal arsitektur SPBE.", Reviewer: "Andi Asesor", ReviewedAt: reviewed},
			2: {Indicator: 2, Status: assessment.ReviewAccepted, Reviewer: "Andi Asesor", ReviewedAt: reviewed},
		}}
	return h, id
}

const stickFeedback = "/media/usb/SPBE_DISKOMINFO_2025_1_UMPAN.spbe-umpan"

func TestFeedbackImportUntrustedKey(t *testing.T) {
	h, id := newInboxHarness(t)
	h.inbox.keyBeside = true
	hm := h.home()
	if hm.fbBtn == nil {
		t.Fatal("no feedback import button on the home screen")
	}

	// Tidak: nothing is trusted or stored
	h.paths.files = []string{stickFeedback}
	test.Tap(hm.fbBtn)
	h.wait()
	f := hm.fbImport
	if f == nil || f.trustDlg == nil || f.fp == nil {
		t.Fatal("no trust question for an untrusted key")
	}
	if f.fp.Text != "11223 34455 66778 89900 11223 34455" || f.fp.TextSize < 24 {
		t.Errorf("fingerprint shown as %q (size %v)", f.fp.Text, f.fp.TextSize)
	}
	got := fbOverlayTexts(h.u)
	if !hasText(got, "Apakah sidik jari ini sama dengan yang dibacakan Tim Asesor?") || !hasText(got, "DISKOMINFO periode 2025, bundel nomor urut 1 (2 indikator)") {
		t.Errorf("trust dialog shows %q", got)
	}
	capture(t, h.u.win, "opd_feedback_trust.png")
	f.trustDlg.Dismiss()
	h.wait()
	if len(h.inbox.imports) != 0 || h.inbox.trusted {
		t.Fatalf("Tidak imported %v", h.inbox.imports)
	}
	if f.infoDlg == nil || !hasText(fbOverlayTexts(h.u), "Tidak ada yang diimpor") {
		t.Errorf("no word that nothing was imported: %q", fbOverlayTexts(h.u))
	}
	f.infoDlg.Hide()

	// Ya: the key beside the file is trusted and the feedback imported
	h.paths.files = []string{stickFeedback}
	test.Tap(hm.fbBtn)
	h.wait()
	f = hm.fbImport
	f.trustDlg.Confirm()
	h.wait()
	if want := stickFeedback + "|/media/usb/KUNCI_ASESOR.json"; len(h.inbox.imports) != 1 || h.inbox.imports[0] != want {
		t.Fatalf("imports %v, want %q", h.inbox.imports, want)
	}
	if f.doneDlg == nil || !hasText(fbOverlayTexts(h.u), "Kunci asesor kini dipercaya") {
		t.Fatalf("no result: %q", fbOverlayTexts(h.u))
	}
	// the home card counts the notes
	if !hasText(texts(h.u.win.Content()), "Umpan balik asesor: 1 diterima · 1 perlu revisi") {
		t.Errorf("home does not summarise the feedback: %q", texts(h.u.win.Content()))
	}

	capture(t, h.u.win, "opd_feedback_done.png")

	// open the assessment from the result: notes beside each answer
	f.doneDlg.Confirm()
	h.wait()
	q := h.q()
	if q.s.a.ID != id {
		t.Fatalf("opened %s", q.s.a.ID)
	}
	q.goTo(1)
	if !q.pane.note.Visible() {
		t.Fatal("no assessor's note on indicator 1")
	}
	// the notes arrive after the pane was laid out: it makes room for them
	if q.pane.note.Size().Height < 100 {
		t.Errorf("note laid out %v high", q.pane.note.Size().Height)
	}
	got = texts(q.pane.note)
	for _, want := range []string{"Catatan asesor", "REVISI", "belum diunggah", "Nilai asesor: 2,5",
		"Unggah SK Bupati", "oleh Andi Asesor", "bundel nomor urut 1"} {
		if !hasText(got, want) {
			t.Errorf("note does not show %q: %q", want, got)
		}
	}
	if !q.nav.needsRevision(1) || q.nav.needsRevision(2) || !q.nav.revLegend.Visible() {
		t.Error("navigator does not mark the indicator to revise")
	}
	var flagged bool
	walk(q.nav.tree, func(o fyne.CanvasObject) {
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 3 {
			if l, ok := c.Objects[0].(*widget.Label); ok && len(l.Text) > 2 && l.Text[:2] == "1." && c.Objects[2].Visible() && c.Objects[2].Size().Width > 0 {
				flagged = true
			}
		}
	})
	if !flagged {
		t.Error("indicator 1 has no revisi marker in the tree")
	}
	capture(t, h.u.win, "opd_feedback_note_revisi.png")
	q.goTo(2)
	if got := texts(q.pane.note); !q.pane.note.Visible() || !hasText(got, "DITERIMA") {
		t.Errorf("indicator 2 note: %q", got)
	}
	q.goTo(3)
	if q.pane.note.Visible() {
		t.Error("a note shown for an indicator the assessor did not review")
	}
}

func TestFeedbackImportTrustedKeyAndErrors(t *testing.T) {
	h, _ := newInboxHarness(t)
	hm := h.home()

	// tampered (or another OPD's) file: the store's message, nothing stored
	h.inbox.err = errors.New("umpan balik ditolak: tanda tangan tidak cocok: berkas diubah atau bukan dari asesor ini")
	h.paths.files = []string{stickFeedback}
	test.Tap(hm.fbBtn)
	h.wait()
	if got := fbOverlayTexts(h.u); !hasText(got, "tanda tangan tidak cocok") || len(h.inbox.imports) != 0 {
		t.Fatalf("tampered file: %q, imports %v", got, h.inbox.imports)
	}
	h.inbox.err = nil

	// no key file beside it: the officer is asked to pick it
	h.paths.files = []string{stickFeedback, "/home/opd/KUNCI_ASESOR.json"}
	test.Tap(hm.fbBtn)
	h.wait()
	f := hm.fbImport
	if f.keyDlg == nil || f.trustDlg != nil {
		t.Fatal("not asked for the key file")
	}
	f.keyDlg.Confirm()
	h.wait()
	if f.trustDlg == nil || f.preview.KeyFile != "/home/opd/KUNCI_ASESOR.json" {
		t.Fatalf("picked key not previewed: %+v", f.preview)
	}
	f.trustDlg.Confirm()
	h.wait()
	if len(h.inbox.imports) != 1 || h.inbox.imports[0] != stickFeedback+"|/home/opd/KUNCI_ASESOR.json" {
		t.Fatalf("imports %v", h.inbox.imports)
	}
	f.doneDlg.Dismiss()

	// the key is trusted now: the same file imports without a question
	h.paths.files = []string{stickFeedback}
	test.Tap(hm.fbBtn)
	h.wait()
	f = hm.fbImport
	if f.trustDlg != nil || f.keyDlg != nil {
		t.Error("asked again about a trusted key")
	}
	if len(h.inbox.imports) != 2 || h.inbox.imports[1] != stickFeedback+"|" || f.imported == nil || !f.imported.Known {
		t.Fatalf("trusted import: %v %+v", h.inbox.imports, f.imported)
	}
	if !hasText(fbOverlayTexts(h.u), "sudah diimpor sebelumnya") {
		t.Errorf("known file: %q", fbOverlayTexts(h.u))
	}
	// an older feedback imported after a newer one is said to be history
	f.doneDlg.Dismiss()
	f.showDone(assessment.FeedbackImported{AssessmentID: "a", OPDKode: "DISKOMINFO", Periode: 2026, Sequence: 1, Items: 1, Older: true})
	if !hasText(fbOverlayTexts(h.u), "disimpan sebagai riwayat") {
		t.Errorf("older feedback: %q", fbOverlayTexts(h.u))
	}
}

func TestFeedbackHiddenWithoutInbox(t *testing.T) {
	h := newHarness(t, setup{})
	if h.home().fbBtn != nil {
		t.Error("feedback import shown without an inbox")
	}
	q := h.newAssessment("spbe-2020", "2025")
	if q.pane.note.Visible() || q.nav.revLegend.Visible() {
		t.Error("notes shown without an inbox")
	}
}

// A key whose trust was withdrawn: the import is refused with its own
// message; the fingerprint question is not asked (one "Ya" would undo the
// withdrawal) and nothing is imported.
func TestFeedbackImportWithdrawnKey(t *testing.T) {
	h, _ := newInboxHarness(t)
	h.inbox.keyBeside = true
	h.inbox.withdrawn = time.Date(2025, 11, 20, 14, 5, 0, 0, time.Local)
	hm := h.home()
	h.paths.files = []string{stickFeedback}
	test.Tap(hm.fbBtn)
	h.wait()
	f := hm.fbImport
	if f == nil || f.withdrawnDlg == nil {
		t.Fatal("no refusal for a withdrawn key")
	}
	if f.trustDlg != nil || f.keyDlg != nil {
		t.Error("asked to trust a withdrawn key again")
	}
	got := fbOverlayTexts(h.u)
	for _, want := range []string{"Kunci asesor sudah dicabut", "Kepercayaan pada kunci ini dicabut pada 20/11/2025 14.05; umpan balik tidak diimpor.",
		"11223 34455 66778 89900 11223 34455", "--retrust"} {
		if !hasText(got, want) {
			t.Errorf("refusal does not show %q: %q", want, got)
		}
	}
	if hasText(got, "Apakah sidik jari ini sama") {
		t.Errorf("the fingerprint question is shown: %q", got)
	}
	capture(t, h.u.win, "opd_feedback_withdrawn.png")
	if len(h.inbox.imports) != 0 || h.inbox.trusted {
		t.Fatalf("withdrawn key: imports %v, trusted %v", h.inbox.imports, h.inbox.trusted)
	}
}

// "Ya" imports exactly what was previewed: the inbox is handed the
// preview (file, bytes' SHA-256, signer, key file), and a file changed in
// between is refused with the inbox's message.
func TestFeedbackImportBoundToPreview(t *testing.T) {
	h, _ := newInboxHarness(t)
	h.inbox.keyBeside = true
	hm := h.home()
	h.paths.files = []string{stickFeedback}
	test.Tap(hm.fbBtn)
	h.wait()
	f := hm.fbImport
	if f.trustDlg == nil || f.preview.SHA256 != fakeInboxSHA {
		t.Fatalf("preview %+v", f.preview)
	}
	f.preview.SHA256 = "0000" // what Import will see differs from the preview
	f.trustDlg.Confirm()
	h.wait()
	if h.inbox.trusted || f.imported != nil {
		t.Fatal("a changed file was imported and its key trusted")
	}
	if got := fbOverlayTexts(h.u); !hasText(got, "erubah sejak diperiksa; ulangi impor") {
		t.Errorf("no word that the file changed: %q", got)
	}
}
