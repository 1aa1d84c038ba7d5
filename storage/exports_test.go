package storage

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func exportRecord(a assessment.Assessment, seq uint64, id string) ExportRecord {
	return ExportRecord{
		BundleID: id, AssessmentID: a.ID, OPDKode: "DISKOMINFO", Periode: a.Periode, Sequence: seq,
		KeyID: strings.Repeat("a", 64), ManifestSHA256: strings.Repeat("b", 64),
		ContentDigest: strings.Repeat("c", 64), Path: "/media/usb/SPBE_DISKOMINFO_2025_1.spbe", Size: 1234,
	}
}

func TestExportLog(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	if _, err := db.LastExport(ctx, "DISKOMINFO", a.Periode); !errors.Is(err, assessment.ErrNotFound) {
		t.Fatalf("LastExport before any export: %v", err)
	}
	if n, err := db.MaxExportSequence(ctx, strings.Repeat("a", 64)); err != nil || n != 0 {
		t.Fatalf("MaxExportSequence = %d, %v", n, err)
	}
	first := exportRecord(a, 1, "01968f2a-5b3c-7d4e-8f90-000000000001")
	second := exportRecord(a, 2, "01968f2a-5b3c-7d4e-8f90-000000000002")
	for _, r := range []ExportRecord{first, second} {
		if err := db.RecordExport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	last, err := db.LastExport(ctx, "DISKOMINFO", a.Periode)
	if err != nil || last.BundleID != second.BundleID || last.Sequence != 2 || last.ExportedAt.IsZero() {
		t.Fatalf("LastExport = %+v, %v", last, err)
	}
	if _, err := db.LastExport(ctx, "DISKOMINFO", a.Periode+1); !errors.Is(err, assessment.ErrNotFound) {
		t.Fatalf("LastExport of another periode: %v", err)
	}
	list, err := db.Exports(ctx, a.ID)
	if err != nil || len(list) != 2 || list[0].BundleID != second.BundleID {
		t.Fatalf("Exports = %+v, %v", list, err)
	}
	if n, _ := db.MaxExportSequence(ctx, strings.Repeat("a", 64)); n != 2 {
		t.Fatalf("MaxExportSequence = %d", n)
	}
	got, _ := db.Assessment(ctx, a.ID)
	if got.Status != assessment.AssessmentExported {
		t.Fatalf("status %q after export", got.Status)
	}
}

func TestExportLogRefusesReusedSequence(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	if err := db.RecordExport(ctx, exportRecord(a, 1, "01968f2a-5b3c-7d4e-8f90-000000000001")); err != nil {
		t.Fatal(err)
	}
	if err := db.RecordExport(ctx, exportRecord(a, 1, "01968f2a-5b3c-7d4e-8f90-000000000009")); err == nil {
		t.Fatal("a reused sequence number was recorded")
	}
	if err := db.RecordExport(ctx, exportRecord(assessment.Assessment{ID: "tidak-ada", Periode: 2025}, 5, "01968f2a-5b3c-7d4e-8f90-000000000005")); err == nil {
		t.Fatal("export of an unknown assessment was recorded")
	}
}

// The export log's states (class 7): a pending export is not superseded
// but its number is taken; releasing frees the number, abandoning keeps it;
// feedback on a bundle the log holds in any state is accepted.
func TestExportStates(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	a := newAssessment(t, db)
	key := strings.Repeat("a", 64)
	r1 := exportRecord(a, 1, "01968f2a-5b3c-7d4e-8f90-000000000001")
	if err := db.BeginExport(ctx, r1); err != nil {
		t.Fatal(err)
	}
	if p, err := db.PendingExports(ctx); err != nil || len(p) != 1 || p[0].Status != ExportPending {
		t.Fatalf("pending %+v %v", p, err)
	}
	if _, err := db.LastExport(ctx, "DISKOMINFO", a.Periode); !errors.Is(err, assessment.ErrNotFound) {
		t.Fatalf("a pending export is superseded: %v", err)
	}
	if n, _ := db.MaxExportSequence(ctx, key); n != 1 {
		t.Fatalf("pending number not taken: %d", n)
	}
	if err := db.AbandonExport(ctx, r1.BundleID, true); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.MaxExportSequence(ctx, key); n != 0 {
		t.Fatalf("released number still taken: %d", n)
	}
	if err := db.BeginExport(ctx, r1); err != nil {
		t.Fatalf("released number not reusable: %v", err)
	}
	if err := db.AbandonExport(ctx, r1.BundleID, false); err != nil {
		t.Fatal(err)
	}
	if err := db.AbandonExport(ctx, r1.BundleID, true); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.MaxExportSequence(ctx, key); n != 1 {
		t.Fatalf("abandoned number released: %d", n)
	}
	r2 := exportRecord(a, 2, "01968f2a-5b3c-7d4e-8f90-000000000002")
	if err := db.BeginExport(ctx, r2); err != nil {
		t.Fatal(err)
	}
	if err := db.PublishExport(ctx, r2.BundleID, "/media/usb/b.spbe", 99); err != nil {
		t.Fatal(err)
	}
	last, err := db.LastExport(ctx, "DISKOMINFO", a.Periode)
	if err != nil || last.BundleID != r2.BundleID || last.Size != 99 || last.Status != ExportPublished {
		t.Fatalf("LastExport %+v %v", last, err)
	}
	if err := db.AbandonExport(ctx, r2.BundleID, true); err != nil {
		t.Fatal(err)
	}
	if last, _ := db.LastExport(ctx, "DISKOMINFO", a.Periode); last.BundleID != r2.BundleID {
		t.Fatal("a published export was changed by Abandon")
	}
	if got, _ := db.Assessment(ctx, a.ID); got.Status != assessment.AssessmentExported {
		t.Fatalf("status %q", got.Status)
	}
	if err := db.PublishExport(ctx, "01968f2a-5b3c-7d4e-8f90-000000000009", "x", 1); !errors.Is(err, assessment.ErrNotFound) {
		t.Fatalf("publish of an unknown export: %v", err)
	}
}
