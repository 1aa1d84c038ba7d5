package asesor

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// library holds the given catalogs, as assets.Library() holds the embedded ones.
func library(t testing.TB, cats ...*assessment.Catalog) *assessment.Library {
	t.Helper()
	lib := &assessment.Library{}
	for _, c := range cats {
		if err := lib.Add(c, assessment.OriginEmbedded, c.ID+".json"); err != nil {
			t.Fatal(err)
		}
	}
	return lib
}

// alteredCatalog is the test catalog with the same id and version but
// another title: other content, other SHA-256.
func alteredCatalog(t testing.TB) *assessment.Catalog {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "assets", "catalogs", "pemdi-2026.json"))
	if err != nil {
		t.Fatal(err)
	}
	c := testCatalog(t)
	data = []byte(strings.Replace(string(data), `"title": "`, `"title": "DIUBAH `, 1))
	alt, err := assessment.ParseCatalog("diubah.json", data)
	if err != nil || alt.SHA256() == c.SHA256() || alt.Version != c.Version {
		t.Fatalf("altered catalog: %v", err)
	}
	return alt
}

func otherCatalog(t testing.TB) *assessment.Catalog {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "assets", "catalogs", "spbe-2020.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := assessment.ParseCatalog("spbe-2020.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestImportKnownCatalogPolicy(t *testing.T) {
	for _, tc := range []struct {
		name     string
		lib      func(t *testing.T) *assessment.Library
		code     string
		mentions []string
	}{
		{"unknown id", func(t *testing.T) *assessment.Library { return library(t, otherCatalog(t)) }, intake.RejectUnknownCatalog,
			[]string{"pemdi-2026", "2026.0.1-provisional", "perbarui SPBE Mandiri"}},
		{"altered content", func(t *testing.T) *assessment.Library { return library(t, alteredCatalog(t)) }, intake.RejectCatalogMismatch,
			[]string{"pemdi-2026", "telah diubah"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWS(t, WithLibrary(tc.lib(t)))
			a := newOPD("DISKOMINFO", 1)
			addKey(t, w, a, "")
			p, _ := a.write(t, t.TempDir(), spec{seq: 1})
			got := importOne(t, w, p)
			if !got.Rejected() || got.Code != tc.code {
				t.Fatalf("got %+v, want rejected %s", got, tc.code)
			}
			for _, m := range tc.mentions {
				if !strings.Contains(got.Reason, m) {
					t.Errorf("reason %q does not mention %q", got.Reason, m)
				}
			}
			if nb, _, _, _, nf := counts(t, w); nb != 0 || nf != 0 {
				t.Fatalf("a refused bundle stored %d bundles, %d files", nb, nf)
			}
		})
	}

	// Without a library (older callers, tests): accepted as before.
	w := openWS(t)
	a := newOPD("DISKOMINFO", 1)
	addKey(t, w, a, "")
	p, _ := a.write(t, t.TempDir(), spec{seq: 1})
	if got := importOne(t, w, p); got.Kind != intake.KindNew {
		t.Fatalf("without library: %+v", got)
	}
}

// heavierFirst is the test catalog with the first indicator weighing
// much more: an OPD program scoring on it claims another index.
func heavierFirst(t testing.TB) *assessment.Catalog {
	alt := *testCatalog(t)
	alt.Indicators = append([]assessment.Indicator(nil), alt.Indicators...)
	alt.Indicators[0].Weight = json.Number("40")
	return &alt
}

func TestRecapRecomputesIndex(t *testing.T) {
	ctx := context.Background()
	w := openWS(t, WithLibrary(library(t, testCatalog(t))))
	a, b := newOPD("BAPPEDA", 1), newOPD("DISKOMINFO", 2)
	addKey(t, w, a, "")
	addKey(t, w, b, "")
	dir := t.TempDir()
	pa, _ := a.write(t, dir, spec{seq: 1, level: 5})
	pb, _ := b.write(t, dir, spec{seq: 1, level: 5, scoreOn: heavierFirst(t)})
	if _, err := w.Import(ctx, []string{pa, pb}, nil); err != nil {
		t.Fatal(err)
	}
	rows, err := w.Recap(ctx)
	if err != nil || len(rows) != 2 {
		t.Fatalf("recap: %+v %v", rows, err)
	}
	honest, claimed := rows[0], rows[1]
	if !honest.Recomputed || honest.IndexMismatch || honest.Index == "" || honest.Index != honest.ClaimedIndex {
		t.Fatalf("honest OPD: %+v", honest)
	}
	if !claimed.Recomputed || !claimed.IndexMismatch || claimed.Index != honest.Index || claimed.ClaimedIndex == claimed.Index {
		t.Fatalf("OPD claiming another index: %+v (honest %s)", claimed, honest.Index)
	}
	if claimed.Total != len(testCatalog(t).Indicators) || claimed.Complete {
		t.Fatalf("recomputed completeness: %+v", claimed)
	}
}

func TestOpenRecomputesOldRows(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), DirName)
	w, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	a := newOPD("DISKOMINFO", 1)
	addKey(t, w, a, "")
	p, _ := a.write(t, t.TempDir(), spec{seq: 1, scoreOn: heavierFirst(t)})
	importOne(t, w, p)
	rows, _ := w.Recap(ctx)
	if len(rows) != 1 || rows[0].Recomputed || rows[0].IndexMismatch {
		t.Fatalf("before the library: %+v", rows)
	}
	w.Close()

	w, err = Open(dir, WithLibrary(library(t, testCatalog(t))))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	rows, _ = w.Recap(ctx)
	if len(rows) != 1 || !rows[0].Recomputed || !rows[0].IndexMismatch {
		t.Fatalf("after reopening with the library: %+v", rows)
	}
}

