package bundle

import (
	"archive/zip"
	"strings"
)

// scanEntries is step 2: every central-directory entry is checked before
// any content is read. It returns the entries by name.
func scanEntries(files []*zip.File, lim Limits) (map[string]*zip.File, error) {
	byName := make(map[string]*zip.File, len(files))
	folded := make(map[string]string, len(files))
	var total int64
	for _, f := range files {
		name := f.Name
		// Duplicates first, so "ANSWERS.json" beside "answers.json" is
		// reported as the duplicate it is rather than as a bad name.
		if prev, dup := folded[asciiLower(name)]; dup {
			return nil, fail(name, CheckDuplicate, "sudah ada %q", prev)
		}
		folded[asciiLower(name)] = name
		if err := checkHeader(f, lim); err != nil {
			return nil, err
		}
		total += int64(f.UncompressedSize64)
		if total > lim.MaxTotalSize {
			return nil, fail(name, CheckTotalSize, "lebih dari %d byte", lim.MaxTotalSize)
		}
		byName[name] = f
	}
	for _, req := range []string{EntryManifest, EntrySignature, EntryAnswers, EntryReport} {
		if byName[req] == nil {
			return nil, fail(req, CheckMissing, "")
		}
	}
	return byName, nil
}

// checkHeader checks one entry's central-directory header.
func checkHeader(f *zip.File, lim Limits) error {
	name := f.Name
	switch {
	case !ValidEntryName(name):
		return fail(name, CheckName, "hanya %s, %s, %s, %s dan evidence/<16 hex>-<nama> yang diizinkan",
			EntryManifest, EntrySignature, EntryAnswers, EntryReport)
	case !f.Mode().IsRegular():
		return fail(name, CheckRegular, "mode %v", f.Mode())
	case f.Flags&0x1 != 0:
		return fail(name, CheckEncrypted, "")
	case f.Method != zip.Store && f.Method != zip.Deflate:
		return fail(name, CheckMethod, "metode %d; hanya Store (0) dan Deflate (8)", f.Method)
	case f.UncompressedSize64 > uint64(lim.MaxFileSize):
		return fail(name, CheckFileSize, "%d byte, maksimum %d", f.UncompressedSize64, lim.MaxFileSize)
	case f.Method == zip.Store && f.CompressedSize64 != f.UncompressedSize64:
		return fail(name, CheckFileSize, "entri Store dengan ukuran terkompresi %d ≠ ukuran asli %d", f.CompressedSize64, f.UncompressedSize64)
	case f.Method == zip.Deflate && f.UncompressedSize64 > uint64(lim.RatioFloor) &&
		f.UncompressedSize64/max(f.CompressedSize64, 1) > uint64(lim.MaxRatio):
		return fail(name, CheckRatio, "%d byte dari %d byte terkompresi, rasio maksimum %d", f.UncompressedSize64, f.CompressedSize64, lim.MaxRatio)
	}
	return nil
}

// asciiLower folds ASCII letters only, as file systems that matter here
// (FAT, NTFS, APFS defaults) at least do.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
