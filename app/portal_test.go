package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// portalHarness is a harness whose PortalPackage hook records its calls
// and writes nothing; paths picks /media/usb.
func portalHarness(t *testing.T, err error) (*harness, *[]string) {
	t.Helper()
	h := newHarness(t, setup{})
	h.u.paths = &memPaths{folder: "/media/usb"}
	var calls []string
	h.exp().publish = func(context.Context, string, string, string, func(float64)) (string, error) { return "", nil }
	h.folder.Portal = portalFunc(func(ctx context.Context, id, parent string, progress func(float64)) (string, error) {
		calls = append(calls, id+"|"+parent)
		// What the package reads: the store as the job finds it.
		if answers, err := h.st.Answers(ctx, id); err == nil {
			for _, a := range answers {
				calls = append(calls, fmt.Sprintf("I%d:%s", a.Indicator, a.Justification))
			}
		}
		progress(1)
		if err != nil {
			return "", err
		}
		return filepath.Join(parent, "Paket-portal_DISKOMINFO_2026"), nil
	})
	return h, &calls
}

// The dashboard's "Paket unggah portal…" saves what is typed, writes the
// package into the folder picked, and names the folder written.
func TestPortalPackageFromDashboard(t *testing.T) {
	h, calls := portalHarness(t, nil)
	q := h.newAssessment("pemdi-2026", "2026")
	test.Type(q.pane.just.entry, "FAKTA: SK Tim")
	test.Tap(q.dashBtn)
	h.wait()
	btn := findButton(t, []fyne.CanvasObject{h.u.win.Content()}, "Paket unggah portal…")
	// Beside Ekspor…, both on a 1366 × 768 screen.
	h.u.win.Resize(fyne.NewSize(1366, 768))
	d := fyne.CurrentApp().Driver()
	exp := findButton(t, []fyne.CanvasObject{h.u.win.Content()}, "Ekspor…")
	ex, px := d.AbsolutePositionForObject(exp), d.AbsolutePositionForObject(btn)
	if px.Y != ex.Y || px.X <= ex.X || px.X+btn.Size().Width > 1366 || px.Y+btn.Size().Height > 768 {
		t.Errorf("portal button at %v (%v), Ekspor at %v", px, btn.Size(), ex)
	}
	test.Tap(btn)
	h.wait()
	// The typed text was saved before the package read the store.
	if len(*calls) != 2 || (*calls)[0] != q.s.a.ID+"|/media/usb" || (*calls)[1] != fmt.Sprintf("I%d:FAKTA: SK Tim", q.current) {
		t.Fatalf("calls %q", *calls)
	}
	if !hasText(topTexts(h), "/media/usb/Paket-portal_DISKOMINFO_2026") || !hasText(topTexts(h), "LANGKAH-UNGGAH.txt") {
		t.Errorf("the done dialog says %q", topTexts(h))
	}
	capture(t, h.u.win, "portal_done.png")
}

// A failure is shown with its reason; a closed folder dialog writes nothing.
func TestPortalPackageFailureShown(t *testing.T) {
	h, calls := portalHarness(t, errors.New("folder /media/usb/paket sudah berisi berkas"))
	q := h.newAssessment("pemdi-2026", "2026")
	h.u.paths = &memPaths{folder: ""}
	q.startPortalPackage()
	h.wait()
	if len(*calls) != 0 {
		t.Fatalf("written without a folder: %q", *calls)
	}
	h.u.paths = &memPaths{folder: "/media/usb"}
	f := q.startPortalPackage()
	h.wait()
	if len(*calls) != 1 || f.doneDlg != nil || !hasText(topTexts(h), "sudah berisi berkas") {
		t.Errorf("calls %q, done %v, dialog %q", *calls, f.doneDlg != nil, topTexts(h))
	}
}

// Without the hook there is no button.
func TestPortalPackageButtonNeedsHook(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("pemdi-2026", "2026")
	if q.dash.portalBtn != nil {
		t.Error("a portal button without the folder's portal port")
	}
}

// Salin puts the justification as typed on the clipboard, ready to paste
// into eval.spbe.go.id, and says so.
func TestCopyJustification(t *testing.T) {
	h := newHarness(t, setup{})
	q := h.newAssessment("pemdi-2026", "2026")
	btn := findButton(t, []fyne.CanvasObject{h.u.win.Content()}, "Salin justifikasi")
	test.Tap(btn)
	if got := h.u.app.Clipboard().Content(); got != "" {
		t.Errorf("an empty justification copied %q", got)
	}
	if !hasText(texts(h.u.win.Content()), "Belum ada justifikasi") {
		t.Error("no word that there is nothing to copy")
	}
	tpl := assessment.JustificationTemplate(nil, "")
	q.pane.just.entry.SetText(tpl)
	test.Tap(btn)
	if got := h.u.app.Clipboard().Content(); got != strings.TrimSpace(tpl) || !hasText(texts(h.u.win.Content()), "masih templat kosong") {
		t.Errorf("template: clipboard %q, note %q", got, texts(h.u.win.Content()))
	}
	q.pane.just.entry.SetText("")
	text := "FAKTA:\n- SK Bupati Nomor 12/2026\nJUSTIFIKASI LEVEL:\n- Level 1 karena tim ditetapkan."
	test.Type(q.pane.just.entry, text) // not saved yet: the text as typed is copied
	test.Tap(btn)
	if got := h.u.app.Clipboard().Content(); got != text {
		t.Errorf("clipboard holds %q, want %q", got, text)
	}
	capture(t, h.u.win, "portal_copied.png")
	if !hasText(texts(h.u.win.Content()), "Tersalin (") || !strings.Contains(strings.Join(texts(h.u.win.Content()), " "), "eval.spbe.go.id") {
		t.Errorf("no confirmation: %q", texts(h.u.win.Content()))
	}
}
