package bundle

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"fmt"
	"io"
)

// Check names one verification (or writing) step; every failure names the
// check and, where there is one, the entry.
type Check string

// The checks, in verification order.
const (
	CheckBundleSize  Check = "bundle-size"  // the bundle file is larger than the cap
	CheckZip         Check = "zip"          // not a readable ZIP (truncated, damaged)
	CheckEntryCount  Check = "entry-count"  // too many entries (claimed by the directory end record, or read)
	CheckDirSize     Check = "dir-size"     // the central directory claims more bytes than its cap
	CheckComment     Check = "comment"      // the ZIP carries a comment
	CheckDuplicate   Check = "duplicate"    // the name occurs twice (also after ASCII case folding)
	CheckName        Check = "name"         // the name is not in the whitelist
	CheckRegular     Check = "regular-file" // a directory, symlink or other special entry
	CheckEncrypted   Check = "encrypted"    // the entry is encrypted
	CheckMethod      Check = "method"       // neither Store nor Deflate
	CheckFileSize    Check = "file-size"    // declared size over the per-file cap, or Store sizes disagree
	CheckRatio       Check = "ratio"        // deflate ratio over the cap (zip bomb)
	CheckTotalSize   Check = "total-size"   // declared sizes add up over the total cap
	CheckMissing     Check = "missing"      // a required entry is absent
	CheckTooLarge    Check = "too-large"    // content longer than its read limit
	CheckData        Check = "data"         // the entry's data cannot be read (CRC, truncation, lying sizes)
	CheckEnvelope    Check = "envelope"     // manifest.sig.json is malformed
	CheckPayloadType Check = "payload-type" // the signed payload type is not ours
	CheckBase64      Check = "base64"       // the signature is not valid base64 of 64 bytes
	CheckSigner      Check = "signer"       // signed by a key other than the expected one
	CheckPublicKey   Check = "public-key"   // the expected key is unsafe (small order, non-canonical)
	CheckSignature   Check = "signature"    // the signature does not verify
	CheckJSON        Check = "json"         // not strict JSON of the expected shape
	CheckManifest    Check = "manifest"     // a manifest value is invalid
	CheckOPDKode     Check = "opd-kode"     // opd.kode is not a canonical OPD code (assessment.CheckOPDCode)
	CheckFileSet     Check = "file-set"     // the manifest's files differ from the ZIP's entries
	CheckSize        Check = "size"         // an entry's size differs from the manifest
	CheckHash        Check = "hash"         // an entry's SHA-256 differs from the manifest
	CheckAnswers     Check = "answers"      // answers.json disagrees with the manifest
	CheckDigest      Check = "content-digest"
	CheckReportCert  Check = "report-cert"    // report.pdf does not embed the certificate report.cert_sha256 names
	CheckInput       Check = "input"          // writer: invalid export input
	CheckEvidence    Check = "evidence-store" // writer: a stored evidence file changed or is unreadable
)

var checkText = map[Check]string{
	CheckBundleSize:  "berkas bundel terlalu besar",
	CheckZip:         "bukan berkas ZIP yang utuh (terpotong atau rusak)",
	CheckEntryCount:  "terlalu banyak entri",
	CheckDirSize:     "direktori pusat ZIP terlalu besar",
	CheckComment:     "ZIP memuat komentar",
	CheckDuplicate:   "nama entri ganda",
	CheckName:        "nama entri tidak diizinkan",
	CheckRegular:     "bukan berkas biasa",
	CheckEncrypted:   "entri terenkripsi",
	CheckMethod:      "metode kompresi tidak diizinkan",
	CheckFileSize:    "ukuran entri melebihi batas atau tidak konsisten",
	CheckRatio:       "rasio kompresi mencurigakan (bom zip)",
	CheckTotalSize:   "total ukuran isi melebihi batas",
	CheckMissing:     "entri wajib tidak ada",
	CheckTooLarge:    "isi entri melebihi batas",
	CheckData:        "data entri rusak",
	CheckEnvelope:    "berkas tanda tangan tidak valid",
	CheckPayloadType: "jenis muatan tanda tangan salah",
	CheckBase64:      "tanda tangan bukan base64 kanonis yang valid",
	CheckSigner:      "KUNCI BERBEDA: ditandatangani kunci lain",
	CheckPublicKey:   "kunci penanda tangan yang diharapkan tidak dapat dipakai; tanda tangan dengan kunci ini tidak membuktikan apa pun (cabut kunci ini dari daftar kunci)",
	CheckSignature:   "tanda tangan tidak cocok (isi manifest diubah)",
	CheckJSON:        "JSON tidak valid",
	CheckManifest:    "isi manifest tidak valid",
	CheckOPDKode:     "kode OPD di manifest tidak sah",
	CheckFileSet:     "daftar berkas manifest tidak sama dengan isi ZIP",
	CheckSize:        "ukuran berkas tidak sesuai manifest",
	CheckHash:        "hash SHA-256 berkas tidak sesuai manifest (isi diubah)",
	CheckAnswers:     "answers.json tidak sesuai manifest",
	CheckDigest:      "content_digest tidak sesuai",
	CheckReportCert:  "laporan PDF tidak memuat sertifikat penanda tangan yang disebut manifest",
	CheckInput:       "data ekspor tidak valid",
	CheckEvidence:    "berkas bukti di penyimpanan berubah atau tidak terbaca",
}

// Error is a failed check. Its message is Bahasa Indonesia for the user.
type Error struct {
	Entry  string // the ZIP entry concerned, "" for the whole bundle
	Check  Check
	Detail string // what exactly was wrong
	Err    error  // underlying error, if any
}

func (e *Error) Error() string {
	s := checkText[e.Check]
	if e.Entry != "" {
		s = fmt.Sprintf("entri %q: %s", e.Entry, s)
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// EntryName and CheckName let callers that must not import this package
// (the CLI) report the entry and the check.
func (e *Error) EntryName() string { return e.Entry }

// CheckName is the check's stable identifier, e.g. "hash".
func (e *Error) CheckName() string { return string(e.Check) }

func fail(entry string, c Check, format string, a ...any) *Error {
	return &Error{Entry: entry, Check: c, Detail: fmt.Sprintf(format, a...)}
}

func failErr(entry string, c Check, err error) *Error {
	return &Error{Entry: entry, Check: c, Detail: describeErr(err), Err: err}
}

// describeErr says what archive/zip and io errors mean, in Bahasa Indonesia.
func describeErr(err error) string {
	switch {
	case errors.Is(err, zip.ErrChecksum):
		return "checksum CRC-32 tidak cocok (data diubah atau rusak)"
	case errors.Is(err, zip.ErrFormat):
		return "struktur ZIP tidak valid atau ukuran di header tidak sesuai data"
	case errors.Is(err, zip.ErrAlgorithm):
		return "metode kompresi tidak didukung"
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return "data terpotong"
	case errors.Is(err, errOutside):
		return "berkas rusak atau terpotong: " + errOutside.Error()
	case errors.As(err, new(*readFailure)):
		return (&readFailure{}).Error()
	case errors.As(err, new(flate.CorruptInputError)):
		return "data terkompresi rusak (terpotong atau diubah)"
	}
	return err.Error()
}
