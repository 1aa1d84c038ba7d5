// Package portal writes the Paket unggah portal (docs/portal-package.md)
// laid out by assessment.PlanPortalPackage: a folder per indicator with
// the evidence files renamed by item code, the Lembar isian as .xlsx and
// .pdf, and LANGKAH-UNGGAH.txt.
//
// The package is built in a hidden sibling folder and renamed into place
// when complete, so a pulled stick or a full disk never leaves half a
// package under the name the officer uploads from. Every file goes
// through storage/atomicfile; evidence is streamed from the blob store
// and its SHA-256 checked on the way (a damaged blob is never handed to
// the portal as evidence).
package portal

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
	"regexp"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
	"github.com/spbe-mandiri/spbe-mandiri/storage/report"
	"github.com/spbe-mandiri/spbe-mandiri/storage/sheet"
)

// Options say where the evidence comes from and how to report progress.
type Options struct {
	// Open opens a stored evidence blob by its SHA-256. Required.
	Open func(ctx context.Context, sha256 string) (io.ReadCloser, error)
	// GeneratedAt is printed on the lembar (and fixes the PDF's bytes).
	GeneratedAt time.Time
	// Replace allows replacing an existing portal package under the same
	// name (--force). A folder holding anything a package does not hold is
	// never replaced.
	Replace bool
	// Progress, if set, receives the evidence bytes copied and the total.
	Progress func(done, total int64)
}

// Result describes the package written.
type Result struct {
	Dir   string `json:"dir"`
	Files int    `json:"files"` // evidence files copied
	Bytes int64  `json:"bytes"` // evidence bytes copied
}

// filePerm: the package is meant to be handed over and uploaded.
const filePerm = 0o644