func TestCreatedAtWarnings(t *testing.T) {
	importAt := time.Date(2026, 5, 10, 8, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		created time.Time
		want    string // "" = no warning
	}{
		{"plausible", time.Date(2026, 5, 9, 23, 0, 0, 0, time.UTC), ""},
		{"within a day ahead", importAt.Add(20 * time.Hour), ""},
		{"days ahead", importAt.Add(72 * time.Hour), "lebih dari sehari setelah waktu impor"},
		{"far from the periode", time.Date(2023, 5, 9, 0, 0, 0, 0, time.UTC), "periode 2026 dibuat tahun 2023"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := openWS(t, WithClock(func() time.Time { return importAt }))
			a := newOPD("DISKOMINFO", 1)
			addKey(t, w, a, "")
			p, _ := a.write(t, t.TempDir(), spec{seq: 1, created: tc.created})
			got := importOne(t, w, p)
			if got.Kind != intake.KindNew {
				t.Fatalf("a warning must not refuse: %+v", got)
			}
			if tc.want == "" && len(got.Warnings) != 0 || tc.want != "" && (len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0], tc.want)) {
				t.Fatalf("warnings %q, want %q", got.Warnings, tc.want)
			}
		})
	}

	t.Run("newer version made earlier", func(t *testing.T) {
		w := openWS(t, WithClock(func() time.Time { return importAt }))
		a := newOPD("DISKOMINFO", 1)
		addKey(t, w, a, "")
		dir := t.TempDir()
		p1, r1 := a.write(t, dir, spec{seq: 1, created: time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)})
		p2, _ := a.write(t, dir, spec{seq: 2, supersedes: sup(r1), level: 4, created: time.Date(2026, 5, 2, 10, 0, 0, 0, time.UTC)})
		importOne(t, w, p1)
		got := importOne(t, w, p2)
		if got.Kind != intake.KindNewVersion || len(got.Warnings) != 1 || !strings.Contains(got.Warnings[0], "nomor urut 1") {
			t.Fatalf("got %+v", got)
		}
	})
}

