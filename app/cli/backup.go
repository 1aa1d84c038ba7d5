package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
)

func init() {
	register(command{
		name:    "backup",
		summary: "cadangkan folder data: backup --out BERKAS.zip — back up data and evidence",
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
	asJSON := fs.Bool("json", false, "keluaran JSON")
	rest, err := parseArgs(fs, args)
	if err != nil || len(rest) > 0 || *out == "" {
		return fail(env, usagef("pakai: spbe-mandiri backup --out BERKAS.zip"))
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
	size, err := writeAtomically(*out, func(w io.Writer) error { return a.Backup(context.Background(), w) })
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		return writeJSON(env, map[string]any{"file": *out, "size": size, "data_dir": svc.DataDir})
	}
	fmt.Fprintf(env.Stdout, "cadangan tertulis: %s (%d byte); pulihkan dengan `spbe-mandiri restore %s`\n", *out, size, *out)
	return ExitOK
}

// writeAtomically writes path through a temporary file in the same folder
// that is fsynced and renamed into place: a crash leaves either the old
// file or the complete new one, never half an archive.
func writeAtomically(path string, write func(io.Writer) error) (int64, error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return 0, fmt.Errorf("berkas tidak dapat dibuat di %s: %w", dir, err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	err = write(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("berkas gagal ditulis; tidak ada berkas setengah jadi: %w", err)
	}
	fi, err := os.Stat(tmp.Name())
	if err != nil {
		return 0, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, fmt.Errorf("berkas tidak dapat diberi nama %s: %w", path, err)
	}
	syncDirBestEffort(dir)
	return fi.Size(), nil
}

// syncDirBestEffort makes the rename durable where the OS allows it
// (Windows cannot fsync a directory; NTFS journals renames).
func syncDirBestEffort(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
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
