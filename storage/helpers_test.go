package storage

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/sqlitedb"
)

// testCatalog loads the small fixture catalog (4 indicators).
func testCatalog(t testing.TB) *assessment.Catalog {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := assessment.ParseCatalog("catalog.json", b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// fixedClock returns a clock that advances one second per call.
func fixedClock() func() time.Time {
	t := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

// openTest opens a fresh data folder that is closed when the test ends.
func openTest(t testing.TB, opts ...Option) *DB {
	t.Helper()
	return openAt(t, t.TempDir(), opts...)
}

func openAt(t testing.TB, dir string, opts ...Option) *DB {
	t.Helper()
	db, err := Open(dir, append([]Option{WithClock(fixedClock())}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// newAssessment creates an assessment on the fixture catalog.
func newAssessment(t testing.TB, db *DB) assessment.Assessment {
	t.Helper()
	a, err := db.CreateAssessment(context.Background(), testCatalog(t), 2025)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// newDBPrefix and fileURI name what the one SQLite setup does, for the
// tests that check or bypass it.
const newDBPrefix = sqlitedb.NewDBPrefix

func fileURI(path string) string { return sqlitedb.FileURI(path) }
