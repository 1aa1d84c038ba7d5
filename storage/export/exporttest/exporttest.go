// Package exporttest holds the export input that the export service's
// tests and the root package's end-to-end tests share.
package exporttest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
)

// Input is a complete export input on the embedded SPBE 2020 catalog
// with one evidence file: every indicator at level 3, bundle sequence 3.
func Input(t testing.TB) bundle.Input {
	t.Helper()
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	c, err := lib.Latest("spbe-2020")
	if err != nil {
		t.Fatal(err)
	}
	var answers []assessment.Answer
	for _, in := range c.Indicators {
		answers = append(answers, assessment.Answer{Indicator: in.Number, Level: 3, Justification: "Sudah berjalan."})
	}
	ev := []byte("SK Kepala Dinas tentang Arsitektur SPBE")
	sum := sha256.Sum256(ev)
	blob := assessment.Blob{SHA256: hex.EncodeToString(sum[:]), Size: int64(len(ev)), MediaType: "application/pdf"}
	snap := assessment.Snapshot{
		Profile: assessment.Profile{Instansi: "Pemerintah Kabupaten Sigi", OPDKode: "DISKOMINFO",
			OPDNama: "Dinas Komunikasi dan Informatika", Operator: "Rina"},
		Assessment: assessment.Assessment{ID: "a-1", CatalogID: c.ID, CatalogVersion: c.Version,
			CatalogSHA256: c.SHA256(), Periode: 2025, Status: assessment.AssessmentDraft},
		Catalog:  c,
		Answers:  answers,
		Evidence: []assessment.Evidence{{ID: 1, Indicator: c.Indicators[0].Number, Blob: blob, OriginalName: "SK.pdf", Level: 3}},
	}
	return bundle.Input{
		BundleID: "01968f2a-5b3c-7d4e-8f90-a1b2c3d4e5f6", CreatedAt: time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC),
		Sequence: 3, App: bundle.App{Name: "spbe-mandiri", Version: "test"}, Snapshot: snap,
		OpenBlob: func(string) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(ev)), nil },
	}
}
