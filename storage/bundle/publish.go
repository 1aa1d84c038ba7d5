package bundle

import (
	"bufio"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// destFile is the temp file a bundle is written into.
type destFile interface {
	io.Writer
	Sync() error
	Close() error
	Name() string
}

// publish writes the bundle to a temp file in dir and renames it to final.
// Everything but the evidence bytes (answers, score, PDF, signature) is
// made before the temp file exists.
func (e *Exporter) publish(ctx context.Context, dir, final string, in Input) (res Result, err error) {
	if _, err := os.Lstat(final); err == nil {
		return Result{}, &DestinationError{Dir: dir, Reason: DestExists, Err: errExists, Path: final}
	}
	p, err := plan(in, e.Key.Private())
	if err != nil {
		return Result{}, err
	}
	create := e.create
	if create == nil {
		create = func(dir, pattern string) (destFile, error) { return os.CreateTemp(dir, pattern) }
	}
	f, err := create(dir, "."+filepath.Base(final)+".*.partial")
	if err != nil {
		return Result{}, destError(dir, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriterSize(f, copyBufSize)
	if res, err = p.write(ctx, bw, in); err != nil {
		return Result{}, classifyWrite(dir, err)
	}
	if err = flushSyncClose(bw, f); err != nil {
		return Result{}, destError(dir, err)
	}
	// CreateTemp makes 0600; the bundle is meant to be handed over. (FAT
	// and exFAT ignore modes, so a failure here does not matter.)
	_ = os.Chmod(f.Name(), 0o644)
	if err = renameNoClobber(f.Name(), final); err != nil {
		return Result{}, destError(dir, err)
	}
	if err := syncDir(dir); err != nil {
		de := destError(dir, err)
		de.Path, de.Saved = final, true // renamed into place: saved, say so
		return res, de
	}
	return res, nil
}

func flushSyncClose(bw *bufio.Writer, f destFile) error {
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	return f.Close()
}

// renameNoClobber renames unless the target exists. USB sticks are FAT or
// exFAT, where hard links (the race-free way) do not exist; the data folder
// lock serialises exports of this installation, so the check suffices.
func renameNoClobber(from, to string) error {
	if _, err := os.Lstat(to); err == nil {
		return &fs.PathError{Op: "rename", Path: to, Err: fs.ErrExist}
	}
	return os.Rename(from, to)
}

// classifyWrite keeps bundle errors (bad input, changed evidence) and
// cancellation as they are and explains file system errors.
func classifyWrite(dir string, err error) error {
	var be *Error
	if errors.As(err, &be) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return destError(dir, err)
}

// syncDir makes the rename durable. Windows cannot fsync a folder (NTFS
// and exFAT journal or flush it with the file), so there it is a no-op.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
