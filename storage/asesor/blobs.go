package asesor

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/blobstore"
	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/sqlitedb"
)

// Blob is one content-addressed file of the workspace.
type Blob struct {
	SHA256    string
	Size      int64
	MediaType string
}

// staged is what a bundle brings to the store besides its rows.
type staged struct {
	blobs               []Blob
	manifest, signature []byte
}

// rejection is a bundle that changed or vanished between verification and
// storing; nothing of it is referenced.
type rejection struct{ msg string }

func (r *rejection) Error() string { return r.msg }

// blobs is the workspace's content-addressed store, the one the OPD
// store uses too (same layout: blobs/ab/abcdef…).
func (w *Workspace) blobs() blobstore.Store {
	return blobstore.New(filepath.Join(w.dir, blobDirName))
}

// BlobPath is where the file with this SHA-256 lives: blobs/ab/abcdef….
// It returns "" for a string that is not a lower-case hex SHA-256.
func (w *Workspace) BlobPath(sum string) string { return w.blobs().Path(sum) }

// OpenBlob opens a stored evidence file or report for reading.
func (w *Workspace) OpenBlob(sum string) (io.ReadCloser, error) {
	f, err := w.blobs().Open(sum)
	if errors.Is(err, blobstore.ErrBadSum) {
		return nil, fmt.Errorf("berkas %q tidak valid", sum)
	}
	if err != nil {
		return nil, err
	}
	return f, nil
}

// stage copies the report and evidence of a verified bundle into the blob
// folder (temp file, fsync, rename to its hash, folder fsync), checking
// each against the manifest while copying, and reads back the signed
// manifest and signature. The file is read again, so every byte that is
// kept is checked against the verified manifest.
func (w *Workspace) stage(ctx context.Context, c *checked) (staged, error) {
	f, err := os.Open(c.path)
	if err != nil {
		return staged{}, &rejection{fmt.Sprintf("berkas tidak dapat dibuka lagi setelah diperiksa: %v", err)}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return staged{}, &rejection{fmt.Sprintf("berkas tidak dapat dibaca: %v", err)}
	}
	// The file may have been replaced since Verify: open it with the same
	// bounds, never with a bare zip.NewReader.
	zr, err := bundle.OpenZip(f, fi.Size(), bundle.DefaultLimits)
	if err != nil {
		return staged{}, &rejection{fmt.Sprintf("berkas berubah setelah diperiksa: %v", err)}
	}
	entries := map[string]*zip.File{}
	for _, e := range zr.File {
		entries[e.Name] = e
	}
	var st staged
	lim := bundle.DefaultLimits
	if st.manifest, err = readEntry(entries, bundle.EntryManifest, lim.MaxManifestSize); err != nil {
		return staged{}, err
	}
	if sum := sha256.Sum256(st.manifest); hex.EncodeToString(sum[:]) != c.v.ManifestSHA256 {
		return staged{}, &rejection{"manifest.json berubah setelah diperiksa; impor lagi dari berkas yang tidak sedang ditulis"}
	}
	if st.signature, err = readEntry(entries, bundle.EntrySignature, lim.MaxSignatureSize); err != nil {
		return staged{}, err
	}
	done := map[string]bool{}
	for _, mf := range c.v.Manifest.Files {
		if mf.Role == bundle.RoleAnswers || done[mf.SHA256] {
			continue
		}
		done[mf.SHA256] = true
		if err := ctx.Err(); err != nil {
			return staged{}, err
		}
		if err := w.putBlob(entries[mf.Path], mf); err != nil {
			return staged{}, err
		}
		st.blobs = append(st.blobs, Blob{SHA256: mf.SHA256, Size: mf.Size, MediaType: mf.MediaType})
	}
	return st, nil
}

func readEntry(entries map[string]*zip.File, name string, limit int64) ([]byte, error) {
	e := entries[name]
	if e == nil {
		return nil, &rejection{name + " hilang setelah diperiksa"}
	}
	rc, err := e.Open()
	if err != nil {
		return nil, &rejection{fmt.Sprintf("%s tidak dapat dibaca lagi: %v", name, err)}
	}
	defer rc.Close()
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, io.LimitReader(rc, limit+1)); err != nil || int64(buf.Len()) > limit {
		return nil, &rejection{fmt.Sprintf("%s tidak dapat dibaca lagi: %v", name, err)}
	}
	return buf.Bytes(), nil
}

// putBlob stores one entry under its SHA-256 unless it is already there.
func (w *Workspace) putBlob(e *zip.File, mf bundle.File) error {
	store := w.blobs()
	if !blobstore.ValidSum(mf.SHA256) {
		return &rejection{fmt.Sprintf("%s: sha256 tidak valid", mf.Path)}
	}
	if store.Has(mf.SHA256, mf.Size) {
		return nil
	}
	if e == nil {
		return &rejection{mf.Path + " hilang setelah diperiksa"}
	}
	rc, err := e.Open()
	if err != nil {
		return &rejection{fmt.Sprintf("%s tidak dapat dibaca lagi: %v", mf.Path, err)}
	}
	defer rc.Close()
	tmp, err := store.Create(nil)
	if err != nil {
		return w.fileError(err)
	}
	if err := w.fillBlob(tmp, rc, mf); err != nil {
		tmp.Abort()
		return err
	}
	_, err = tmp.Publish()
	return w.fileError(err)
}

// fillBlob copies the entry into the temporary file, checks it against
// the manifest and syncs it. A read error or a changed entry is the
// bundle's fault (a rejection: the batch goes on); a write error is the
// workspace's.
func (w *Workspace) fillBlob(tmp *blobstore.Temp, rc io.Reader, mf bundle.File) error {
	_, err := io.Copy(tmp, sourceReader{io.LimitReader(rc, mf.Size+1)})
	if err != nil {
		var se sourceError
		if errors.As(err, &se) {
			// The bundle on the stick, not the workspace: this bundle is
			// refused and the batch goes on.
			return &rejection{fmt.Sprintf("%s berubah atau tidak dapat dibaca lagi setelah diperiksa: %v", mf.Path, se.err)}
		}
		return w.fileError(err)
	}
	if tmp.Size() != mf.Size || tmp.Sum() != mf.SHA256 {
		return &rejection{fmt.Sprintf("%s berubah setelah diperiksa (ukuran atau SHA-256 tidak lagi cocok)", mf.Path)}
	}
	return w.fileError(tmp.Close())
}

// sourceReader marks the errors of reading a bundle entry, so they are not
// taken for failures of the workspace being written.
type sourceReader struct{ r io.Reader }

type sourceError struct{ err error }

func (e sourceError) Error() string { return e.err.Error() }
func (e sourceError) Unwrap() error { return e.err }

func (s sourceReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		err = sourceError{err}
	}
	return n, err
}

func (w *Workspace) fileError(err error) error {
	switch {
	case err == nil:
		return nil
	case sqlitedb.IsDiskFull(err):
		return storage.DiskError(w.dir, err)
	}
	return fmt.Errorf("gagal menulis di folder asesor %s: %w", w.dir, err)
}
