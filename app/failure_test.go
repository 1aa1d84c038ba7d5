package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// A wrong passphrase, however wrapped, gets its advice; other failures
// show their reason alone.
func TestFailureAdvice(t *testing.T) {
	cases := []struct {
		name   string
		err    error
		advice bool
	}{
		{"store's error", fmt.Errorf("%w", assessment.ErrWrongPassphrase), true},
		{"wrapped by a job", fmt.Errorf("cadangan kunci: %w", assessment.ErrWrongPassphrase), true},
		{"same words, not the error", errors.New("frasa sandi salah"), false},
		{"full stick", errors.New("ruang disk penuh"), false},
	}
	for _, c := range cases {
		if got := failureAdvice(c.err) != ""; got != c.advice {
			t.Errorf("%s: advice %v, want %v", c.name, got, c.advice)
		}
	}
}

// The error dialog at 1366×768: the reason (capitalised) and the advice
// are beside the icon, never under it.
func TestFailureDialogIconBesideText(t *testing.T) {
	w := newHarness(t, setup{}).u.win
	w.Resize(fyne.NewSize(1366, 768))
	showFailure(fmt.Errorf("%w", assessment.ErrWrongPassphrase), w)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	shown := texts(top)
	if !hasText(shown, "Frasa sandi salah") || !hasText(shown, "Pulihkan dari cadangan kunci") {
		t.Fatalf("texts %q", shown)
	}
	d := fyne.CurrentApp().Driver()
	var icon *widget.Icon
	var labels []*widget.Label
	walk(top, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Icon:
			icon = x
		case *widget.Label:
			labels = append(labels, x)
		}
	})
	if icon == nil {
		t.Fatal("no icon")
	}
	iconRight := d.AbsolutePositionForObject(icon).X + icon.Size().Width
	for _, l := range labels {
		if !strings.Contains(l.Text, "rasa sandi") { // the reason and the advice, not the title
			continue
		}
		if x := d.AbsolutePositionForObject(l).X; x < iconRight {
			t.Errorf("%q starts at x %v, under the icon (ends at %v)", l.Text, x, iconRight)
		}
		if l.Size().Width < 300 {
			t.Errorf("%q squeezed to %v px", l.Text, l.Size().Width)
		}
	}
	capture(t, w, "failure-wrong-passphrase-1366x768.png")
}
