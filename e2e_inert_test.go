package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

// TestHostileTextEndToEnd (issue 11, classes 9 and 10) goes through the
// real CLI and stores: an OPD whose name, justification and evidence file
// name hold an OSC 52 clipboard write and CSI screen codes exports a
// bundle; verify, import, review show and bundles print none of those
// bytes; verify and review show name the evidence file the same; verify
// without --pubkey exits 3 and never says "SAH".
func TestHostileTextEndToEnd(t *testing.T) {
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	c, err := lib.Latest("pemdi-2026")
	if err != nil {
		t.Fatal(err)
	}
	const osc52, csi = "\x1b]52;c;cm0gLXJmIH4=\x07", "\x1b[2J\x1b[1;1H"
	data, usb, asesorData := t.TempDir(), t.TempDir(), t.TempDir()
	mustCLI(t, "init", "--data", data, "--instansi", "Pemerintah Kabupaten Sigi", "--opd-kode", "DISKOMINFO",
		"--opd-nama", "Dinas Kominfo", "--operator", "Rina")
	var a struct {
		ID string `json:"id"`
	}
	json.Unmarshal([]byte(mustCLI(t, "assessment", "new", "--data", data, "--catalog", "pemdi-2026", "--periode", "2026", "--json")), &a)
	ev := filepath.Join(t.TempDir(), "SK"+osc52+csi+".pdf")
	if err := os.WriteFile(ev, []byte("%PDF-1.4 SK"), 0o644); err != nil {
		t.Skip("file system refuses control characters in names:", err)
	}
	in1 := strconv.Itoa(c.Indicators[0].Number)
	code, _, errs := runCLI(t, "answer", "--data", data, "--assessment", a.ID, "--indicator", in1, "--level", "3",
		"--justification", "Ada SK"+osc52+csi+" kepala dinas", "--evidence", ev)
	if code != 0 {
		t.Skip("the store refuses control characters in a justification:", errs)
	}
	mustCLI(t, "key", "init", "--data", data, "--passphrase-file", "-")
	pub := filepath.Join(t.TempDir(), "kunci.json")
	mustCLI(t, "key", "export-public", pub, "--data", data)
	var ex struct {
		Path     string `json:"path"`
		BundleID string `json:"bundle_id"`
	}
	json.Unmarshal([]byte(mustCLI(t, "export", "--data", data, "--assessment", a.ID, "--out", usb, "--passphrase-file", "-", "--json")), &ex)

	outputs := map[string]string{}
	code, out, errs := runCLI(t, "verify", ex.Path)
	if code != cli.ExitUnchecked || strings.Contains(out, "SAH") || !strings.Contains(out, "TIDAK DIPERIKSA") {
		t.Fatalf("verify without --pubkey: exit %d\n%s%s", code, out, errs)
	}
	outputs["verify"] = out + errs
	verified := mustCLI(t, "verify", ex.Path, "--pubkey", pub)
	outputs["verify --pubkey"] = verified
	mustCLI(t, "keys", "add", "--data", asesorData, pub, "--opd", "DISKOMINFO")
	outputs["import"] = mustCLI(t, "import", "--data", asesorData, usb)
	sheet := mustCLI(t, "review", "show", "--data", asesorData, "--bundle", ex.BundleID)
	outputs["review show"] = sheet
	outputs["bundles"] = mustCLI(t, "bundles", "--data", asesorData)
	for name, s := range outputs {
		if i := strings.IndexFunc(s, func(r rune) bool { return r == 0x1b || r == 0x07 || (r >= 0x80 && r <= 0x9f) }); i >= 0 {
			t.Errorf("%s output holds a control at %d:\n%q", name, i, s)
		}
	}
	// The evidence name: what verify shows after "← " is what review shows after "Bukti      : ".
	name := verified[strings.Index(verified, "← ")+len("← "):]
	name = name[:strings.Index(name, "\n")]
	if !strings.Contains(sheet, "Bukti      : "+name+" (") {
		t.Errorf("verify names the evidence %q; review show:\n%s", name, sheet)
	}
}
