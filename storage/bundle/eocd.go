package bundle

import (
	"archive/zip"
	"encoding/binary"
	"errors"
	"io"
)

// ZIP records read before archive/zip sees the file (APPNOTE 6.3.10
// §4.3.14–4.3.16): their signatures and fixed sizes.
const (
	eocdSignature      = 0x06054b50 // end of central directory record
	zip64LocSignature  = 0x07064b50 // zip64 end of central directory locator
	zip64EOCDSignature = 0x06064b50 // zip64 end of central directory record
	eocdLen            = 22
	zip64LocLen        = 20
	zip64EOCDLen       = 56 // without the extensible data sector, which we refuse
	centralHeaderLen   = 46 // the fixed part of a central directory header
)

// directoryEnd is what the end-of-central-directory record(s) claim.
type directoryEnd struct {
	entries uint64
	size    uint64
	offset  uint64
	end     int64 // where the (zip64) end record starts: the directory must end here
}

// OpenZip is step 1 of Verify: the file size cap, the central directory's
// claimed entry count and size checked from its end record, then the
// directory read by archive/zip, its real entry count and the archive
// comment. Everything that opens a bundle's ZIP (the importer reads the
// file again after Verify) goes through it, so no file can make
// archive/zip build a huge directory in memory.
func OpenZip(r io.ReaderAt, size int64, lim Limits) (*zip.Reader, error) {
	if size > lim.MaxBundleSize {
		return nil, fail("", CheckBundleSize, "%d byte, maksimum %d", size, lim.MaxBundleSize)
	}
	if err := checkDirectoryEnd(r, size, lim); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(boundedReaderAt{r, size}, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, failErr("", CheckZip, err)
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, fail("", CheckEntryCount, "%d entri, maksimum %d", len(zr.File), lim.MaxEntries)
	}
	if zr.Comment != "" {
		return nil, fail("", CheckComment, "%d byte", len(zr.Comment))
	}
	return zr, nil
}

// checkDirectoryEnd reads the end-of-central-directory record (and the
// zip64 one) itself and bounds what archive/zip will load. archive/zip
// reads central headers from the claimed offset until one does not parse,
// whatever the claimed count (it compares only the count's low 16 bits),
// and keeps each as a *zip.File: 10 M tiny headers cost gigabytes before
// the entry-count check could run. So the claimed count and size must be
// within the limits, and the directory must end exactly where its end
// record starts: then archive/zip reads at most size/46 headers.
func checkDirectoryEnd(r io.ReaderAt, size int64, lim Limits) error {
	d, err := readDirectoryEnd(r, size)
	if err != nil {
		return err
	}
	if d.entries > uint64(lim.MaxEntries) {
		return fail("", CheckEntryCount, "direktori pusat menyatakan %d entri, maksimum %d", d.entries, lim.MaxEntries)
	}
	if limit := MaxDirectorySize(lim); d.size > uint64(limit) {
		return fail("", CheckDirSize, "%d byte, maksimum %d", d.size, limit)
	}
	// A count that understates the directory (archive/zip compares only
	// its low 16 bits) is caught here: no header is larger than that.
	if d.size > d.entries*maxCentralHeader {
		return fail("", CheckDirSize, "%d byte untuk %d entri, maksimum %d byte per entri", d.size, d.entries, maxCentralHeader)
	}
	if d.offset > uint64(d.end) || d.offset+d.size != uint64(d.end) {
		return fail("", CheckZip, "direktori pusat (offset %d, %d byte) tidak berakhir tepat di catatan akhirnya (offset %d)",
			d.offset, d.size, d.end)
	}
	if d.entries*centralHeaderLen > d.size {
		return fail("", CheckZip, "%d entri tidak muat dalam direktori pusat %d byte", d.entries, d.size)
	}
	return nil
}

