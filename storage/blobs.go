package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/blobstore"
)

// tempPrefix marks unfinished files in the data folder (blob copies,
// restore journal temporaries); Open removes leftovers of a crash.
const tempPrefix = blobstore.TempPrefix

// copyBufSize is the streaming buffer: memory use per copy is constant.
const copyBufSize = 256 << 10

// blobFile is the part of *os.File the blob writer uses.
type blobFile = blobstore.File

// createTemp creates the temporary blob file. Tests replace it to inject
// write failures such as ENOSPC.
var createTemp blobstore.CreateFunc = blobstore.CreateTemp

func (db *DB) blobRoot() string { return filepath.Join(db.dir, blobDirName) }

// blobs is the evidence files' content-addressed store, the one the
// assessor's workspace uses too.
func (db *DB) blobs() blobstore.Store { return blobstore.New(db.blobRoot()) }

// BlobPath is where the file with this SHA-256 lives: blobs/ab/abcdef….
// It returns "" for a string that is not a SHA-256 in lower-case hex.
func (db *DB) BlobPath(sum string) string { return db.blobs().Path(sum) }

// OpenBlob opens a stored evidence file for reading.
func (db *DB) OpenBlob(ctx context.Context, sum string) (io.ReadCloser, error) {
	f, err := db.blobs().Open(sum)
	switch {
	case errors.Is(err, blobstore.ErrBadSum):
		return nil, fmt.Errorf("berkas bukti %q %w", sum, assessment.ErrNotFound)
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("berkas bukti %.12s… %w di %s; %s", sum, assessment.ErrNotFound, db.blobRoot(), restoreHint)
	case err != nil:
		return nil, err
	}
	return f, nil
}

// stagedBlob is a complete, fsynced temporary file with its hash.
type stagedBlob struct {
	tmp       *blobstore.Temp
	sha256    string
	size      int64
	mediaType string
}

// stageBlob streams in.Reader into a temporary file in blobs/, hashing in
// the same pass. On any error the temporary file is gone.
func (db *DB) stageBlob(ctx context.Context, in assessment.EvidenceInput) (stagedBlob, error) {
	t, err := db.blobs().Create(createTemp)
	if err != nil {
		return stagedBlob{}, db.fileError(err)
	}
	st, err := db.copyInto(ctx, t, in)
	if err != nil {
		t.Abort()
		return stagedBlob{}, err
	}
	// Close fsyncs: a full disk may show only there.
	if err := t.Close(); err != nil {
		return stagedBlob{}, db.fileError(err)
	}
	st.tmp, st.sha256, st.size = t, t.Sum(), t.Size()
	return st, nil
}

// copyInto copies (hashing as it writes) and sniffs, enforcing the size cap.
func (db *DB) copyInto(ctx context.Context, t *blobstore.Temp, in assessment.EvidenceInput) (stagedBlob, error) {
	wantSize := sizeOf(in.Reader)
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
			if _, err := t.Write(buf[:k]); err != nil {
				return stagedBlob{}, db.fileError(err)
			}
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
	return stagedBlob{mediaType: sniffMediaType(head, in.Name)}, nil
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
	created, err = st.tmp.Publish()
	if err != nil {
		return created, db.fileError(err)
	}
	return created, nil
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
	db.blobs().RemoveTemps()
	for _, pattern := range []string{
		filepath.Join(db.dir, snapshotPrefix+"*"),
		filepath.Join(db.dir, stagingPrefix+"*"),
		db.journalPath() + tempPrefix + "*", // written by versions before atomicfile
		filepath.Join(db.dir, "."+journalName+".*.partial"),
	} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			os.RemoveAll(n)
		}
	}
}
