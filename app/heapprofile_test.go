package app

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// A developer measuring memory (docs/PERFORMANCE.md) gets a complete
// profile that go tool pprof reads (gzip), and no temporary file left over.
func TestWriteHeapProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "heap.pb.gz")
	writeHeapProfile(path)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		t.Errorf("profile is not gzip: % x", b[:min(len(b), 4)])
	}
	if _, err := os.Stat(path + ".tmp"); !os.IsNotExist(err) {
		t.Errorf("temporary file left: %v", err)
	}
}
