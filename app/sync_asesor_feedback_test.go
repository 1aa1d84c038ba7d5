package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
)

// Kirim catatan ke server: the exported file is sent off the UI goroutine
// and the dialog says the OPD gets it at its next sync.
func TestAsesorSendFeedbackToServer(t *testing.T) {
	h, r := reviewHarness(t)
	var sent []string
	d := (&fakeSync{installed: true}).deps()
	d.Feedback = relayFunc(func(file string) (bool, error) {
		sent = append(sent, file)
		return len(sent) == 1, nil
	})
	h.u.deps.Sync = d
	r.status.SetSelected("diterima")
	test.Tap(r.saveBtn)
	h.wait()
	h.paths.folder = "/media/usb"
	test.Tap(r.feedbackBtn)
	h.wait()
	e := r.feedback
	test.Type(e.pass, "rahasia asesor 1")
	test.Type(e.confirm, "rahasia asesor 1")
	e.passDlg.Submit()
	h.wait()
	if e.sendBtn == nil || e.result == nil {
		t.Fatal("no Kirim catatan ke server in the result")
	}
	test.Tap(e.sendBtn)
	h.wait()
	if len(sent) != 1 || sent[0] != e.result.Path || !strings.Contains(e.sendState.Text, "sinkronisasi berikutnya") || !e.sendBtn.Disabled() {
		t.Fatalf("sent %q, state %q", sent, e.sendState.Text)
	}
}

// relayFunc is a syncapi.FeedbackRelay that records the file only (the
// GUI always sends to the installed server).
type relayFunc func(file string) (bool, error)

func (f relayFunc) Send(_ context.Context, _ syncapi.Target, file string) (bool, error) {
	return f(file)
}

func (f relayFunc) SendInstalled(_ context.Context, _, file string) (bool, error) { return f(file) }
