package asesorsvc_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
)

// openWorkspace opens the workspace of data as the GUI and the CLI do
// (asesorsvc.Opener with the embedded catalogs).
func openWorkspace(data string) (asesorport.Workspace, error) {
	return asesorsvc.Opener(assets.Library)(data)
}

func isDataFolderRefusal(err error) bool {
	var oe *assessment.OutputPathError
	return errors.As(err, &oe) && oe.Reason == assessment.OutputInDataFolder
}

func assertPDFText(t *testing.T, path string, want ...string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("%s is not a PDF: %v", path, err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed; text not checked")
		return
	}
	txt, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if !strings.Contains(string(txt), w) {
			t.Errorf("%s lacks %q", filepath.Base(path), w)
		}
	}
}

// mustCLI runs the command line on this service (the Env main wires,
// with the embedded catalogs) and fails the test on a non-zero exit: the
// GUI's exports are compared with the commands' bytes.
func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	env := &cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Library: assets.Library,
		OpenAsesor: asesorsvc.Opener(assets.Library)}
	if code := cli.Run(env, args); code != cli.ExitOK {
		t.Fatalf("%v: exit %d\n%s\n%s", args, code, out.String(), errOut.String())
	}
	return out.String()
}
