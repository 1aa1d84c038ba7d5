package storage

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// FuzzRestoreArchive: a backup archive comes from a USB stick. Whatever
// its bytes, the archive check (the part of Restore that parses it before
// anything is written) refuses it with an *ArchiveError or accepts exactly
// the entries SHA256SUMS lists — it never panics. What passes is then
// staged and verified by SQLite; TestRestoreRefusesHandMadeArchives runs
// the same hand-made seeds through the whole Restore. Seeds: a good
// backup, damaged ones and hand-made ones whose checksums all match.
func FuzzRestoreArchive(f *testing.F) {
	good := fuzzBackup(f)
	f.Add(good)
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Add(good[:len(good)/2])
	for _, tc := range handMadeArchives(f, good) {
		f.Add(tc.archive)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		zr, sums, err := verifyArchive(bytes.NewReader(b), int64(len(b)))
		var ae *ArchiveError
		switch {
		case err != nil && !errors.As(err, &ae):
			t.Fatalf("refusal is not an ArchiveError: %v", err)
		case err == nil && (sums[archiveDB] == "" || len(sums) != len(zr.File)-1):
			t.Fatalf("accepted an archive whose list and entries differ: %v", sums)
		}
	})
}

// fuzzBackup is a backup of a small installation with two evidence files.
func fuzzBackup(f *testing.F) []byte {
	src := openTest(f)
	ctx := context.Background()
	if err := src.SaveProfile(ctx, assessment.Profile{Instansi: "Pemkab Sigi", OPDKode: "DKI", OPDNama: "Diskominfo", Operator: "Rina"}); err != nil {
		f.Fatal(err)
	}
	a := newAssessment(f, src)
	for i, content := range []string{"%PDF-1.4 sk", "\x89PNG\r\n\x1a\nfoto"} {
		in := assessment.EvidenceInput{Name: "bukti", Reader: bytes.NewReader([]byte(content)), Level: 3, Operator: "Rina"}
		if _, err := src.AddEvidence(ctx, a.ID, 1+i, in); err != nil {
			f.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := src.Backup(ctx, &buf); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}
