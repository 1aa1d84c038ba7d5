// Package blobstore is the one content-addressed file store of SPBE
// Mandiri: the OPD's evidence files (<data>/blobs, package storage) and
// the assessor's evidence and reports (<data>/asesor/blobs, storage/asesor).
//
// Layout (the same for both stores, so users' folders keep working):
//
//	ROOT/ab/abcdef…   a file named by the SHA-256 of its content in
//	                  lower-case hex, in a folder named by its first two digits
//	ROOT/.tmp-*       a file being written; a crash may leave one, which
//	                  RemoveTemps deletes at the next open
//
// A file is written to a temporary file in ROOT and hashed in the same
// pass (Create, Write), fsynced and closed (Close), then renamed to the
// address of what was actually written and both folders fsynced
// (Publish). So a file under its address is complete and has that hash;
// a caller that expects a hash compares Sum before publishing.
//
// The temporary file is not storage/atomicfile's: that writer needs the
// final name before the first byte, and an evidence file's name is its
// hash, known only after the last.
package blobstore

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
)

// TempPrefix marks unfinished files in the root.
const TempPrefix = ".tmp-"

// ErrBadSum: the string is not a SHA-256 in lower-case hex, so it names no file.
var ErrBadSum = errors.New("blobstore: not a lower-case hex SHA-256")

// Store is the folder Root of content-addressed files. The zero value is
// not usable; New makes one. A Store is a value: it holds no open files.
type Store struct{ root string }

// New is the store in root (created by the caller's Open).
func New(root string) Store { return Store{root: root} }

// Root is the store's folder.
func (s Store) Root() string { return s.root }

// ValidSum reports whether sum is a SHA-256 in lower-case hex.
func ValidSum(sum string) bool {
	return len(sum) == 64 && strings.Trim(sum, "0123456789abcdef") == ""
}

// Path is where the file with this SHA-256 lives: ROOT/ab/abcdef…. It
// returns "" for a string that is not a SHA-256 in lower-case hex.
func (s Store) Path(sum string) string {
	if !ValidSum(sum) {
		return ""
	}
	return filepath.Join(s.root, sum[:2], sum)
}

// Open opens the file with this SHA-256 for reading: ErrBadSum for a
// string that names no file, an error matching fs.ErrNotExist for a file
// that is not there.
func (s Store) Open(sum string) (*os.File, error) {
	p := s.Path(sum)
	if p == "" {
		return nil, ErrBadSum
	}
	return os.Open(p)
}

// Has reports whether the file with this SHA-256 and size is stored.
func (s Store) Has(sum string, size int64) bool {
	p := s.Path(sum)
	if p == "" {
		return false
	}
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular() && fi.Size() == size
}

// RemoveTemps deletes unfinished files a crash left behind. Only the
// holder of the folder's lock calls it, so no other process is writing
// them.
func (s Store) RemoveTemps() {
	names, _ := filepath.Glob(filepath.Join(s.root, TempPrefix+"*"))
	for _, n := range names {
		os.RemoveAll(n)
	}
}

// File is what the temporary file must offer; *os.File does. Tests
// stand in for it to fail a write or an fsync (a full disk).
type File interface {
	io.Writer
	Sync() error
	Close() error
	Name() string
}

// CreateFunc creates the temporary file in dir with a name starting with
// TempPrefix.
type CreateFunc func(dir string) (File, error)

// CreateTemp is the CreateFunc of *os.File.
func CreateTemp(dir string) (File, error) { return os.CreateTemp(dir, TempPrefix+"*") }

// Temp is a file being written into the store.
type Temp struct {
	store  Store
	f      File
	name   string
	h      hash.Hash
	n      int64
	closed bool
}

// Create opens a new temporary file in the root through create (nil:
// CreateTemp).
func (s Store) Create(create CreateFunc) (*Temp, error) {
	if create == nil {
		create = CreateTemp
	}
	f, err := create(s.root)
	if err != nil {
		return nil, err
	}
	return &Temp{store: s, f: f, name: f.Name(), h: sha256.New()}, nil
}

// Write writes to the temporary file and hashes what was written. Its
// errors are the file's, unwrapped, so callers can tell a full disk.
func (t *Temp) Write(p []byte) (int, error) {
	n, err := t.f.Write(p)
	t.h.Write(p[:n])
	t.n += int64(n)
	return n, err
}

// Sum is the SHA-256 of what was written, in lower-case hex.
func (t *Temp) Sum() string { return hex.EncodeToString(t.h.Sum(nil)) }

// Size is the number of bytes written.
func (t *Temp) Size() int64 { return t.n }

// Close fsyncs and closes the temporary file: its content is then on
// disk, but under no address yet. On an error the file is removed.
func (t *Temp) Close() error {
	if t.closed {
		return nil
	}
	t.closed = true
	err := t.f.Sync()
	if cerr := t.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(t.name)
	}
	return err
}

// Abort closes and removes the temporary file; after Publish it does
// nothing.
func (t *Temp) Abort() {
	if !t.closed {
		t.closed = true
		t.f.Close()
	}
	os.Remove(t.name)
}

// Publish puts the closed temporary file under the address of its
// content and makes the rename durable (its folder and the root fsynced).
// created is false when that content was already stored (the temporary
// file is then dropped). On an error before the rename the temporary file
// is removed and created is false; created is true with an error when
// only a folder fsync failed after the rename, so a caller that gives up
// removes the new file.
func (t *Temp) Publish() (created bool, err error) {
	if err := t.Close(); err != nil {
		return false, err
	}
	sum := t.Sum()
	if t.store.Has(sum, t.n) {
		os.Remove(t.name)
		return false, nil
	}
	final := t.store.Path(sum)
	dir := filepath.Dir(final)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		os.Remove(t.name)
		return false, err
	}
	if err := os.Rename(t.name, final); err != nil {
		os.Remove(t.name)
		return false, err
	}
	if err := atomicfile.SyncDir(dir); err != nil {
		return true, err
	}
	return true, atomicfile.SyncDir(t.store.root)
}
