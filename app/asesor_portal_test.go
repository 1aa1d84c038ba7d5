package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// portalAsesor is the fake workspace that also writes the instansi's
// portal package.
type portalAsesor struct {
	*fakeAsesor
	calls []string
	err   error
}

func (p *portalAsesor) InstansiPortalPackage(_ context.Context, periode int, parent string, progress func(float64)) (string, error) {
	p.calls = append(p.calls, fmt.Sprintf("%d|%s", periode, parent))
	progress(1)
	if p.err != nil {
		return "", p.err
	}
	return filepath.Join(parent, fmt.Sprintf("Paket-portal_INSTANSI_%d", periode)), nil
}

// The consolidation screen offers "Paket portal…" beside the other
// exports, on screen at 1366 px, and names the folder written.
func TestAsesorConsolidatePortalPackage(t *testing.T) {
	h := newAsesorHarness(t, true)
	cat, err := h.lib.Latest("spbe-2020")
	if err != nil {
		t.Fatal(err)
	}
	h.ws.recap = consolidationOPDs
	h.ws.cat, h.ws.periode, h.ws.cands = cat, 2026, consolidationCandidates(cat)
	ws := &portalAsesor{fakeAsesor: h.ws}
	h.u.asesor = ws
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Content()}, tr("asesor.navConsolidate")))
	h.wait()
	c := current[*asesorConsolidate](t, h.u)
	btn := findButton(t, []fyne.CanvasObject{h.u.win.Content()}, "Paket portal…")
	if btn.Disabled() {
		t.Fatal("the portal button is disabled with a consolidation loaded")
	}
	assertExcelFirst(t, h.u, c.exportBtn[0], c.exportBtn[1:]...)
	h.paths.folder = "/media/usb"
	test.Tap(btn)
	h.wait()
	if len(ws.calls) != 1 || ws.calls[0] != "2026|/media/usb" || c.exported != "/media/usb/Paket-portal_INSTANSI_2026" ||
		!hasText(consolidateDialogTexts(h), "/media/usb/Paket-portal_INSTANSI_2026") {
		t.Fatalf("calls %q, exported %q, dialog %q", ws.calls, c.exported, consolidateDialogTexts(h))
	}
	capture(t, h.u.win, "portal_instansi_done.png")

	ws.err = errors.New("berkas bukti rusak")
	test.Tap(btn)
	h.wait()
	if !hasText(consolidateDialogTexts(h), "erkas bukti rusak") {
		t.Errorf("failure not shown: %q", consolidateDialogTexts(h))
	}
}
