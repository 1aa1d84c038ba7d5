package asesor

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
)

// TestEvidenceNameFromManifest (issue 11, class 9): the evidence name the
// workspace stores — and review, recap and the GUI show — is the one the
// signed manifest binds to the file, the name `verify` prints; answers.json
// carries an uncleaned copy that differs when the OPD's file name held
// control characters (here an OSC 52 clipboard write).
func TestEvidenceNameFromManifest(t *testing.T) {
	w := openWS(t)
	a := newOPD("DISKOMINFO", 1)
	addKey(t, w, a, "")
	hostile := "SK\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J.pdf"
	p, r := a.write(t, t.TempDir(), spec{seq: 1, evName: hostile})
	importOne(t, w, p)

	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	v, err := bundle.Verify(strings.NewReader(string(raw)), int64(len(raw)), bundle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var signed string
	for _, f := range v.Manifest.Files {
		if f.Role == bundle.RoleEvidence && strings.HasPrefix(f.OriginalName, "sk") {
			signed = f.OriginalName
		}
	}
	if signed == "" || signed == hostile {
		t.Fatalf("fixture: manifest name %q", signed)
	}
	answers, err := w.Answers(context.Background(), r.BundleID)
	if err != nil {
		t.Fatal(err)
	}
	var stored []string
	for _, ans := range answers {
		for _, e := range ans.Evidence {
			stored = append(stored, e.OriginalName)
		}
	}
	if len(stored) != 2 || stored[0] != signed || stored[1] != "Notulen.pdf" {
		t.Fatalf("stored names %q, manifest binds %q", stored, signed)
	}
}
