package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// tempPrefix marks unfinished blob files; Open removes leftovers of a crash.
const tempPrefix = ".tmp-"

// copyBufSize is the streaming buffer: memory use per copy is constant.
const copyBufSize = 256 << 10

// blobFile is the part of *os.File the blob writer uses.
type blobFile interface {
	io.Writer
	Sync() error
	Close() error
	Name() string
}

// createTemp creates the temporary blob file. Tests replace it to inject
// write failures such as ENOSPC.
var createTemp = func(dir string) (blobFile, error) { return os.CreateTemp(dir, tempPrefix+"*") }

func (db *DB) blobRoot() string { return filepath.Join(db.dir, blobDirName) }

// BlobPath is where the file with this SHA-256 lives: blobs/ab/abcdef….
// It returns "" for a string that is not a SHA-256 in lower-case hex.
func (db *DB) BlobPath(sum string) string {
	if !validSHA256(sum) {
		return ""
	}
	return filepath.Join(db.blobRoot(), sum[:2], sum)
}

func validSHA256(s string) bool {
	if len(s) != 64 || strings.ToLower(s) != s {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// OpenBlob opens a stored evidence file for reading.
func (db *DB) OpenBlob(ctx context.Context, sum string) (io.ReadCloser, error) {
	p := db.BlobPath(sum)
	if p == "" {
		return nil, fmt.Errorf("berkas bukti %q %w", sum, assessment.ErrNotFound)
	}
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("berkas bukti %.12s… %w di %s; %s", sum, assessment.ErrNotFound, db.blobRoot(), restoreHint)
	}
	return f, err
}

// stagedBlob is a complete, fsynced temporary file with its hash.
type stagedBlob struct {
	tmp       string
	sha256    string
	size      int64
	mediaType string
}

// stageBlob streams in.Reader into a temporary file in blobs/, hashing in
// the same pass. On any error the temporary file is gone.
func (db *DB) stageBlob(ctx context.Context, in assessment.EvidenceInput) (stagedBlob, error) {
	f, err := createTemp(db.blobRoot())
	if err != nil {
		return stagedBlob{}, db.fileError(err)
	}
	st, err := db.copyInto(ctx, f, in)
	cerr := f.Close()
	if err == nil && cerr != nil {
		err = db.fileError(cerr)
	}
	if err != nil {
		os.Remove(f.Name())
		return stagedBlob{}, err
	}
	st.tmp = f.Name()
	return st, nil
}

// copyInto copies, hashes, sniffs and fsyncs, enforcing the size cap.
func (db *DB) copyInto(ctx context.Context, f blobFile, in assessment.EvidenceInput) (stagedBlob, error) {
	wantSize := sizeOf(in.Reader)
	h := sha256.New()
	var head []byte
	var n int64
	buf := make([]byte, copyBufSize)
	for {
		if err := ctx.Err(); err != nil {
			return stagedBlob{}, err
		}
		k, rerr := in.Reader.Read(buf)
		if k > 0 {
			if n+int64(k) > db.cfg.maxEvidence {
				return stagedBlob{}, &EvidenceTooLargeError{Name: in.Name, Limit: db.cfg.maxEvidence}
			}
			if _, err := f.Write(buf[:k]); err != nil {
				return stagedBlob{}, db.fileError(err)
			}
			h.Write(buf[:k])
			if len(head) < 512 {
				head = append(head, buf[:min(k, 512-len(head))]...)
			}
			n += int64(k)
			if in.Progress != nil {
				in.Progress(n)
			}
		}
		if errors.Is(rerr, io.EOF) {
			break
		}
		if rerr != nil {
			return stagedBlob{}, &EvidenceReadError{Name: in.Name, Err: rerr}
		}
	}
	if wantSize >= 0 && (n != wantSize || sizeOf(in.Reader) != wantSize) {
		return stagedBlob{}, &EvidenceReadError{Name: in.Name, Err: fmt.Errorf("ukuran berkas berubah saat disalin (%d → %d byte)", wantSize, n)}
	}
	if err := f.Sync(); err != nil {
		return stagedBlob{}, db.fileError(err)
	}
	return stagedBlob{sha256: hex.EncodeToString(h.Sum(nil)), size: n, mediaType: sniffMediaType(head, in.Name)}, nil
}

// sizeOf returns the size of a reader that is a file, or -1.
func sizeOf(r io.Reader) int64 {
	s, ok := r.(interface{ Stat() (fs.FileInfo, error) })
	if !ok {
		return -1
	}
	fi, err := s.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return -1
	}
	return fi.Size()
}

// commitBlob moves a staged file to its content address and makes the
// rename durable. created is false when the content was already stored.
func (db *DB) commitBlob(st stagedBlob) (created bool, err error) {
	final := db.BlobPath(st.sha256)
	if fi, err := os.Stat(final); err == nil && fi.Size() == st.size {
		os.Remove(st.tmp)
		return false, nil
	}
	dir := filepath.Dir(final)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		os.Remove(st.tmp)
		return false, db.fileError(err)
	}
	if err := os.Rename(st.tmp, final); err != nil {
		os.Remove(st.tmp)
		return false, db.fileError(err)
	}
	if err := syncDir(dir); err != nil {
		return true, db.fileError(err)
	}
	return true, syncDir(db.blobRoot())
}

// fileError maps a failed write in the data folder.
func (db *DB) fileError(err error) error {
	if isDiskFull(err) {
		return &DiskFullError{Dir: db.dir, Err: err}
	}
	return fmt.Errorf("gagal menulis di folder data %s: %w", db.dir, err)
}

// removeLeftovers deletes what a crash can leave behind: unfinished blob
// files, backup snapshots, restore staging folders and journal temporary
// files. Only the lock holder calls it, so no other process can be using
// them, and only after recoverRestore settled the journal, so no staging
// folder it removes is still needed.
func (db *DB) removeLeftovers() {
	for _, pattern := range []string{
		filepath.Join(db.blobRoot(), tempPrefix+"*"),
		filepath.Join(db.dir, snapshotPrefix+"*"),
		filepath.Join(db.dir, stagingPrefix+"*"),
		db.journalPath() + tempPrefix + "*",
	} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			os.RemoveAll(n)
		}
	}
}
