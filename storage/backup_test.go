package storage

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// dump is everything a user can see in a data folder.
type dump struct {
	Profile     assessment.Profile
	Assessments []assessment.Assessment
	Answers     map[string][]assessment.Answer
	Evidence    map[string][]assessment.Evidence
	History     map[string][]assessment.Change
	Catalogs    []assessment.ImportedCatalog
	Blobs       map[string][]byte
}

func dumpAll(t *testing.T, db *DB) dump {
	t.Helper()
	ctx := context.Background()
	d := dump{Answers: map[string][]assessment.Answer{}, Evidence: map[string][]assessment.Evidence{},
		History: map[string][]assessment.Change{}, Blobs: map[string][]byte{}}
	var err error
	d.Profile, _ = db.Profile(ctx)
	if d.Assessments, err = db.Assessments(ctx); err != nil {
		t.Fatal(err)
	}
	d.Catalogs, _ = db.ImportedCatalogs(ctx)
	for _, a := range d.Assessments {
		d.Answers[a.ID], _ = db.Answers(ctx, a.ID)
		d.Evidence[a.ID], _ = db.Evidence(ctx, a.ID)
		for i := 1; i <= 4; i++ {
			h, _ := db.History(ctx, a.ID, i)
			d.History[a.ID] = append(d.History[a.ID], h...)
		}
		for _, e := range d.Evidence[a.ID] {
			r, err := db.OpenBlob(ctx, e.Blob.SHA256)
			if err != nil {
				t.Fatal(err)
			}
			d.Blobs[e.Blob.SHA256], _ = io.ReadAll(r)
			r.Close()
		}
	}
	return d
}

// fill puts a bit of everything into db.
func fill(t *testing.T, db *DB) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(db.SaveProfile(ctx, assessment.Profile{Instansi: "Pemkab Sigi", OPDKode: "DKI", OPDNama: "Diskominfo", Operator: "Rina"}))
	cat := testCatalog(t)
	raw, _ := os.ReadFile(filepath.Join("testdata", "catalog.json"))
	must(db.SaveImportedCatalog(ctx, assessment.ImportedCatalog{ID: cat.ID, Version: cat.Version, SHA256: cat.SHA256(), Source: "catalog.json", Data: raw}))
	a := newAssessment(t, db)
	must(db.SetLevel(ctx, a.ID, 1, 3, "Rina"))
	must(db.SetJustification(ctx, a.ID, 1, "Ada SK.", "Rina"))
	_, err := addBytes(t, db, a.ID, 1, "sk.pdf", []byte("%PDF-1.4 sk"))
	must(err)
	e, err := addBytes(t, db, a.ID, 2, "foto.png", []byte("\x89PNG\r\n\x1a\nfoto"))
	must(err)
	must(db.RemoveEvidence(ctx, e.ID, "Budi"))
}

func backupBytes(t *testing.T, db *DB) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := db.Backup(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func restore(db *DB, b []byte, force bool) (string, error) {
	return db.Restore(context.Background(), bytes.NewReader(b), int64(len(b)), force)
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	src := openTest(t)
	fill(t, src)
	want := dumpAll(t, src)
	archive := backupBytes(t, src)

	dst := openTest(t)
	moved, err := restore(dst, archive, false)
	if err != nil || moved != "" {
		t.Fatalf("restore into empty folder: moved %q, %v", moved, err)
	}
	if diff := cmp.Diff(want, dumpAll(t, dst)); diff != "" {
		t.Errorf("restored data differs (-want +got):\n%s", diff)
	}
	// The removed link survived too: undo still works after restore.
	ev, _ := dst.Evidence(context.Background(), want.Assessments[0].ID)
	if len(ev) != 1 {
		t.Errorf("evidence after restore: %v", ev)
	}
	if files := blobFiles(t, dst); len(files) != 2 {
		t.Errorf("blobs after restore: %v", files)
	}
}

func TestRestoreRefusesExistingDataWithoutForce(t *testing.T) {
	src := openTest(t)
	fill(t, src)
	archive := backupBytes(t, src)

	dst := openTest(t)
	if err := dst.SaveProfile(context.Background(), assessment.Profile{Instansi: "Lama", OPDKode: "L", OPDNama: "Lama", Operator: "L"}); err != nil {
		t.Fatal(err)
	}
	_, err := restore(dst, archive, false)
	var ee *ExistingDataError
	if !errors.As(err, &ee) || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("restore without force: %v", err)
	}
	if p, _ := dst.Profile(context.Background()); p.Instansi != "Lama" {
		t.Error("data changed by a refused restore")
	}
	moved, err := restore(dst, archive, true)
	if err != nil || moved == "" {
		t.Fatalf("restore --force: %q %v", moved, err)
	}
	if p, _ := dst.Profile(context.Background()); p.Instansi != "Pemkab Sigi" {
		t.Errorf("profile after restore = %+v", p)
	}
	if _, err := os.Stat(filepath.Join(moved, dbFileName)); err != nil {
		t.Errorf("old database not kept aside: %v", err)
	}
}

