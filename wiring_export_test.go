package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// exportInput is a complete export input on the embedded SPBE 2020
// catalog with one evidence file.
func exportInput(t *testing.T) bundle.Input {
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

func writeBundle(t *testing.T, in bundle.Input, key *keys.Key) []byte {
	t.Helper()
	r := export.SignedReport(key)
	in.Report = func(info bundle.ReportInfo) ([]byte, string, error) { return r(in.Snapshot, info) }
	var buf bytes.Buffer
	if _, err := bundle.Write(context.Background(), &buf, in, key.Private()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zipEntry(t *testing.T, b []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
