package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// fbOverlayTexts are the texts of the topmost dialog.
func fbOverlayTexts(u *UI) []string {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	return texts(top)
}

func TestAsesorFeedbackExportCreatesKey(t *testing.T) {
	h, r := reviewHarness(t)
	if !r.feedbackBtn.Disabled() {
		t.Fatal("feedback export enabled before any decision")
	}
	r.status.SetSelected("diterima")
	test.Tap(r.saveBtn)
	h.wait()
	if r.feedbackBtn.Disabled() {
		t.Fatal("feedback export still disabled after a decision")
	}
	h.paths.folder = "/media/usb"
	test.Tap(r.feedbackBtn)
	h.wait()
	e := r.feedback
	if e == nil || e.passDlg == nil || e.confirm == nil {
		t.Fatalf("no passphrase dialog asking twice for a new key: %+v", e)
	}
	if got := fbOverlayTexts(h.u); !hasText(got, "Kunci asesor baru akan dibuat") || !hasText(got, "DINKES – Dinas Kesehatan · 2026 · #1") {
		t.Errorf("new-key explanation missing: %q", got)
	}
	if e.name.Text != "Tim Asesor Internal" {
		t.Errorf("team name %q", e.name.Text)
	}
	capture(t, h.u.win, "asesor_feedback_passphrase.png")

	// the two passphrases differ: nothing is signed
	test.Type(e.pass, "rahasia asesor 1")
	test.Type(e.confirm, "rahasia asesor 2")
	e.passDlg.Submit()
	h.wait()
	if len(h.ws.fbExports) != 0 {
		t.Fatalf("exported with different passphrases: %+v", h.ws.fbExports)
	}
	e.confirm.SetText("rahasia asesor 1")
	e.passDlg.Submit()
	h.wait()
	want := feedbackCall{BundleID: "b-dinkes-1", Dir: "/media/usb", Name: "Tim Asesor Internal", Pass: "rahasia asesor 1"}
	if len(h.ws.fbExports) != 1 || h.ws.fbExports[0] != want {
		t.Fatalf("exports %+v, want %+v", h.ws.fbExports, want)
	}
	if e.resultDlg == nil || e.fp == nil {
		t.Fatal("no result dialog")
	}
	if e.fp.Text != "48392 01756 38201 94756 28391 04756" || e.fp.TextSize < 24 || !e.fp.TextStyle.Monospace {
		t.Errorf("fingerprint %q size %v", e.fp.Text, e.fp.TextSize)
	}
	got := fbOverlayTexts(h.u)
	for _, s := range []string{"/media/usb/SPBE_DINKES_2026_1_UMPAN.spbe-umpan", "/media/usb/KUNCI_ASESOR.json",
		"Bacakan sidik jari ini kepada OPD", "Cadangkan kunci asesor", "DINKES periode 2026, bundel nomor urut 1 (2 indikator)"} {
		if !hasText(got, s) {
			t.Errorf("result does not show %q: %q", s, got)
		}
	}
	capture(t, h.u.win, "asesor_feedback_result.png")
	e.resultDlg.Hide()

	// the key exists now: one passphrase; a wrong one is reported
	test.Tap(r.feedbackBtn)
	h.wait()
	e = r.feedback
	if e.confirm != nil || !e.keyExists {
		t.Fatal("asked twice although the key exists")
	}
	if got := fbOverlayTexts(h.u); !hasText(got, "48392 01756") {
		t.Errorf("existing key's fingerprint not named: %q", got)
	}
	test.Type(e.pass, "salah sekali")
	e.passDlg.Submit()
	h.wait()
	if got := fbOverlayTexts(h.u); !hasText(got, "rasa sandi salah") || !hasText(got, "tata letak papan ketik") || e.resultDlg != nil {
		t.Errorf("wrong passphrase: %q", got)
	}
}

func TestAsesorFeedbackExportCancelledFolder(t *testing.T) {
	h, r := reviewHarness(t)
	r.status.SetSelected("diterima")
	test.Tap(r.saveBtn)
	h.wait()
	h.paths.folder = "" // the assessor closes the folder dialog
	test.Tap(r.feedbackBtn)
	h.wait()
	if r.feedback.passDlg != nil || len(h.ws.fbExports) != 0 {
		t.Error("went on without a folder")
	}
}