func TestRestoreRefusesDamagedArchive(t *testing.T) {
	src := openTest(t)
	fill(t, src)
	good := backupBytes(t, src)
	cases := map[string][]byte{
		"not a zip": []byte("hello"),
		"truncated": good[:len(good)/2],
		"flipped": rewriteEntry(t, good, func(name string, b []byte) []byte {
			if strings.HasPrefix(name, "blobs/") {
				b[len(b)-1] ^= 1
			}
			return b
		}),
		"no sums": rewriteEntry(t, good, func(name string, b []byte) []byte {
			if name == sumsName {
				return nil
			}
			return b
		}),
		"unlisted entry": rewriteEntry(t, good, func(name string, b []byte) []byte {
			if name == sumsName {
				return bytes.Join(bytes.SplitAfter(b, []byte("\n"))[1:], nil) // drop the first line
			}
			return b
		}),
	}
	for name, archive := range cases {
		t.Run(name, func(t *testing.T) {
			dst := openTest(t)
			before := dumpAll(t, dst)
			_, err := restore(dst, archive, true)
			var ae *ArchiveError
			if !errors.As(err, &ae) {
				t.Fatalf("err = %v, want ArchiveError", err)
			}
			if diff := cmp.Diff(before, dumpAll(t, dst)); diff != "" {
				t.Errorf("data changed:\n%s", diff)
			}
			if left, _ := filepath.Glob(filepath.Join(dst.Dir(), ".pulih-*")); len(left) != 0 {
				t.Errorf("staging left behind: %v", left)
			}
		})
	}
}

// rewriteEntry copies a zip, passing each entry through fn (nil drops it).
func rewriteEntry(t *testing.T, archive []byte, fn func(name string, b []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if fn != nil {
			b = fn(f.Name, b)
		}
		if b == nil {
			continue
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	zw.Close()
	return out.Bytes()
}

func TestRestoreOverCorruptDatabase(t *testing.T) {
	src := openTest(t)
	fill(t, src)
	want := dumpAll(t, src)
	archive := backupBytes(t, src)

	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, dbFileName), bytes.Repeat([]byte("rusak"), 2000), 0o600)
	db, err := Open(dir, TolerateCorrupt())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := restore(db, archive, false); err == nil {
		t.Fatal("restore over a corrupt database without --force succeeded")
	}
	moved, err := restore(db, archive, true)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, dumpAll(t, db)); diff != "" {
		t.Errorf("restored data differs:\n%s", diff)
	}
	if b, _ := os.ReadFile(filepath.Join(moved, dbFileName)); !bytes.HasPrefix(b, []byte("rusak")) {
		t.Error("corrupt file not kept aside")
	}
}

func TestRestoreRefusesNewerBackup(t *testing.T) {
	src := openTest(t)
	fill(t, src)
	var newSum string
	archive := rewriteEntry(t, backupBytes(t, src), func(name string, b []byte) []byte {
		if name == archiveDB {
			b[63] = 99 // user_version 99, from a future version
			sum := sha256.Sum256(b)
			newSum = hex.EncodeToString(sum[:])
		}
		return b
	})
	archive = rewriteEntry(t, archive, func(name string, b []byte) []byte {
		if name != sumsName {
			return b
		}
		var out []string
		for _, l := range strings.SplitAfter(string(b), "\n") {
			if strings.HasSuffix(l, "  "+archiveDB+"\n") {
				l = newSum + "  " + archiveDB + "\n"
			}
			out = append(out, l)
		}
		return []byte(strings.Join(out, ""))
	})
	dst := openTest(t)
	_, err := restore(dst, archive, true)
	var ae *ArchiveError
	if !errors.As(err, &ae) || !strings.Contains(err.Error(), "lebih baru") {
		t.Fatalf("restore of a newer backup: %v", err)
	}
}

func TestBackupFailsOnMissingEvidenceFile(t *testing.T) {
	db := openTest(t)
	fill(t, db)
	ev, _ := db.Evidence(context.Background(), dumpAll(t, db).Assessments[0].ID)
	os.Remove(db.BlobPath(ev[0].Blob.SHA256))
	err := db.Backup(context.Background(), io.Discard)
	if err == nil || !strings.Contains(err.Error(), "hilang") {
		t.Fatalf("Backup with a missing evidence file: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(db.Dir(), snapshotPrefix+"*")); len(left) != 0 {
		t.Errorf("snapshot left behind: %v", left)
	}
}
