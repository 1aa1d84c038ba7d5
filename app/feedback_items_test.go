package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/fakestore"
)

// TestItemNotesOnTheIndicator: the OPD officer sees the assessor's verdict
// per evidence item on the item's row of the indicator screen, and the
// indicator's note names the items to revise and the computed value.
func TestItemNotesOnTheIndicator(t *testing.T) {
	a := test.NewTempApp(t)
	h := &inboxHarness{harness: &harness{t: t, st: fakestore.New(), lib: library(t), files: &memFiles{}},
		inbox: &fakeInbox{}, paths: &queuePaths{}}
	h.st.Now = func() time.Time { return clock }
	_ = h.st.SaveProfile(t.Context(), testProfile)
	a.Preferences().SetString(prefDataDir, "/data/spbe")
	h.u = New(a, Deps{
		Open: func(string) (*assessment.OPDFolder, error) {
			h.st.Reopen()
			return &assessment.OPDFolder{Store: h.st, Library: h.lib, Inbox: h.inbox}, nil
		},
		Files: h.files, Paths: h.paths,
	}, WithTestDriver())
	h.u.now = func() time.Time { return clock }
	h.u.saver.delay = time.Hour
	h.u.win.Resize(fyne.NewSize(1366, 768))
	h.u.Wait()
	t.Cleanup(func() { h.u.Wait() })
	id := h.newAssessment("pemdi-2026", "2026").s.a.ID
	h.inbox.notes = map[string]assessment.FeedbackNotes{id: {Asesor: "Tim Asesor Internal", Sequence: 1, ImportedAt: clock,
		Items: map[int]assessment.FeedbackNote{4: {Indicator: 4, Status: assessment.ReviewAccepted, Value: "1.3", Computed: "1",
			Reviewer: "Andi Asesor", Items: []assessment.FeedbackItemNote{
				{Code: "I4-L1-01", Status: assessment.ReviewAccepted},
				{Code: "I4-L1-02", Status: assessment.ReviewRevision, Reason: assessment.ReasonWrongEvidence, Note: "SK tim belum ditetapkan"},
				{Code: "I4-L2-02", Status: assessment.ReviewRevision, Reason: assessment.ReasonAutoRejected, Note: assessment.ReasonAutoRejectedText},
			}}}}}
	h.u.openAssessment(id)
	h.wait()
	q := h.q()
	q.goTo(4)
	q.pickLevel(2)
	h.wait()
	rows := texts(q.pane.items.view())
	for _, want := range []string{"Asesor:", "revisi", "bukti tidak tepat — SK tim belum ditetapkan",
		"ditolak otomatis — " + assessment.ReasonAutoRejectedText, "diterima"} {
		if !hasText(rows, want) {
			t.Errorf("items list lacks %q: %q", want, rows)
		}
	}
	note := texts(q.pane.note)
	for _, want := range []string{"Butir perlu direvisi: I4-L1-02, I4-L2-02", "Nilai terhitung dari butir: 1", "Nilai asesor: 1,3"} {
		if !hasText(note, want) {
			t.Errorf("note lacks %q: %q", want, note)
		}
	}
	if sc := q.pane.scroll; sc != nil {
		d := fyne.CurrentApp().Driver()
		y := d.AbsolutePositionForObject(q.pane.items.view()).Y - d.AbsolutePositionForObject(sc).Y + sc.Offset.Y
		sc.Offset = fyne.NewPos(0, y-40)
		sc.Refresh()
	}
	capture(t, h.u.win, "opd-item-notes.png")
}
