// Package atomicfile is the one way SPBE Mandiri writes a whole file: the
// signed bundles, key files, backups, reports and exports. A crash or a
// pulled stick leaves the old file or the complete new one, never half of
// one, and nothing planted on a stick can redirect the write.
//
// The temp file lives in the destination folder (so the rename stays on
// one file system) under a random name, opened O_CREATE|O_EXCL|O_WRONLY
// (|O_NOFOLLOW where the OS has it): a `.NAME.partial` symlink or file left
// on a stick is never opened, followed or truncated. It is written,
// fsynced, closed and then renamed into place — or, when no overwrite is
// asked, hard-linked (which never replaces: a file that appeared meanwhile
// is kept) — and the folder is fsynced. Any failure removes the temp file.
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// File is what the temp file must offer; *os.File does.
type File interface {
	io.Writer
	Sync() error
	Close() error
	Name() string
}

// Options say how a file is written.
type Options struct {
	// Perm is the file's mode (0 = 0600); FAT and exFAT ignore it.
	Perm fs.FileMode
	// Replace allows replacing an existing file. Without it an existing
	// file — also one created while the temp file was written — is kept
	// and the write fails with an error matching fs.ErrExist.
	Replace bool
	// Open opens the temp file; nil is os.OpenFile. Tests inject failures
	// (a full or read-only medium) here.
	Open func(name string, flag int, perm fs.FileMode) (File, error)
	// Tests only: AfterPlace runs right after the file is under its final
	// name (a crash there), and SyncDir replaces the folder fsync (an EIO).
	AfterPlace func()
	SyncDir    func(dir string) error
}

// tempFlags create the temp file or fail: an existing name (a planted
// file or symlink) is never opened.
const tempFlags = os.O_CREATE | os.O_EXCL | os.O_WRONLY | noFollow

// Temp is a temp file being written; Commit puts it under its final name.
type Temp struct {
	File
	final string
	opt   Options
	done  bool
}

// Create opens a new temp file in the folder of path.
func Create(path string, opt Options) (*Temp, error) {
	if opt.Perm == 0 {
		opt.Perm = 0o600
	}
	open := opt.Open
	if open == nil {
		open = func(name string, flag int, perm fs.FileMode) (File, error) { return os.OpenFile(name, flag, perm) }
	}
	dir, base := filepath.Split(path)
	var lastErr error
	// A random name is never taken by chance; retrying covers the
	// astronomically unlikely collision without ever opening that file.
	for range 5 {
		f, err := open(filepath.Join(dir, "."+base+"."+randomHex()+".partial"), tempFlags, opt.Perm)
		if err == nil {
			chmod(f, opt.Perm)
			return &Temp{File: f, final: path, opt: opt}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		lastErr = err
	}
	return nil, lastErr
}

// chmod sets the exact mode, which the umask may have narrowed (a bundle
// is meant to be handed over). Best effort: FAT and exFAT have no modes.
func chmod(f File, perm fs.FileMode) {
	if c, ok := f.(interface{ Chmod(fs.FileMode) error }); ok {
		_ = c.Chmod(perm)
	}
}

func randomHex() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24)
	return hex.EncodeToString(b[:])
}

// DirSyncError is a failure of the folder's fsync after the file was put
// in place: the file is complete under its name, but a power cut now
// might still lose the rename.
type DirSyncError struct {
	Dir string
	Err error
}

func (e *DirSyncError) Error() string {
	return fmt.Sprintf("folder %s tidak dapat disinkronkan ke disk: %v", e.Dir, e.Err)
}

func (e *DirSyncError) Unwrap() error { return e.Err }

// Commit fsyncs and closes the temp file, puts it under its final name and
// fsyncs the folder. On any error but a *DirSyncError nothing is under the
// final name that was not there before, and the temp file is gone.
func (t *Temp) Commit() (err error) {
	if t.done {
		return errors.New("atomicfile: temp file already committed or aborted")
	}
	t.done = true
	name := t.Name()
	defer func() {
		if err != nil {
			os.Remove(name)
		}
	}()
	if err = t.Sync(); err != nil {
		t.Close()
		return err
	}
	if err = t.Close(); err != nil {
		return err
	}
	if err = place(name, t.final, t.opt.Replace); err != nil {
		return err
	}
	if t.opt.AfterPlace != nil {
		t.opt.AfterPlace()
	}
	sync := SyncDir
	if t.opt.SyncDir != nil {
		sync = t.opt.SyncDir
	}
	if err := sync(filepath.Dir(t.final)); err != nil {
		return &DirSyncError{Dir: filepath.Dir(t.final), Err: err}
	}
	return nil
}

// Abort closes and removes the temp file; after Commit it does nothing.
func (t *Temp) Abort() {
	if t.done {
		return
	}
	t.done = true
	t.Close()
	os.Remove(t.Name())
}

// place renames tmp to final, or without replace links it there: a hard
// link never replaces, so a file created meanwhile is kept. FAT and exFAT
// sticks have no hard links; there the name is checked before the rename
// (the data folder lock serialises this installation's writers).
func place(tmp, final string, replace bool) error {
	if replace {
		return os.Rename(tmp, final)
	}
	err := os.Link(tmp, final)
	if err == nil {
		os.Remove(tmp)
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return existsError(final)
	}
	if _, lerr := os.Lstat(final); lerr == nil {
		return existsError(final)
	}
	return os.Rename(tmp, final)
}

func existsError(path string) error {
	return &fs.PathError{Op: "rename", Path: path, Err: fs.ErrExist}
}

// Write writes path through write and returns the size written.
func Write(path string, opt Options, write func(io.Writer) error) (int64, error) {
	t, err := Create(path, opt)
	if err != nil {
		return 0, err
	}
	cw := &countingWriter{w: t}
	if err := write(cw); err != nil {
		t.Abort()
		return 0, err
	}
	// After a *DirSyncError the file is in place: its size is reported too.
	return cw.n, t.Commit()
}

// WriteFile writes data to path.
func WriteFile(path string, data []byte, opt Options) error {
	_, err := Write(path, opt, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	return err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
