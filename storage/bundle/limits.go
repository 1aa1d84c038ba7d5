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
}
