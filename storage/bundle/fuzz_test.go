package bundle

import (
	"bytes"
	"errors"
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
	want := v.ManifestSHA256
	f.Add(good)
	for _, c := range hostileCorpus(f, false) {
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
		if v.ManifestSHA256 != want {
			t.Fatalf("accepted a manifest that was never signed: %s", v.ManifestSHA256)
		}
	})
}
