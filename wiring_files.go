package main

import (
	"io"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
)

// outputDeps is cli.Env.Output: every file a command writes for the user
// (storage.OutputGuard).
func outputDeps() *cli.OutputDeps {
	return &cli.OutputDeps{
		Check: func(f cli.OutputFile) error { return storage.CheckOutputFile(f.DataDir, f.Path, f.Force) },
		Write: func(f cli.OutputFile, write func(io.Writer) error) (int64, error) {
			return storage.WriteOutputFile(f.DataDir, f.Path, f.Force, f.Public, write)
		},
		CheckDir: storage.CheckOutputDir,
	}
}
