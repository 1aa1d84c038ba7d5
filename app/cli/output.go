package cli

import (
	"errors"
	"io"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// OutputFile is a file a command writes for the user
// (assessment.OutputFile), written through Env.Output.
type OutputFile = assessment.OutputFile

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
