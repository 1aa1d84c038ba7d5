package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Ambil umpan balik dari server: the OPD key's passphrase is asked, the
// fetched file goes through the ordinary feedback import (here with a
// trusted assessor key: imported without a question).
func TestSyncFetchFeedbackImports(t *testing.T) {
	h, _ := newInboxHarness(t)
	h.inbox.trusted = true
	f := &fakeSync{installed: true}
	d := f.deps()
	var passes []string
	f.fetch = func(_ context.Context, _ string, pass []byte) ([]string, error) {
		passes = append(passes, string(pass))
		return []string{"/data/spbe/outbox/umpan/SPBE_DISKOMINFO_2026_1_UMPAN_01.spbe-umpan"}, nil
	}
	h.u.deps.Sync = d
	h.u.showHome()
	h.wait()
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Content()}, tr("sync.title")))
	h.wait()
	s := current[*syncOPD](t, h.u)
	if s.fbBtn == nil {
		t.Fatal("no Ambil umpan balik button")
	}
	test.Tap(s.fbBtn)
	s.fbPass.SetText("frasa sandi opd")
	s.fbDlg.Submit()
	h.wait()
	h.wait()
	if len(passes) != 1 || passes[0] != "frasa sandi opd" {
		t.Fatalf("fetch passphrases %q", passes)
	}
	if len(h.inbox.imports) != 1 || h.inbox.imports[0] != "/data/spbe/outbox/umpan/SPBE_DISKOMINFO_2026_1_UMPAN_01.spbe-umpan|" {
		t.Fatalf("imports %q", h.inbox.imports)
	}
}
