package bundle

import (
	"bufio"
	"context"
	"errors"
	"fmt"
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

// publishStage is how far a publication got: what a failure leaves behind.
type publishStage int

const (
	stageNone    publishStage = iota // nothing logged, nothing written
	stageLogged                      // logged as pending; nothing written to the destination
	stageWriting                     // the temp file may hold signed bytes
	stageRenamed                     // the bundle is under its final name
)

// publish writes the bundle to a temp file in dir and renames it to final.
// Everything but the evidence bytes (answers, score, PDF, signature) is
// made before the temp file exists; begin logs the export (pending) after
// that and before the destination is touched. The sequence is marked used
// once the temp file exists, before its first byte.
func (e *Exporter) publish(ctx context.Context, dir, final string, in Input, begin func(Result) error) (res Result, stage publishStage, err error) {
	if _, err := os.Lstat(final); err == nil {
		return Result{}, stageNone, &DestinationError{Dir: dir, Reason: DestExists, Err: errExists, Path: final}
	}
	p, err := plan(in, e.Key.Private())
	if err != nil {
		return Result{}, stageNone, err
	}
	if err := begin(p.result); err != nil {
		return Result{}, stageNone, fmt.Errorf("mencatat ekspor di riwayat ekspor: %w; bundel tidak disimpan", err)
	}
	create := e.create
	if create == nil {
		create = func(dir, pattern string) (destFile, error) { return os.CreateTemp(dir, pattern) }
	}
	f, err := create(dir, "."+filepath.Base(final)+".*.partial")
	if err != nil {
		return Result{}, stageLogged, destError(dir, err)
	}
	defer func() {
		if err != nil && stage < stageRenamed {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = e.Keys.UseSequence(e.Key.KeyID, in.Sequence); err != nil {
		return Result{}, stageLogged, err // the temp file is still empty
	}
	stage = stageWriting
	bw := bufio.NewWriterSize(f, copyBufSize)
	if res, err = p.write(ctx, bw, in); err != nil {
		return Result{}, stage, classifyWrite(dir, err)
	}
	if err = flushSyncClose(bw, f); err != nil {
		return Result{}, stage, destError(dir, err)
	}
	if stage, err = e.place(f.Name(), dir, final); err != nil && stage < stageRenamed {
		return Result{}, stage, err
	}
	return res, stage, err
}

// place renames the complete temp file tmp to final and syncs the folder;
// stageRenamed once the bundle is under its final name.
func (e *Exporter) place(tmp, dir, final string) (publishStage, error) {
	// CreateTemp makes 0600; the bundle is meant to be handed over. (FAT
	// and exFAT ignore modes, so a failure here does not matter.)
	_ = os.Chmod(tmp, 0o644)
	if err := renameNoClobber(tmp, final); err != nil {
		if fileExists(final) && !fileExists(tmp) {
			return stageRenamed, destError(dir, err) // it happened after all: leave it for reconciliation
		}
		return stageWriting, destError(dir, err)
	}
	if e.afterRename != nil {
		e.afterRename()
	}
	sync := syncDir
	if e.syncDir != nil {
		sync = e.syncDir
	}
	if err := sync(dir); err != nil {
		return stageRenamed, destError(dir, err)
	}
	return stageRenamed, nil
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
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
