package export

import (
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// The OPD checking and opening its own bundle (the GUI's Periksa and Buka
// laporan on an export, `verify` on the command line).

// ErrNoOwnKey: the installation has no OPD signing key yet.
var ErrNoOwnKey = errors.New("belum ada kunci penanda tangan OPD di instalasi ini")

// OwnKey is the public key of the data folder's OPD signing key; nil
// before one exists.
func OwnKey(dataDir string) ed25519.PublicKey {
	id, err := keys.Open(dataDir).Identity()
	if err != nil {
		return nil
	}
	return id.PublicKey
}

// OwnReport copies the signed report inside the officer's own bundle at
// path out once, read-only, into the per-user cache (never the stick,
// never the data folder), for the system viewer, and returns the copy.
// Only a bundle signed with the key of the data folder dataDir is opened.
func OwnReport(dataDir, path string) (string, error) {
	own := OwnKey(dataDir)
	if own == nil {
		return "", ErrNoOwnKey
	}
	v, f, err := VerifyOwn(path, own)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if !v.SignerKnown {
		return "", errors.New("bundel ini tidak ditandatangani kunci OPD ini; laporannya tidak dibuka")
	}
	st, err := f.Stat()
	if err != nil {
		return "", err
	}
	pdf, err := bundle.ReportPDF(f, st.Size(), v)
	if err != nil {
		return "", err
	}
	return reportCopy(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+".pdf", pdf)
}

// VerifyOwn verifies the bundle at path, trusting this installation's own
// signing key: the officer checking their own bundle sees "SAH", not an
// unknown signer. Another signer's bundle is checked for integrity only
// (SignerKnown false): this installation cannot vouch for it, and it is
// not "forged" either.
func VerifyOwn(path string, own ed25519.PublicKey) (*bundle.Verified, *os.File, error) {
	v, f, err := VerifyWith(path, own)
	var be *bundle.Error
	if own != nil && errors.As(err, &be) && be.Check == bundle.CheckSigner {
		return VerifyWith(path, nil)
	}
	return v, f, err
}

// VerifyWith verifies the bundle file at path (a regular file, size-
// bounded) with the key own, nil: signer unknown. The caller closes the
// file returned with the verified bundle.
func VerifyWith(path string, own ed25519.PublicKey) (*bundle.Verified, *os.File, error) {
	f, err := infile.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("bundel tidak dapat dibuka: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	var opt bundle.Options
	if own != nil {
		opt.Keys = []ed25519.PublicKey{own}
	}
	v, err := bundle.Verify(f, st.Size(), opt)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return v, f, nil
}

// reportCopy writes pdf to the cache as name (0444) unless the same bytes
// are there already.
func reportCopy(name string, pdf []byte) (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "spbe-mandiri", "laporan")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("folder salinan laporan %s: %w", dir, err)
	}
	dst := filepath.Join(dir, name)
	if old, err := os.ReadFile(dst); err == nil && sha256.Sum256(old) == sha256.Sum256(pdf) {
		return dst, nil
	}
	if err := atomicfile.WriteFile(dst, pdf, atomicfile.Options{Perm: 0o444, Replace: true}); err != nil {
		return "", fmt.Errorf("menyalin laporan ke %s: %w", dst, err)
	}
	return dst, nil
}
