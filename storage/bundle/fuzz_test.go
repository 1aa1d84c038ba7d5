package bundle

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"sync/atomic"
	"testing"
)

// FuzzReadBundle feeds arbitrary bytes (seeded with a good bundle and the
// whole hostile corpus) to Verify: it must never panic, every failure must
// be an *Error, and whatever passes with the test key must be the original
// signed manifest (the fuzzer cannot forge a signature).
func FuzzReadBundle(f *testing.F) {
	in, _ := fixture(f)
	good := build(f, in)
	v, err := verifyBytes(good, withKey())
	if err != nil {
		f.Fatal(err)
	}
	// The version-2 answers (evidence items, an external score) and its
	// refusals seed the same target.
	goodV2 := build(f, fixtureV2(f))
	v2, err := verifyBytes(goodV2, withKey())
	if err != nil {
		f.Fatal(err)
	}
	want := map[string]bool{v.ManifestSHA256: true, v2.ManifestSHA256: true}
	f.Add(good)
	f.Add(goodV2)
	for _, c := range append(hostileCorpus(f, false), v2Cases(f)...) {
		if len(c.bundle) < 1<<20 { // keep the corpus small and fast
			f.Add(c.bundle)
		}
	}
	lim := DefaultLimits
	lim.MaxTotalSize, lim.MaxFileSize, lim.MaxEntries = 8<<20, 4<<20, 200
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Verify(bytes.NewReader(data), int64(len(data)), Options{Keys: withKey().Keys, Limits: &lim})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if !want[v.ManifestSHA256] {
			t.Fatalf("accepted a manifest that was never signed: %s", v.ManifestSHA256)
		}
	})
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.ReaderAt
	n atomic.Int64
}

func (c *countingReader) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n.Add(int64(n))
	return n, err
}

// FuzzDirectoryEnd: whatever the end of a file claims, once the
// end-of-central-directory pre-check accepts it archive/zip reads a
// bounded amount of directory and builds a bounded number of entries —
// the memory OpenZip can cost does not depend on what the file claims.
// Seeded with the good bundle and every directory case of the hostile
// corpus (the generated 200 000-header file only by its tail).
func FuzzDirectoryEnd(f *testing.F) {
	in, _ := fixture(f)
	good := build(f, in)
	f.Add(good)
	for _, c := range directoryCases(good) {
		f.Add(c.bundle[max(0, len(c.bundle)-64<<10):])
	}
	lim := DefaultLimits
	lim.MaxEntries = 200
	// The end-record search (1 KiB, then 65 KiB), the directory, one header
	// running past its end with 3 × 64 KiB of name, extra and comment, and
	// bufio's read-ahead.
	bound := int64(66<<10) + MaxDirectorySize(lim) + 3<<16 + 8<<10
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &countingReader{r: bytes.NewReader(data)}
		err := checkDirectoryEnd(r, int64(len(data)), lim)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		r.n.Store(0)
		zr, err := zip.NewReader(r, int64(len(data)))
		if got := r.n.Load(); got > bound {
			t.Fatalf("archive/zip read %d bytes, bound %d", got, bound)
		}
		if err == nil && len(zr.File) > int(MaxDirectorySize(lim)/centralHeaderLen)+2 {
			t.Fatalf("%d entries from a directory of at most %d bytes", len(zr.File), MaxDirectorySize(lim))
		}
	})
}