// A new assessor key needs assessment.MinPassphraseLen characters: a
// shorter passphrase keeps the dialog's button disabled, says why, and
// never reaches the workspace. An existing key's passphrase is not
// measured (it is checked by unlocking).
func TestAsesorFeedbackNewKeyPassphraseLength(t *testing.T) {
	h, r, e := openFeedbackExport(t, "/media/usb")
	test.Type(e.pass, "abc")
	test.Type(e.confirm, "abc")
	e.passDlg.Submit()
	h.wait()
	if len(h.ws.fbExports) != 0 {
		t.Fatalf("a 3-character passphrase for a NEW key reached ExportFeedback: %+v", h.ws.fbExports)
	}
	if err := e.pass.Validate(); err == nil || err.Error() != "Frasa sandi kunci baru minimal 8 karakter." {
		t.Errorf("short passphrase: %v", err)
	}
	capture(t, h.u.win, "feedback_short.png")
	e.submit() // also refused when submitted another way
	h.wait()
	if len(h.ws.fbExports) != 0 || !hasText(fbOverlayTexts(h.u), "minimal 8 karakter") {
		t.Fatalf("submit with a short passphrase: exports %+v, dialog %q", h.ws.fbExports, fbOverlayTexts(h.u))
	}
	h.u.win.Canvas().Overlays().Top().Hide()
	// 8 characters, counted as characters: "sandi€€€" is 8 runes, 14 bytes
	e.pass.SetText("sandi€€€")
	e.confirm.SetText("sandi€€€")
	e.passDlg.Submit()
	h.wait()
	if len(h.ws.fbExports) != 1 || h.ws.fbExports[0].Pass != "sandi€€€" {
		t.Fatalf("an 8-character passphrase: exports %+v", h.ws.fbExports)
	}
	e.resultDlg.Hide()
	// the key exists: its passphrase is not measured here
	h.ws.fbPass = "pendek"
	test.Tap(r.feedbackBtn)
	h.wait()
	e = r.feedback
	test.Type(e.pass, "pendek")
	e.passDlg.Submit()
	h.wait()
	if len(h.ws.fbExports) != 2 || e.resultDlg == nil {
		t.Errorf("existing key with a short passphrase: exports %+v", h.ws.fbExports)
	}
}

// A stored revisi reason is shown in the GUI's language.
func TestReviewReasonText(t *testing.T) {
	test.NewTempApp(t)
	applyLanguage(langEN)
	defer applyLanguage(langID)
	for _, c := range []struct{ in, want string }{
		{assessment.ReasonWrongEvidence, "wrong evidence"},
		{assessment.ReasonMissing, "not uploaded"},
		{assessment.ReasonAutoRejected, "rejected automatically"},
		{"alasan lain", "alasan lain"},
	} {
		if got := reviewReasonText(c.in); got != c.want {
			t.Errorf("reviewReasonText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A team name the feedback file cannot carry is refused in the form,
// before anything is signed or a first key created.
func TestAsesorFeedbackNameTooLong(t *testing.T) {
	h, _, e := openFeedbackExport(t, "/media/usb")
	e.name.SetText(strings.Repeat("Tim Asesor ", 10))
	test.Type(e.pass, "frasa sandi panjang")
	test.Type(e.confirm, "frasa sandi panjang")
	if err := e.name.Validate(); err == nil || !strings.Contains(err.Error(), "terlalu panjang") {
		t.Errorf("long name: %v", err)
	}
	e.submit()
	h.wait()
	if len(h.ws.fbExports) != 0 {
		t.Fatalf("a name over the limit reached ExportFeedback: %+v", h.ws.fbExports)
	}
}

// openFeedbackExport records one decision on the review screen, then
// presses Ekspor umpan balik with folder as the folder the assessor picks.
func openFeedbackExport(t *testing.T, folder string) (*asesorHarness, *asesorReview, *feedbackExport) {
	t.Helper()
	h, r := reviewHarness(t)
	r.status.SetSelected("diterima")
	test.Tap(r.saveBtn)
	h.wait()
	h.paths.folder = folder
	test.Tap(r.feedbackBtn)
	h.wait()
	return h, r, r.feedback
}
