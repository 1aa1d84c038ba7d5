package bundle

// Limits bound the work and memory a hostile bundle can cost the verifier.
type Limits struct {
	MaxBundleSize    int64 // the bundle file
	MaxEntries       int   // ZIP entries
	MaxFileSize      int64 // declared uncompressed size of one entry
	MaxTotalSize     int64 // declared uncompressed sizes added up
	MaxManifestSize  int64 // manifest.json, read into memory
	MaxSignatureSize int64 // manifest.sig.json, read into memory
	MaxAnswersSize   int64 // answers.json, read into memory
	MaxRatio         int64 // uncompressed/compressed of a deflated entry…
	RatioFloor       int64 // …once its uncompressed size exceeds this

	// MaxAnswerElements caps the array elements of answers.json (answers
	// and evidence links together): decoded, each costs up to ~90 bytes
	// plus slice growth, more than its JSON, so the size cap alone would
	// let a 32 MiB file of tiny links cost a quarter of a gigabyte.
	MaxAnswerElements int
}

// DefaultLimits are generous for real assessments (evidence files of a few
// MB, hundreds of them) and small enough to stop bombs.
var DefaultLimits = Limits{
	MaxBundleSize:    4 << 30,
	MaxEntries:       5000,
	MaxFileSize:      1 << 30,
	MaxTotalSize:     4 << 30,
	MaxManifestSize:  4 << 20,
	MaxSignatureSize: 64 << 10,
	MaxAnswersSize:   32 << 20,
	MaxRatio:         100,
	RatioFloor:       1 << 20,

	// A real assessment has tens of indicators (SPBE 47, Pemdi 20) and
	// a few links per evidence file (≤ MaxEntries files).
	MaxAnswerElements: 100_000,
}

// maxCentralHeader bounds one central-directory header of a bundle: the
// fixed 46 bytes, a name of at most 256 bytes (the whitelist allows 107:
// "evidence/", 16 hex digits, "-" and 81 bytes), at most 256 bytes of
// extra fields (the writer emits a 9-byte extended timestamp, zip64 adds
// at most 28) and no entry comment. A real bundle needs far less.
const maxCentralHeader = 46 + 256 + 256

// MaxDirectorySize is the largest central directory the verifier lets
// archive/zip read: MaxEntries headers of maxCentralHeader bytes (2.8 MB
// for DefaultLimits). It is checked from the end-of-central-directory
// record before the directory is read, so the memory archive/zip spends on
// it stays bounded (a few tens of MB at worst) whatever the file claims.
func MaxDirectorySize(lim Limits) int64 {
	return int64(lim.MaxEntries) * maxCentralHeader
}
