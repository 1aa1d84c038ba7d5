package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
)

// ReportPDF returns the signed report of a bundle that Verify accepted as
// v: the report.pdf entry, read once and checked against the hash the
// signed manifest binds — the very PDF the assessor will see.
func ReportPDF(r io.ReaderAt, size int64, v *Verified) ([]byte, error) {
	zr, err := OpenZip(r, size, DefaultLimits)
	if err != nil {
		return nil, err
	}
	want := v.Manifest.Report.SHA256
	for _, f := range zr.File {
		if f.Name != EntryReport {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, failErr(EntryReport, CheckZip, err)
		}
		defer rc.Close()
		var buf bytes.Buffer
		h := sha256.New()
		// The manifest bounds the entry's size; one byte more proves a lie.
		if _, err := io.Copy(io.MultiWriter(&buf, h), io.LimitReader(rc, reportSize(v)+1)); err != nil {
			return nil, failErr(EntryReport, CheckZip, err)
		}
		if got := hex.EncodeToString(h.Sum(nil)); got != want {
			return nil, fail(EntryReport, CheckHash, "sha256 %s, manifest %s", got, want)
		}
		return buf.Bytes(), nil
	}
	return nil, fmt.Errorf("bundel tidak memuat %s", EntryReport)
}

func reportSize(v *Verified) int64 {
	for _, f := range v.Manifest.Files {
		if f.Role == RoleReport {
			return f.Size
		}
	}
	return 0
}