// readDirectoryEnd parses the end record, which a bundle has at exactly
// the last 22 bytes (no archive comment). archive/zip searches backwards
// from the end for the signature, so with a signature there and comment
// length 0 both find the same record. It follows the zip64 locator under
// the same condition as archive/zip, so both use the same numbers.
func readDirectoryEnd(r io.ReaderAt, size int64) (directoryEnd, error) {
	var b [eocdLen]byte
	if size < eocdLen {
		return directoryEnd{}, fail("", CheckZip, "%d byte, terlalu kecil untuk ZIP", size)
	}
	if _, err := r.ReadAt(b[:], size-eocdLen); err != nil && !errors.Is(err, io.EOF) {
		return directoryEnd{}, failErr("", CheckZip, err)
	}
	if le32(b[0:]) != eocdSignature || le16(b[20:]) != 0 {
		return directoryEnd{}, noDirectoryEnd(r, size)
	}
	if le16(b[4:]) != 0 || le16(b[6:]) != 0 || le16(b[8:]) != le16(b[10:]) {
		return directoryEnd{}, fail("", CheckZip, "arsip ZIP terbagi (multi-disk) tidak didukung")
	}
	d := directoryEnd{entries: uint64(le16(b[10:])), size: uint64(le32(b[12:])), offset: uint64(le32(b[16:])), end: size - eocdLen}
	// archive/zip's condition, including its 0xffff for the size.
	if d.entries == 0xffff || d.size == 0xffff || d.offset == 0xffffffff {
		return readZip64End(r, d)
	}
	return d, nil
}

// readZip64End follows the zip64 locator before the end record, as
// archive/zip does: without a valid locator the 32-bit values stand.
func readZip64End(r io.ReaderAt, d directoryEnd) (directoryEnd, error) {
	locAt := d.end - zip64LocLen
	if locAt < 0 {
		return d, nil
	}
	var loc [zip64LocLen]byte
	if _, err := r.ReadAt(loc[:], locAt); err != nil {
		return d, failErr("", CheckZip, err)
	}
	if le32(loc[0:]) != zip64LocSignature || le32(loc[4:]) != 0 || le32(loc[16:]) != 1 {
		return d, nil
	}
	at := binary.LittleEndian.Uint64(loc[8:])
	if at != uint64(locAt-zip64EOCDLen) || locAt < zip64EOCDLen {
		return d, fail("", CheckZip, "catatan akhir zip64 tidak tepat sebelum penunjuknya")
	}
	var rec [zip64EOCDLen]byte
	if _, err := r.ReadAt(rec[:], int64(at)); err != nil {
		return d, failErr("", CheckZip, err)
	}
	if le32(rec[0:]) != zip64EOCDSignature || binary.LittleEndian.Uint64(rec[4:]) != zip64EOCDLen-12 ||
		le32(rec[16:]) != 0 || le32(rec[20:]) != 0 || binary.LittleEndian.Uint64(rec[24:]) != binary.LittleEndian.Uint64(rec[32:]) {
		return d, fail("", CheckZip, "catatan akhir zip64 tidak valid")
	}
	return directoryEnd{entries: binary.LittleEndian.Uint64(rec[32:]), size: binary.LittleEndian.Uint64(rec[40:]),
		offset: binary.LittleEndian.Uint64(rec[48:]), end: int64(at)}, nil
}

// noDirectoryEnd explains a file without an end record in its last 22
// bytes: an archive comment (refused by its own check, as before) or not
// a whole ZIP.
func noDirectoryEnd(r io.ReaderAt, size int64) error {
	n := min(size, eocdLen+0xffff)
	buf := make([]byte, n)
	if _, err := r.ReadAt(buf, size-n); err != nil && !errors.Is(err, io.EOF) {
		return failErr("", CheckZip, err)
	}
	for i := len(buf) - eocdLen; i >= 0; i-- {
		if le32(buf[i:]) == eocdSignature && i+eocdLen+int(le16(buf[i+20:])) == len(buf) {
			return fail("", CheckComment, "%d byte", len(buf)-i-eocdLen)
		}
	}
	return fail("", CheckZip, "akhir direktori pusat tidak ditemukan: bukan ZIP, atau berkas terpotong")
}

func le16(b []byte) uint16 { return binary.LittleEndian.Uint16(b) }
func le32(b []byte) uint32 { return binary.LittleEndian.Uint32(b) }
