package bundle

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
)

// checkContent is steps 6 and 7: file set equality, each entry's size and
// SHA-256, answers.json against the manifest, and the content digest.
func checkContent(entries map[string]*zip.File, zipOrder []*zip.File, lim Limits, v *Verified) error {
	m := &v.Manifest
	if err := checkFileSet(m, entries, zipOrder); err != nil {
		return err
	}
	var scan *certScan
	if m.Report.CertSHA256 != "" {
		scan = newCertScan(m.Report.CertSHA256)
	}
	answers, err := hashFiles(m.Files, entries, lim, scan)
	if err != nil {
		return err
	}
	if err := parseAnswers(answers, v, lim); err != nil {
		return err
	}
	if got := ContentDigest(m); got != m.ContentDigest {
		return fail(EntryManifest, CheckDigest, "dihitung %.16s…, manifest menyatakan %.16s…", got, m.ContentDigest)
	}
	if scan != nil && !scan.found {
		return fail(EntryReport, CheckReportCert, "tidak memuat sertifikat dengan SHA-256 %.16s… (report.cert_sha256)", m.Report.CertSHA256)
	}
	return nil
}

// checkFileSet: the manifest's files must be exactly the ZIP's entries
// besides manifest.json and manifest.sig.json, with the declared sizes.
func checkFileSet(m *Manifest, entries map[string]*zip.File, zipOrder []*zip.File) error {
	listed := make(map[string]bool, len(m.Files))
	for _, f := range m.Files {
		listed[f.Path] = true
	}
	for _, f := range zipOrder {
		if f.Name != EntryManifest && f.Name != EntrySignature && !listed[f.Name] {
			return fail(f.Name, CheckFileSet, "ada di ZIP tetapi tidak tercantum di manifest")
		}
	}
	for _, f := range m.Files {
		e := entries[f.Path]
		if e == nil {
			return fail(f.Path, CheckFileSet, "tercantum di manifest tetapi tidak ada di ZIP")
		}
		if e.UncompressedSize64 != uint64(f.Size) {
			return fail(f.Path, CheckSize, "header ZIP %d byte, manifest %d byte", e.UncompressedSize64, f.Size)
		}
	}
	return nil
}

// hashFiles hashes every listed entry, on up to 4 goroutines (SHA-256 is
// the cost), and returns the bytes of answers.json. When several entries
// are bad, the first in manifest order is reported, deterministically.
// scan, if not nil, also reads report.pdf.
func hashFiles(files []File, entries map[string]*zip.File, lim Limits, scan *certScan) ([]byte, error) {
	errs := make([]error, len(files))
	var answers []byte
	var firstBad atomic.Int64
	firstBad.Store(int64(len(files)))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), 4, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, copyBufSize)
			for i := range jobs {
				if int64(i) > firstBad.Load() {
					continue
				}
				keep := files[i].Role == RoleAnswers
				var extra io.Writer
				if scan != nil && files[i].Role == RoleReport {
					extra = scan
				}
				data, err := hashEntry(entries[files[i].Path], files[i], keep, lim, buf, extra)
				if keep {
					answers = data
				}
				if err != nil {
					errs[i] = err
					lowerTo(&firstBad, int64(i))
				}
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return answers, nil
}

func lowerTo(a *atomic.Int64, v int64) {
	for {
		cur := a.Load()
		if v >= cur || a.CompareAndSwap(cur, v) {
			return
		}
	}
}

// hashEntry reads one entry through LimitReader(size+1) and checks its
// length and SHA-256; keep returns the bytes too; extra, if not nil, is
// written the bytes as well.
func hashEntry(f *zip.File, want File, keep bool, lim Limits, buf []byte, extra io.Writer) ([]byte, error) {
	if keep && want.Size > lim.MaxAnswersSize {
		return nil, fail(f.Name, CheckTooLarge, "%d byte, maksimum %d", want.Size, lim.MaxAnswersSize)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, failErr(f.Name, CheckData, err)
	}
	defer rc.Close()
	return checkRead(rc, f.Name, want, keep, buf, extra)
}

// checkRead reads r (an entry of the container or a part kept apart)
// through LimitReader(size+1) and checks its length and SHA-256 against
// the manifest's want; name is what a failure names. keep returns the
// bytes too; extra, if not nil, is written the bytes as well.
func checkRead(r io.Reader, name string, want File, keep bool, buf []byte, extra io.Writer) ([]byte, error) {
	h := sha256.New()
	var w io.Writer = h
	var kept []byte
	if keep {
		kept = make([]byte, 0, want.Size)
		w = io.MultiWriter(h, (*sliceWriter)(&kept))
	}
	if extra != nil {
		w = io.MultiWriter(w, extra)
	}
	n, err := io.CopyBuffer(w, io.LimitReader(r, want.Size+1), buf)
	switch {
	case n > want.Size:
		return nil, fail(name, CheckSize, "data lebih panjang dari %d byte", want.Size)
	case err != nil:
		return nil, failErr(name, CheckData, err)
	case n != want.Size:
		return nil, fail(name, CheckSize, "%d byte, manifest %d byte", n, want.Size)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != want.SHA256 {
		return nil, fail(name, CheckHash, "dihitung %.16s…, manifest %.16s…", got, want.SHA256)
	}
	return kept, nil
}

type sliceWriter []byte

func (s *sliceWriter) Write(p []byte) (int, error) {
	*s = append(*s, p...)
	return len(p), nil
}
