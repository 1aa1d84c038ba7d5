package bundle

import (
	"errors"
	"fmt"
	"io/fs"
)

// DestReason says why a destination folder could not take the bundle.
type DestReason string

// Destination failure reasons.
const (
	DestFull      DestReason = "full"
	DestReadOnly  DestReason = "read-only"
	DestDenied    DestReason = "permission"
	DestMissing   DestReason = "missing"
	DestNotFolder DestReason = "not-folder"
	DestExists    DestReason = "exists"
	DestIO        DestReason = "io"
)

var destText = map[DestReason]string{
	DestFull:      "media tujuan penuh; kosongkan ruang atau pilih media lain",
	DestReadOnly:  "media tujuan hanya-baca (periksa sakelar kunci pada USB atau izin folder)",
	DestDenied:    "tidak ada izin menulis ke folder tujuan",
	DestMissing:   "folder tujuan tidak ada (USB dicabut?)",
	DestNotFolder: "tujuan bukan folder",
	DestExists:    "berkas dengan nama itu sudah ada dan tidak ditimpa",
	DestIO:        "gagal menulis ke media tujuan",
}

// DestinationError is a failure to write into the destination folder.
// Unless Saved, no file is left under the bundle's final name. Saved: the
// bundle is complete under Path, only the folder's fsync after the rename
// failed — the message must then not say it was not saved.
type DestinationError struct {
	Dir    string
	Path   string // the final name, for DestExists and Saved
	Reason DestReason
	Err    error
	Saved  bool
}

func (e *DestinationError) Error() string {
	where := e.Dir
	if e.Path != "" {
		where = e.Path
	}
	detail := destText[e.Reason]
	if e.Err != nil && e.Reason == DestIO {
		detail += " (" + e.Err.Error() + ")"
	}
	if e.Saved {
		return fmt.Sprintf("bundel tersimpan utuh sebagai %s, tetapi media tujuan tidak memastikan penyimpanan foldernya: %s; "+
			"lepaskan (eject) media dengan aman sebelum mencabutnya, lalu periksa bundel dengan `spbe-mandiri verify`", e.Path, detail)
	}
	return fmt.Sprintf("ekspor ke %s gagal: %s; bundel tidak disimpan", where, detail)
}

func (e *DestinationError) Unwrap() error { return e.Err }

// destError classifies a file system error at the destination.
func destError(dir string, err error) *DestinationError {
	r := DestIO
	switch {
	case isDiskFull(err):
		r = DestFull
	case isReadOnly(err):
		r = DestReadOnly
	case errors.Is(err, fs.ErrPermission):
		r = DestDenied
	case errors.Is(err, fs.ErrNotExist):
		r = DestMissing
	case errors.Is(err, fs.ErrExist):
		r = DestExists
	case isNotDir(err):
		r = DestNotFolder
	}
	return &DestinationError{Dir: dir, Reason: r, Err: err}
}
