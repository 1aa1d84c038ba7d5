package cli

import (
	"errors"
	"io"
)

// OutputFile is a file a command writes for the user: a backup, a report,
// a key form, a public key file, a key backup.
type OutputFile struct {
	DataDir string // the open data folder: nothing is written inside it
	Path    string // as the user typed it
	Force   bool   // --force: an existing file is replaced (atomically)
	Public  bool   // meant to be handed over (mode 0644), not private (0600)
}

// OutputDeps writes the files commands produce, under the output-path
// policy; main.go fills it with storage/atomicfile (wiring_files.go), so
// every command writes through the same atomic writer and rule.
type OutputDeps struct {
	// Check refuses an output path that resolves (symlinks followed)
	// inside a data folder, or that exists without Force; commands call it
	// before asking for a passphrase or rendering anything.
	Check func(f OutputFile) error
	// Write checks f again and writes it atomically through write: a
	// crash leaves the old file or the whole new one, and without Force a
	// file that appears meanwhile is kept. It returns the size written.
	Write func(f OutputFile, write func(io.Writer) error) (int64, error)
	// CheckDir refuses a folder that exports write new files into when it
	// lies inside a data folder (the export checks again when it writes).
	CheckDir func(dataDir, dir string) error
}

var errNoOutput = errors.New("penulisan berkas tidak tersedia di build ini")

// checkOutput is the early refusal of an output path.
func checkOutput(env *Env, f OutputFile) error {
	if env.Output == nil {
		return errNoOutput
	}
	return env.Output.Check(f)
}

// checkOutputDir is the early refusal of an export folder.
func checkOutputDir(env *Env, dataDir, dir string) error {
	if env.Output == nil {
		return errNoOutput
	}
	return env.Output.CheckDir(dataDir, dir)
}

// writeOutput writes an output file through the one writer.
func writeOutput(env *Env, f OutputFile, write func(io.Writer) error) (int64, error) {
	if env.Output == nil {
		return 0, errNoOutput
	}
	return env.Output.Write(f, write)
}

// writeOutputBytes writes data as the output file f.
func writeOutputBytes(env *Env, f OutputFile, data []byte) (int64, error) {
	return writeOutput(env, f, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// forceFlagText is --force's help on commands that write a file.
const forceFlagText = "timpa berkas yang sudah ada (tidak pernah di dalam folder data)"
