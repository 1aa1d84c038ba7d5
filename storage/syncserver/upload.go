package syncserver

import (
	"context"
	"crypto/sha256"
	"encoding"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"

	"github.com/minio/minio-go/v7"

	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
)

// uploads is the resumable file upload, streamed into S3 as it arrives:
// every full part (partSize) goes to an S3 multipart upload at once, so the
// local disk holds at most one part per upload (the "tail"), never the whole
// file, and nothing is staged in S3 and copied. Any acknowledged byte counts
// — a link that drops every few seconds still makes progress — because the
// tail is fsynced before the offset is answered. The durable state (parts,
// ETags, SHA-256 state after them) is a row in PostgreSQL; the tail file is
// named after the bytes before it, so a crash between "part stored" and
// "tail emptied" cannot count bytes twice.
type uploads struct {
	db       *serverdb.DB
	core     *minio.Core
	bucket   string
	staging  string
	partSize int64
	log      *slog.Logger

	mu    sync.Mutex
	locks map[string]bool // pemda/sha with a PATCH running
}

var (
	errOffset   = errors.New("offset")
	errLocked   = errors.New("locked")
	errTooLarge = errors.New("too large")
	errHash     = errors.New("hash")
)

func (u *uploads) tailPath(pemda int16, sha string, partsBytes int64) string {
	return filepath.Join(u.staging, fmt.Sprintf("%d-%s.%d.tail", pemda, sha, partsBytes))
}

// offset is the acknowledged offset of a file (size when already held).
func (u *uploads) offset(ctx context.Context, pemda int16, sha string, size int64) (int64, error) {
	if ok, err := u.db.HasBlob(ctx, pemda, sha); err != nil || ok {
		return size, err
	}
	st, err := u.db.UploadOf(ctx, pemda, sha, size)
	if err != nil {
		return 0, err
	}
	fi, err := os.Stat(u.tailPath(pemda, sha, st.PartsBytes))
	switch {
	case errors.Is(err, os.ErrNotExist):
		return st.PartsBytes, nil
	case err != nil:
		return 0, err
	}
	return st.PartsBytes + fi.Size(), nil
}

func (u *uploads) lock(key string) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.locks == nil {
		u.locks = map[string]bool{}
	}
	if u.locks[key] {
		return false
	}
	u.locks[key] = true
	return true
}

func (u *uploads) unlock(key string) {
	u.mu.Lock()
	delete(u.locks, key)
	u.mu.Unlock()
}

// session is one PATCH in progress.
type session struct {
	u    *uploads
	st   serverdb.Upload
	tail *os.File
	n    int64 // tail length
	h    hash.Hash
}

// write appends body at offset and returns the new acknowledged offset.
// At the last byte the file's SHA-256 is compared with the manifest's and
// the object completed under its content address; a mismatch drops the
// upload (errHash). Bytes beyond size are refused (errTooLarge).
func (u *uploads) write(ctx context.Context, pemda int16, sha string, size, offset int64, body io.Reader) (int64, error) {
	key := fmt.Sprintf("%d/%s", pemda, sha)
	if !u.lock(key) {
		return 0, errLocked
	}
	defer u.unlock(key)
	acked, err := u.offset(ctx, pemda, sha, size)
	if err != nil {
		return 0, err
	}
	if offset != acked {
		return acked, errOffset
	}
	if held, err := u.db.HasBlob(ctx, pemda, sha); err != nil || held {
		return size, err // already held: nothing to do
	}
	s, err := u.open(ctx, pemda, sha, size)
	if err != nil {
		return acked, err
	}
	defer s.tail.Close()
	if err := s.receive(ctx, body); err != nil {
		return s.acked(), err
	}
	if s.acked() < size {
		return s.acked(), nil
	}
	if extra, _ := body.Read(make([]byte, 1)); extra > 0 {
		return s.acked(), errTooLarge
	}
	return size, s.finish(ctx)
}

