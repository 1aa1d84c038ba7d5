package bundle

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// What is on the stick and what the export log says agree: every export is
// logged pending before its temp file exists and settled afterwards. A
// pending row that outlived its process (a crash, a failed folder fsync)
// is settled by Reconcile when a data folder opens and before each export,
// by looking at the recorded path. The rules are the two pure functions
// below; docs/storage.md ("Export log and reconciliation") states them.

// Observation is what a look at a pending export's recorded path found.
type Observation int

// Observations.
const (
	ObsUnreachable Observation = iota // the folder is not there or not readable (stick not plugged in)
	ObsMissing                        // the folder is readable and holds no file under the name
	ObsDiffers                        // a file under the name that is not this bundle
	ObsMatches                        // a bundle with the recorded manifest
)

// Resolution is what reconciliation does with a pending export.
type Resolution int

// Resolutions.
const (
	KeepPending Resolution = iota // look again later
	Publish                       // it is in place: published
	Abandon                       // it never came into being there: abandoned, its sequence stays used
)

// Resolve is the reconciliation rule. Only a bundle seen in place is
// published; a folder that cannot be read says nothing (the stick may be
// in a drawer), so the export stays pending. A missing or different file
// abandons it — but its sequence is never released, because its signed
// bytes may have been written before the crash.
func Resolve(o Observation) Resolution {
	switch o {
	case ObsMatches:
		return Publish
	case ObsMissing, ObsDiffers:
		return Abandon
	}
	return KeepPending
}

// releaseOnFailure is the rule for an export that failed in this process:
// its sequence is free again only when nothing of it was written to the
// destination (it failed before its temp file existed, or right after
// creating it, still empty). Once a byte may have been written the number
// is never given to other content.
func releaseOnFailure(stage publishStage) bool { return stage <= stageLogged }

// Observe looks at path for the bundle whose manifest has the SHA-256
// manifestSHA256, and returns its size when it matches. Only the manifest
// is compared: it binds every other entry by hash, and the file was
// fsynced complete before it was renamed to path.
func Observe(path, manifestSHA256 string) (Observation, int64) {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if st, derr := os.Stat(filepath.Dir(path)); derr == nil && st.IsDir() {
			return ObsMissing, 0
		}
		return ObsUnreachable, 0
	case err != nil:
		return ObsUnreachable, 0
	case !fi.Mode().IsRegular():
		return ObsDiffers, 0
	}
	sum, err := manifestSHA256Of(path, fi.Size())
	switch {
	case errors.Is(err, zip.ErrFormat) || errors.Is(err, errNoManifest):
		return ObsDiffers, 0
	case err != nil:
		return ObsUnreachable, 0 // an I/O error: look again later
	case sum != manifestSHA256:
		return ObsDiffers, 0
	}
	return ObsMatches, fi.Size()
}

var errNoManifest = errors.New("no manifest entry")

func manifestSHA256Of(path string, size int64) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if size > DefaultLimits.MaxBundleSize {
		return "", errNoManifest
	}
	zr, err := zip.NewReader(f, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return "", err
	}
	for _, zf := range zr.File {
		if zf.Name != EntryManifest {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return "", err
		}
		defer rc.Close()
		h := sha256.New()
		if _, err := io.Copy(h, io.LimitReader(rc, DefaultLimits.MaxManifestSize+1)); err != nil {
			return "", err
		}
		return hex.EncodeToString(h.Sum(nil)), nil
	}
	return "", errNoManifest
}

// Reconcile settles the exports the log holds pending and returns those it
// found in place (now published: the bundle is saved). dir, when not "",
// is also searched under the recorded file name, for a stick that came
// back under another drive letter or mount point.
func Reconcile(ctx context.Context, log Log, dir string) ([]Exported, error) {
	pending, err := log.Pending(ctx)
	if err != nil {
		return nil, err
	}
	var published []Exported
	for _, p := range pending {
		obs, at, size := observeExport(p, dir)
		switch Resolve(obs) {
		case Publish:
			p.Path, p.Size = at, size
			if err := log.Publish(ctx, p); err != nil {
				return published, err
			}
			published = append(published, p)
		case Abandon:
			if err := log.Abandon(ctx, p, false); err != nil {
				return published, err
			}
		}
	}
	return published, nil
}

// observeExport looks at the recorded path, then at the same name in dir.
func observeExport(p Exported, dir string) (Observation, string, int64) {
	obs, size := Observe(p.Path, p.ManifestSHA256)
	if obs == ObsMatches || dir == "" {
		return obs, p.Path, size
	}
	alt := filepath.Join(dir, filepath.Base(p.Path))
	if alt == p.Path {
		return obs, p.Path, size
	}
	if o, n := Observe(alt, p.ManifestSHA256); o == ObsMatches {
		return o, alt, n
	}
	return obs, p.Path, size
}
