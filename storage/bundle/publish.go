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

	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
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

// publish writes the bundle to a temp file in dir and puts it under final
// without ever replacing a file (storage/atomicfile: random O_EXCL temp
// name, fsync, link-without-replace or checked rename, folder fsync).
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
	// 0644: the bundle is meant to be handed over.
	opt := atomicfile.Options{Perm: 0o644, AfterPlace: e.afterRename, SyncDir: e.syncDir}
	if e.create != nil {
		opt.Open = func(name string, _ int, _ fs.FileMode) (atomicfile.File, error) {
			return e.create(filepath.Dir(name), filepath.Base(name))
		}
	}
	f, err := atomicfile.Create(final, opt)
	if err != nil {
		return Result{}, stageLogged, destError(dir, err)
	}
	defer f.Abort() // no-op after Commit
	if err = e.Keys.UseSequence(e.Key.KeyID, in.Sequence); err != nil {
		return Result{}, stageLogged, err // the temp file is still empty
	}
	stage = stageWriting
	bw := bufio.NewWriterSize(f, copyBufSize)
	if res, err = p.write(ctx, bw, in); err != nil {
		return Result{}, stage, classifyWrite(dir, err)
	}
	if err = bw.Flush(); err != nil {
		return Result{}, stage, destError(dir, err)
	}
	if err = f.Commit(); err != nil {
		return committed(res, dir, final, err)
	}
	return res, stageRenamed, nil
}

// committed says how far a failed Commit got. After a folder-fsync error
// the bundle is in place; after any other error it is not, unless the
// rename went through although it reported a failure (the file we checked
// was absent is there now): then reconciliation decides.
func committed(res Result, dir, final string, err error) (Result, publishStage, error) {
	var ds *atomicfile.DirSyncError
	if errors.As(err, &ds) {
		de := destError(dir, ds.Err)
		de.Path, de.Saved = final, true // renamed into place: saved, say so
		return res, stageRenamed, de
	}
	if !errors.Is(err, fs.ErrExist) && fileExists(final) {
		return Result{}, stageRenamed, destError(dir, err)
	}
	return Result{}, stageWriting, destError(dir, err)
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
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
