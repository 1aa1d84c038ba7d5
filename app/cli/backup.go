package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
)

func init() {
	register(command{
		name:    "backup",
		summary: "cadangkan folder data: backup --out BERKAS.zip [--force] — back up data and evidence",
		run:     runBackup,
	})
	register(command{
		name:    "restore",
		summary: "pulihkan dari cadangan: restore BERKAS.zip [--force] — restore a backup",
		run:     runRestore,
	})
}

// archiver is implemented by the local store (storage.DB). It is not part
// of assessment.Store so that in-memory fakes need not implement it.
type archiver interface {
	Backup(ctx context.Context, w io.Writer) error
	Restore(ctx context.Context, archive io.ReaderAt, size int64, force bool) (movedTo string, err error)
}

func archiverOf(svc *Services) (archiver, error) {
	a, ok := svc.Store.(archiver)
	if !ok {
		return nil, errors.New("penyimpanan ini tidak mendukung cadangan")
	}
	return a, nil
}

func runBackup(env *Env, args []string) int {
	fs := newFlagSet(env, "backup")
	dataDir := fs.String("data", "", "folder data")
	out := fs.String("out", "", "berkas cadangan yang ditulis, mis. cadangan-2025-03-01.zip")
	force := fs.Bool("force", false, forceFlagText)
	asJSON := fs.Bool("json", false, "keluaran JSON")
	rest, err := parseArgs(fs, args)
	if err != nil || len(rest) > 0 || *out == "" {
		return fail(env, usagef("pakai: spbe-mandiri backup --out BERKAS.zip [--force]"))
	}
	svc, err := openData(env, *dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	a, err := archiverOf(svc)
	if err != nil {
		return fail(env, err)
	}
	dest := OutputFile{DataDir: svc.DataDir, Path: *out, Force: *force}
	size, err := writeOutput(env, dest, func(w io.Writer) error { return a.Backup(context.Background(), w) })
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		return writeJSON(env, map[string]any{"file": *out, "size": size, "data_dir": svc.DataDir})
	}
	fmt.Fprintf(env.Stdout, "cadangan tertulis: %s (%d byte); pulihkan dengan `spbe-mandiri restore %s`\n", *out, size, *out)
	return ExitOK
}

func runRestore(env *Env, args []string) int {
	fs := newFlagSet(env, "restore")
	dataDir := fs.String("data", "", "folder data")
	force := fs.Bool("force", false, "pindahkan data yang ada ke samping lalu pulihkan")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	rest, err := parseArgs(fs, args)
	if err != nil || len(rest) != 1 {
		return fail(env, usagef("pakai: spbe-mandiri restore BERKAS.zip [--force]"))
	}
	f, err := infile.Open(rest[0])
	if err != nil {
		return fail(env, fmt.Errorf("berkas cadangan tidak dapat dibuka: %w", err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fail(env, err)
	}
	svc, err := openData(env, *dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	a, err := archiverOf(svc)
	if err != nil {
		return fail(env, err)
	}
	moved, err := a.Restore(context.Background(), f, fi.Size(), *force)
	if err != nil {
		return fail(env, fmt.Errorf("%s: %w", rest[0], err))
	}
	if *asJSON {
		return writeJSON(env, map[string]any{"file": rest[0], "data_dir": svc.DataDir, "moved_to": moved})
	}
	fmt.Fprintf(env.Stdout, "dipulihkan dari %s ke %s\n", rest[0], svc.DataDir)
	if moved != "" {
		fmt.Fprintf(env.Stdout, "data sebelumnya dipindahkan ke %s (tidak dihapus)\n", moved)
	}
	return ExitOK
}
