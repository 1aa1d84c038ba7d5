package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Before the first feedback export there is no assessor key: the card
// says where it comes from and offers no backup.
func TestAsesorKeyCardWithoutKey(t *testing.T) {
	h := newAsesorHarness(t, true)
	h.u.show(newAsesorKeys(h.u))
	h.wait()
	k := current[*asesorKeys](t, h.u)
	if !hasText(texts(k.view()), tr("asesor.keyBackup.none")) {
		t.Error("no explanation that the assessor key does not exist yet")
	}
	if !k.own.backupBtn.Disabled() {
		t.Error("backup offered without a key")
	}
}

// With a key: its fingerprint is shown in large type, and the backup asks
// for a folder and the passphrase; a wrong passphrase writes nothing.
func TestAsesorKeyBackup(t *testing.T) {
	h := newAsesorHarness(t, true)
	h.ws.fbKey = &assessment.AsesorKeyInfo{KeyID: "ab12", Fingerprint: fakeAsesorFP}
	h.ws.fbPass = "frasa sandi asesor"
	h.u.show(newAsesorKeys(h.u))
	h.wait()
	k := current[*asesorKeys](t, h.u)
	if !hasText(texts(k.view()), groupFingerprint(fakeAsesorFP)) {
		t.Error("the assessor key's fingerprint is not shown")
	}
	btn := findButton(t, []fyne.CanvasObject{k.view()}, tr("asesor.keyBackup.button"))
	if btn.Disabled() {
		t.Fatal("backup button disabled although the key exists")
	}

	test.Tap(btn)
	test.Type(k.own.pass, "salah")
	k.own.passDlg.Submit()
	h.wait()
	if len(h.ws.fbBackups) != 0 {
		t.Fatalf("backup written with a wrong passphrase: %v", h.ws.fbBackups)
	}
	if got := texts(h.u.win.Canvas().Overlays().Top()); !hasText(got, "Frasa sandi salah") || !hasText(got, "tata letak papan ketik") {
		t.Errorf("wrong passphrase without advice: %q", got)
	}

	test.Tap(btn)
	test.Type(k.own.pass, "frasa sandi asesor")
	k.own.passDlg.Submit()
	h.wait()
	if len(h.ws.fbBackups) != 1 || h.ws.fbBackups[0] != "/media/usb" {
		t.Fatalf("backups: %v, want one into the picked folder /media/usb", h.ws.fbBackups)
	}
}
