package bundle

import (
	"bufio"
	"context"
	"errors"
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

// publish writes the bundle to a temp file in dir and puts it under final
// without ever replacing a file (storage/atomicfile: random O_EXCL temp
// name, fsync, link-without-replace or checked rename, folder fsync).
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
	// 0644: the bundle is meant to be handed over.
	opt := atomicfile.Options{Perm: 0o644}
	if e.create != nil {
		opt.Open = func(name string, _ int, _ fs.FileMode) (atomicfile.File, error) {
			return e.create(filepath.Dir(name), filepath.Base(name))
		}
	}
	f, err := atomicfile.Create(final, opt)
	if err != nil {
		return Result{}, destError(dir, err)
	}
	defer f.Abort() // no-op after Commit
	bw := bufio.NewWriterSize(f, copyBufSize)
	if res, err = p.write(ctx, bw, in); err != nil {
		return Result{}, classifyWrite(dir, err)
	}
	if err = bw.Flush(); err != nil {
		return Result{}, destError(dir, err)
	}
	if err = f.Commit(); err != nil {
		var ds *atomicfile.DirSyncError
		if errors.As(err, &ds) {
			return res, destError(dir, ds.Err) // the bundle is in place
		}
		return Result{}, destError(dir, err)
	}
	return res, nil
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
