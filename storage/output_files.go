package storage

import (
	"io"
	"os"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// CheckOutputFile checks, before any work, that a command may write the
// file path for a session on dataDir (OutputGuard; force: replace it).
func CheckOutputFile(dataDir, path string, force bool) error {
	_, err := OutputGuard(dataDir).File(path, force)
	return err
}

// WriteOutputFile writes the file path atomically through OutputGuard;
// public files (key files for the assessor) are readable by others, the
// rest only by the user.
func WriteOutputFile(dataDir, path string, force, public bool, write func(io.Writer) error) (int64, error) {
	return OutputGuard(dataDir).Write(path, force, outputPerm(public), write)
}

// CheckOutputDir checks a folder a command writes into (OutputGuard).
func CheckOutputDir(dataDir, dir string) error {
	_, err := OutputGuard(dataDir).Dir(dir)
	return err
}

func outputPerm(public bool) os.FileMode {
	if public {
		return 0o644
	}
	return 0o600
}

// OutputFiles is assessment.OutputFiles (cli.Env.Output): the functions
// above on the file a command names.
type OutputFiles struct{}

var _ assessment.OutputFiles = OutputFiles{}

// Check is CheckOutputFile.
func (OutputFiles) Check(f assessment.OutputFile) error {
	return CheckOutputFile(f.DataDir, f.Path, f.Force)
}

// Write is WriteOutputFile.
func (OutputFiles) Write(f assessment.OutputFile, write func(io.Writer) error) (int64, error) {
	return WriteOutputFile(f.DataDir, f.Path, f.Force, f.Public, write)
}

// CheckDir is CheckOutputDir.
func (OutputFiles) CheckDir(dataDir, dir string) error { return CheckOutputDir(dataDir, dir) }