func TestAcceptBundleSettlesConflict(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	a := newOPD("DISKOMINFO", 1)
	addKey(t, w, a, "")
	dir := t.TempDir()
	p1, r1 := a.write(t, dir, spec{seq: 1})
	p2, r2 := a.write(t, dir, spec{seq: 2, level: 5}) // does not supersede: konflik
	importOne(t, w, p1)
	if got := importOne(t, w, p2); got.Kind != intake.KindConflict {
		t.Fatalf("setup: %+v", got)
	}

	acc, err := w.AcceptBundle(ctx, r2.BundleID[:len(r2.BundleID)-2], "Budi")
	if err != nil {
		t.Fatal(err)
	}
	if acc.BundleID != r2.BundleID || acc.PreviousID != r1.BundleID || len(acc.Superseded) != 1 || acc.Superseded[0] != r1.BundleID {
		t.Fatalf("acceptance: %+v", acc)
	}
	if statusOf(t, w, r2.BundleID) != "accepted" || statusOf(t, w, r1.BundleID) != "superseded" {
		t.Fatal("statuses after accepting the conflict bundle")
	}
	rows, _ := w.Recap(ctx)
	if len(rows) != 1 || rows[0].BundleID != r2.BundleID || rows[0].Conflicts != 0 || rows[0].Versions != 2 {
		t.Fatalf("recap after settling: %+v", rows)
	}

	// The same choice again changes nothing and records nothing.
	if acc, err := w.AcceptBundle(ctx, r2.BundleID, "Budi"); err != nil || acc.Changed() {
		t.Fatalf("again: %+v %v", acc, err)
	}
	// Back to the first: allowed, recorded.
	if _, err := w.AcceptBundle(ctx, r1.BundleID, "Sari"); err != nil {
		t.Fatal(err)
	}
	log, err := w.Acceptances(ctx, "DISKOMINFO", 2026)
	if err != nil || len(log) != 2 || log[0].DecidedBy != "Budi" || log[1].BundleID != r1.BundleID || log[1].PreviousID != r2.BundleID {
		t.Fatalf("acceptance log: %+v %v", log, err)
	}
	if _, err := w.sql.Exec(`DELETE FROM acceptance`); err == nil {
		t.Fatal("the acceptance log must be append-only")
	}

	// A new version superseding the accepted one is accepted normally.
	p3, _ := a.write(t, dir, spec{seq: 3, supersedes: sup(r1), level: 2})
	if got := importOne(t, w, p3); got.Kind != intake.KindNewVersion {
		t.Fatalf("after settling, a new version: %+v", got)
	}
}

func TestAcceptBundleRefusesRevokedKey(t *testing.T) {
	ctx := context.Background()
	w := openWS(t)
	a := newOPD("DISKOMINFO", 1)
	k := addKey(t, w, a, "")
	dir := t.TempDir()
	p1, r1 := a.write(t, dir, spec{seq: 1})
	p2, r2 := a.write(t, dir, spec{seq: 2, level: 5})
	importOne(t, w, p1)
	importOne(t, w, p2)
	if _, err := w.RevokeKey(ctx, k.KeyID); err != nil {
		t.Fatal(err)
	}
	_, err := w.AcceptBundle(ctx, r2.BundleID, "Budi")
	var in *InputError
	if !errors.As(err, &in) || !strings.Contains(err.Error(), "dicabut") {
		t.Fatalf("got %v, want a refusal naming the revoked key", err)
	}
	if statusOf(t, w, r1.BundleID) != "accepted" || statusOf(t, w, r2.BundleID) != "conflict" {
		t.Fatal("a refused acceptance changed the statuses")
	}
	if _, err := w.AcceptBundle(ctx, "tidak-ada-bundel", "Budi"); !errors.Is(err, ErrUnknownBundle) {
		t.Fatalf("unknown bundle: %v", err)
	}
}
