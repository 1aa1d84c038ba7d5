package main

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// ownKey is the public key of the data folder's OPD signing key; nil
// before one exists.
func ownKey(svc *cli.Services) ed25519.PublicKey {
	if svc == nil {
		return nil
	}
	id, err := keys.Open(svc.DataDir).Identity()
	if err != nil {
		return nil
	}
	return id.PublicKey
}

// verifyOwn verifies the bundle at path, trusting this installation's own
// signing key: the officer checking their own bundle sees "SAH", not an
// unknown signer. Another signer's bundle is checked for integrity only
// (SignerKnown false): this installation cannot vouch for it, and it is
// not "forged" either.
func verifyOwn(path string, own ed25519.PublicKey) (*bundle.Verified, *os.File, error) {
	v, f, err := verifyWith(path, own)
	var be *bundle.Error
	if own != nil && errors.As(err, &be) && be.Check == bundle.CheckSigner {
		return verifyWith(path, nil)
	}
	return v, f, err
}

func verifyWith(path string, own ed25519.PublicKey) (*bundle.Verified, *os.File, error) {
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

// guiVerify is the GUI's app.Deps.Verify hook: the report of one bundle,
// checked against this installation's own key.
func guiVerify(current func() *cli.Services) func(context.Context, string) (string, error) {
	return func(_ context.Context, path string) (string, error) {
		v, f, err := verifyOwn(path, ownKey(current()))
		if err != nil {
			return "", err
		}
		f.Close()
		rep := verifyReport(v)
		if rep.SignerKnown {
			rep.SignerIs = "kunci penanda tangan OPD ini (instalasi ini)"
		} else {
			rep.UncheckedAdvice = "bundel ini tidak ditandatangani kunci OPD ini; asesor memeriksanya dengan kunci OPD " +
				"pengirim yang terdaftar di ruang kerja asesor"
		}
		var b strings.Builder
		cli.WriteVerifyReport(&b, path, rep)
		return b.String(), nil
	}
}

// guiOpenReport is the GUI's app.Deps.OpenReport hook: the signed report
// inside the officer's own bundle, copied out once, read-only, into the
// per-user cache (never the stick, never the data folder), for the system
// viewer. Only a bundle signed with this installation's key is opened.
func guiOpenReport(current func() *cli.Services) func(context.Context, string) (string, error) {
	return func(_ context.Context, path string) (string, error) {
		own := ownKey(current())
		if own == nil {
			return "", errors.New("belum ada kunci penanda tangan OPD di instalasi ini")
		}
		v, f, err := verifyOwn(path, own)
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
