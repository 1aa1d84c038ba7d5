package app

import (
	"context"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// pullingAsesor is the fake workspace with a server to pull from.
type pullingAsesor struct {
	*fakeAsesor
	mu     sync.Mutex
	passes []string
}

func (p *pullingAsesor) PullFromServer(_ context.Context, pass []byte) ([]intake.Outcome, error) {
	p.mu.Lock()
	p.passes = append(p.passes, string(pass))
	p.mu.Unlock()
	return []intake.Outcome{
		{Path: "server-000001.spbe", Kind: intake.KindNew, OPDKode: "DINKES", OPDNama: "Dinas Kesehatan", Periode: 2026, Sequence: 1},
		{Path: "server-000002.spbe", Kind: intake.KindNewVersion, OPDKode: "BAPPEDA", OPDNama: "Bappeda", Periode: 2026, Sequence: 2},
	}, nil
}

// Tarik dari server: with no server configuration the Pemda's file is
// installed first, the assessor key's passphrase is asked, and the pulled
// bundles' outcomes are listed exactly like a stick import's.
func TestAsesorPullFromServer(t *testing.T) {
	h := newAsesorHarness(t, true)
	f := &fakeSync{}
	h.u.deps.Sync = f.deps()
	ws := &pullingAsesor{fakeAsesor: h.ws}
	h.u.asesor = ws
	h.paths.file = "/media/usb/spbe-server.json"
	h.u.show(newAsesorHome(h.u))
	a := current[*asesorHome](t, h.u)
	if a.pullBtn == nil {
		t.Fatal("no Tarik dari server button")
	}
	test.Tap(a.pullBtn)
	h.wait()
	if !f.installed || a.pullDlg == nil {
		t.Fatalf("configuration installed %v, passphrase asked %v", f.installed, a.pullDlg != nil)
	}
	a.pullPass.SetText("frasa sandi asesor")
	a.pullDlg.Submit()
	h.wait()
	if len(ws.passes) != 1 || ws.passes[0] != "frasa sandi asesor" {
		t.Fatalf("pull passphrases %q", ws.passes)
	}
	got := texts(a.results)
	for _, want := range []string{"BARU", "VERSI BARU", "DINKES — Dinas Kesehatan · periode 2026 · nomor urut 1"} {
		if !hasText(got, want) {
			t.Errorf("results do not show %q: %q", want, got)
		}
	}
	if a.running || a.pullBtn.Disabled() {
		t.Error("pull did not finish in the GUI")
	}
}