// Write writes p as the folder dir, which the caller has checked against
// the output-path policy (outside every data folder) and resolved. dir
// must not exist, or be empty, or — with Replace — hold an earlier
// portal package.
func Write(ctx context.Context, dir string, p assessment.PortalPackage, opt Options) (Result, error) {
	if opt.Open == nil {
		return Result{}, errors.New("paket portal: sumber berkas bukti tidak tersedia")
	}
	st, err := checkTarget(dir, opt.Replace)
	if err != nil {
		return Result{}, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Result{}, fmt.Errorf("membuat folder %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".partial-")
	if err != nil {
		return Result{}, fmt.Errorf("membuat folder sementara di %s: %w", parent, err)
	}
	w := &writer{ctx: ctx, root: tmp, opt: opt, total: p.ByteCount()}
	if err := w.all(p); err != nil {
		os.RemoveAll(tmp)
		return Result{}, err
	}
	res := Result{Dir: dir, Files: w.files, Bytes: w.done}
	if err := place(tmp, dir, st); err != nil {
		var ds *atomicfile.DirSyncError
		if errors.As(err, &ds) {
			return res, err // complete under its name; only the folder fsync failed
		}
		os.RemoveAll(tmp)
		return Result{}, err
	}
	return res, nil
}

// target is what is under the package's name before it is written.
type target int

const (
	targetFree  target = iota // nothing
	targetEmpty               // an empty folder (made in Explorer for the package)
	targetOld                 // an earlier portal package, replaced with Replace
)

// checkTarget refuses a name holding a file, or a folder with anything
// but an earlier package (and that one without Replace).
func checkTarget(dir string, replace bool) (target, error) {
	fi, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return targetFree, nil
	}
	if err != nil {
		return 0, err
	}
	if !fi.IsDir() {
		return 0, fmt.Errorf("%s sudah ada dan bukan folder; pilih nama folder baru untuk paket", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	if len(entries) == 0 {
		return targetEmpty, nil
	}
	if !replace {
		return 0, fmt.Errorf("folder %s sudah berisi berkas; pilih folder baru, atau tambahkan --force untuk mengganti paket portal lama di sana", dir)
	}
	if !isPackage(dir, entries) {
		return 0, fmt.Errorf("folder %s berisi berkas yang bukan bagian paket portal; folder itu tidak diganti — pilih folder baru", dir)
	}
	return targetOld, nil
}

// Names a package holds: indicator folders with renamed files, and the
// three files beside them.
var (
	folderName = regexp.MustCompile(`^I[0-9]{2,3}$`)
	fileName   = regexp.MustCompile(`^I[0-9]{2,3}-L[0-5]-[0-9]{2}_`)
)

// isPackage reports whether everything in dir is what a portal package
// holds, so replacing it loses nothing the officer put there.
func isPackage(dir string, entries []fs.DirEntry) bool {
	hasSteps := false
	for _, e := range entries {
		switch name := e.Name(); {
		case name == assessment.PortalStepsFile && e.Type().IsRegular():
			hasSteps = true
		case (name == assessment.PortalLembarXLSX || name == assessment.PortalLembarPDF) && e.Type().IsRegular():
		case folderName.MatchString(name) && e.IsDir():
			if !onlyEvidence(filepath.Join(dir, name)) {
				return false
			}
		default:
			return false
		}
	}
	return hasSteps
}

func onlyEvidence(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !fileName.MatchString(e.Name()) {
			return false
		}
	}
	return true
}

// place renames the finished package tmp to dir. An empty folder under
// that name is removed first (and made again if the rename fails); an old
// package is moved aside and removed once the new one is in place.
func place(tmp, dir string, st target) error {
	parent := filepath.Dir(dir)
	aside := ""
	switch st {
	case targetEmpty:
		if err := os.Remove(dir); err != nil {
			return fmt.Errorf("folder kosong %s tidak dapat dipakai: %w", dir, err)
		}
	case targetOld:
		aside = tmp + ".lama"
		if err := os.Rename(dir, aside); err != nil {
			return fmt.Errorf("paket lama %s tidak dapat dipindahkan: %w", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		switch {
		case aside != "":
			_ = os.Rename(aside, dir) // put the old package back
		case st == targetEmpty:
			_ = os.Mkdir(dir, 0o755)
		}
		return fmt.Errorf("paket tidak dapat diberi nama %s: %w", dir, err)
	}
	if aside != "" {
		os.RemoveAll(aside)
	}
	if err := atomicfile.SyncDir(parent); err != nil {
		return &atomicfile.DirSyncError{Dir: parent, Err: err}
	}
	return nil
}

// writer copies one package into root.
type writer struct {
	ctx         context.Context
	root        string
	opt         Options
	total, done int64
	files       int
}

func (w *writer) all(p assessment.PortalPackage) error {
	for _, pi := range p.Indicators {
		if err := w.indicator(pi); err != nil {
			return err
		}
	}
	when := w.opt.GeneratedAt
	if when.IsZero() {
		when = time.Now()
	}
	if err := w.write(assessment.PortalLembarXLSX, func(out io.Writer) error { return sheet.WriteLembarIsian(out, p) }); err != nil {
		return err
	}
	if err := w.write(assessment.PortalLembarPDF, func(out io.Writer) error { return report.RenderLembarIsian(out, p, when) }); err != nil {
		return err
	}
	return w.write(assessment.PortalStepsFile, func(out io.Writer) error {
		_, err := io.WriteString(out, assessment.PortalSteps(p))
		return err
	})
}

func (w *writer) indicator(pi assessment.PortalIndicator) error {
	if pi.Folder == "" || len(pi.Files) == 0 {
		return nil // nothing to upload: no empty folder to open on the stick
	}
	dir := filepath.Join(w.root, pi.Folder)
	if err := os.Mkdir(dir, 0o755); err != nil {
		return fmt.Errorf("membuat folder %s: %w", pi.Folder, err)
	}
	for _, f := range pi.Files {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		if err := w.copy(filepath.Join(dir, f.Name), f); err != nil {
			return fmt.Errorf("%s/%s (bukti %q): %w", pi.Folder, f.Name, f.OriginalName, err)
		}
		w.files++
	}
	return nil
}

// copy streams one blob into path, checking its SHA-256.
func (w *writer) copy(path string, f assessment.PortalFile) error {
	rc, err := w.opt.Open(w.ctx, f.SHA256)
	if err != nil {
		return err
	}
	defer rc.Close()
	h := sha256.New()
	_, err = atomicfile.Write(path, atomicfile.Options{Perm: filePerm}, func(out io.Writer) error {
		_, err := io.Copy(io.MultiWriter(out, h), &progressReader{r: rc, w: w})
		if err != nil {
			return err
		}
		if got := hex.EncodeToString(h.Sum(nil)); got != f.SHA256 {
			return fmt.Errorf("isi berkas bukti rusak (SHA-256 %s, seharusnya %s); lampirkan ulang berkas aslinya", got[:12], f.SHA256[:min(12, len(f.SHA256))])
		}
		return nil
	})
	return err
}

func (w *writer) write(name string, fn func(io.Writer) error) error {
	if _, err := atomicfile.Write(filepath.Join(w.root, name), atomicfile.Options{Perm: filePerm}, fn); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// progressReader counts the bytes copied and stops when the context ends.
type progressReader struct {
	r io.Reader
	w *writer
}

func (p *progressReader) Read(b []byte) (int, error) {
	if err := p.w.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := p.r.Read(b)
	p.w.done += int64(n)
	if p.w.opt.Progress != nil && n > 0 {
		p.w.opt.Progress(p.w.done, p.w.total)
	}
	return n, err
}
