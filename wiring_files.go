package main

import (
	"io"
	"os"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
)

// outputDeps is cli.Env.Output: every file a command writes for the user.
func outputDeps() *cli.OutputDeps {
	return &cli.OutputDeps{
		Check: func(f cli.OutputFile) error {
			_, err := storage.OutputGuard(f.DataDir).File(f.Path, f.Force)
			return err
		},
		Write: func(f cli.OutputFile, write func(io.Writer) error) (int64, error) {
			return storage.OutputGuard(f.DataDir).Write(f.Path, f.Force, filePerm(f.Public), write)
		},
		CheckDir: func(dataDir, dir string) error {
			_, err := storage.OutputGuard(dataDir).Dir(dir)
			return err
		},
	}
}

func filePerm(public bool) os.FileMode {
	if public {
		return 0o644
	}
	return 0o600
}
