package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestProfileFormRefusesUnusableOPDCode: the form used to save "dinas
// kominfo", with which every export then failed. It now refuses it with
// the rule export uses, shown under the field with a suggestion, and
// stores a valid code canonical.
func TestProfileFormRefusesUnusableOPDCode(t *testing.T) {
	h := newHarness(t, setup{noDataDir: true, noProfile: true})
	test.Tap(h.u.current.(*firstRun).next)
	h.wait()
	p, ok := h.u.current.(*profileForm)
	if !ok {
		t.Fatalf("screen %T, want *profileForm", h.u.current)
	}
	test.Type(p.instansi, testProfile.Instansi)
	test.Type(p.nama, testProfile.OPDNama)
	test.Type(p.operator, testProfile.Operator)
	for _, kode := range []string{"dinas kominfo", "DISK\u041eMINFO", "DISKO\u200bMINFO"} {
		p.kode.SetText(kode)
		test.Tap(p.save)
		h.wait()
		if h.u.current != p || !p.kodeProblem.Visible() || !strings.Contains(p.kodeProblem.Text, "huruf A–Z, angka 0–9 dan tanda hubung (-)") {
			t.Fatalf("%q: screen %T, message visible %v: %q", kode, h.u.current, p.kodeProblem.Visible(), p.kodeProblem.Text)
		}
		if _, err := h.st.Profile(t.Context()); err == nil {
			t.Fatalf("%q was saved", kode)
		}
	}
	p.kode.SetText("dinas kominfo")
	test.Tap(p.save)
	if !strings.Contains(p.kodeProblem.Text, "mungkin maksudnya DINAS-KOMINFO") {
		t.Errorf("no suggestion: %q", p.kodeProblem.Text)
	}
	p.kode.SetText("dinas-kominfo")
	if p.kodeProblem.Visible() {
		t.Error("the message stays after the code was corrected")
	}
	test.Tap(p.save)
	h.wait()
	if got, err := h.st.Profile(t.Context()); err != nil || got.OPDKode != "DINAS-KOMINFO" {
		t.Fatalf("stored %+v, %v; want the canonical DINAS-KOMINFO", got, err)
	}
}