// open restores the SHA-256 state after the stored parts and rehashes the
// tail (≤ one part) to continue where the last request stopped.
func (u *uploads) open(ctx context.Context, pemda int16, sha string, size int64) (*session, error) {
	st, err := u.db.UploadOf(ctx, pemda, sha, size)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	if st.HashState != nil {
		if err := h.(encoding.BinaryUnmarshaler).UnmarshalBinary(st.HashState); err != nil {
			return nil, err
		}
	}
	f, err := os.OpenFile(u.tailPath(pemda, sha, st.PartsBytes), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	n, err := io.Copy(h, f) // leaves the file offset at its end
	if err != nil {
		f.Close()
		return nil, err
	}
	return &session{u: u, st: st, tail: f, n: n, h: h}, nil
}

func (s *session) acked() int64 { return s.st.PartsBytes + s.n }

// receive copies the body into the tail, shipping each full part to S3.
// A cut connection is not an error: what arrived is kept (fsynced).
func (s *session) receive(ctx context.Context, body io.Reader) error {
	for s.acked() < s.st.Size {
		want := min(s.u.partSize-s.n, s.st.Size-s.acked())
		n, err := io.CopyN(io.MultiWriter(s.tail, s.h), body, want)
		s.n += n
		if s.n == s.u.partSize && s.acked() < s.st.Size {
			if perr := s.shipPart(ctx); perr != nil {
				return perr
			}
		}
		if err != nil {
			break // EOF or the client went away: keep what came
		}
	}
	return s.tail.Sync()
}

// shipPart uploads the full tail as the next multipart part, records it,
// and starts an empty tail.
func (s *session) shipPart(ctx context.Context) error {
	if err := s.tail.Sync(); err != nil {
		return err
	}
	key := blobKey(s.st.SHA256)
	if s.st.S3Upload == "" {
		id, err := s.u.core.NewMultipartUpload(ctx, s.u.bucket, key, minio.PutObjectOptions{})
		if err != nil {
			return err
		}
		s.st.S3Upload = id
	}
	part, err := s.u.core.PutObjectPart(ctx, s.u.bucket, key, s.st.S3Upload, len(s.st.ETags)+1,
		io.NewSectionReader(s.tail, 0, s.n), s.n, minio.PutObjectPartOptions{})
	if err != nil {
		return err
	}
	state, err := s.h.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		return err
	}
	old := s.tail.Name()
	s.st.ETags = append(s.st.ETags, part.ETag)
	s.st.PartsBytes += s.n
	s.st.HashState = state
	if err := s.u.db.SaveUpload(ctx, s.st); err != nil {
		return err
	}
	s.tail.Close()
	_ = os.Remove(old)
	s.tail, err = os.OpenFile(s.u.tailPath(s.st.PemdaID, s.st.SHA256, s.st.PartsBytes), os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	s.n = 0
	return err
}

// finish checks the whole file's SHA-256 and completes the object.
func (s *session) finish(ctx context.Context) error {
	if got := hex.EncodeToString(s.h.Sum(nil)); got != s.st.SHA256 {
		s.u.log.Warn("upload hash mismatch", "pemda", s.st.PemdaID, "sha256", s.st.SHA256, "got", got)
		s.drop(ctx)
		return errHash
	}
	key := blobKey(s.st.SHA256)
	var err error
	if s.st.S3Upload == "" {
		_, err = s.u.core.Client.PutObject(ctx, s.u.bucket, key, io.NewSectionReader(s.tail, 0, s.n), s.n, minio.PutObjectOptions{})
	} else {
		err = s.completeMultipart(ctx, key)
	}
	if err != nil {
		return err
	}
	if err := s.u.db.AddBlob(ctx, s.st.PemdaID, s.st.SHA256, s.st.Size); err != nil {
		return err
	}
	s.cleanup(ctx)
	return nil
}

func (s *session) completeMultipart(ctx context.Context, key string) error {
	if s.n > 0 {
		if err := s.shipLast(ctx, key); err != nil {
			return err
		}
	}
	parts := make([]minio.CompletePart, len(s.st.ETags))
	for i, e := range s.st.ETags {
		parts[i] = minio.CompletePart{PartNumber: i + 1, ETag: e}
	}
	_, err := s.u.core.CompleteMultipartUpload(ctx, s.u.bucket, key, s.st.S3Upload, parts, minio.PutObjectOptions{})
	return err
}

func (s *session) shipLast(ctx context.Context, key string) error {
	part, err := s.u.core.PutObjectPart(ctx, s.u.bucket, key, s.st.S3Upload, len(s.st.ETags)+1,
		io.NewSectionReader(s.tail, 0, s.n), s.n, minio.PutObjectPartOptions{})
	if err == nil {
		s.st.ETags = append(s.st.ETags, part.ETag)
	}
	return err
}

// drop abandons an upload whose bytes are wrong.
func (s *session) drop(ctx context.Context) {
	if s.st.S3Upload != "" {
		_ = s.u.core.AbortMultipartUpload(ctx, s.u.bucket, blobKey(s.st.SHA256), s.st.S3Upload)
	}
	s.cleanup(ctx)
}

func (s *session) cleanup(ctx context.Context) {
	if err := s.u.db.DeleteUpload(ctx, s.st.PemdaID, s.st.SHA256); err != nil {
		s.u.log.Warn("upload cleanup", "err", err)
	}
	_ = os.Remove(s.tail.Name())
}
