package opdsvc

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func embedded() (*assessment.Library, error) {
	b, err := os.ReadFile("../testdata/catalog.json")
	if err != nil {
		return nil, err
	}
	c, err := assessment.ParseCatalog("embedded:catalog.json", b)
	if err != nil {
		return nil, err
	}
	lib := &assessment.Library{}
	return lib, lib.Add(c, assessment.OriginEmbedded, "catalog.json")
}

// A fresh folder opens with the embedded catalogs and no warning; when the
// catalogs cannot be loaded the folder is released again, so the next
// start is not refused as "in use".
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	var warn bytes.Buffer
	db, lib, err := Open(dir, embedded, &warn)
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Entries()) != 1 || warn.Len() != 0 {
		t.Fatalf("library %+v, warnings %q", lib.Entries(), warn.String())
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	broken := errors.New("katalog bawaan rusak")
	if _, _, err := Open(dir, func() (*assessment.Library, error) { return nil, broken }, &warn); !errors.Is(err, broken) {
		t.Fatalf("embedded failure: %v", err)
	}
	db, _, err = Open(dir, embedded, &warn)
	if err != nil {
		t.Fatalf("folder still held after a failed open: %v", err)
	}
	db.Close()
}
