package asesorsvc_test

import (
	"bytes"
	"errors"
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
