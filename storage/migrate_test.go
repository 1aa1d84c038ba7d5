package storage

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// schemaOf lists the schema objects and the header fields of a closed
// database file, read through a separate connection.
func schemaOf(t *testing.T, path string) (objects []string, version, appID int) {
	t.Helper()
	pool, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	rows, err := pool.Query(`SELECT type || ' ' || name FROM sqlite_schema ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		objects = append(objects, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if err := pool.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	if err := pool.QueryRow(`PRAGMA application_id`).Scan(&appID); err != nil {
		t.Fatal(err)
	}
	return objects, version, appID
}

func TestMigrationsFresh(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, dir)
	db.Close()
	objs, v, app := schemaOf(t, filepath.Join(dir, dbFileName))
	if v != len(embeddedMigrations()) || app != applicationID {
		t.Errorf("user_version %d application_id %#x", v, app)
	}
	for _, want := range []string{"table answer", "table history", "trigger history_no_update", "table blob"} {
		if !contains(objs, want) {
			t.Errorf("schema lacks %q: %v", want, objs)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, s := range xs {
		if s == x {
			return true
		}
	}
	return false
}

var testSteps = []migration{
	{Version: 1, Name: "one", SQL: `CREATE TABLE a (x INTEGER) STRICT;`},
	{Version: 2, Name: "two", SQL: `CREATE TABLE b (y INTEGER) STRICT; INSERT INTO a VALUES (1);`},
	{Version: 3, Name: "three", SQL: `CREATE TABLE c (z INTEGER) STRICT;`},
}

func TestMigrationsStepByStep(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, dbFileName)
	for n := 1; n <= len(testSteps); n++ {
		db, err := Open(dir, withMigrations(testSteps[:n]))
		if err != nil {
			t.Fatalf("step %d: %v", n, err)
		}
		db.Close()
		objs, v, _ := schemaOf(t, path)
		if v != n || len(objs) != n {
			t.Fatalf("after step %d: version %d objects %v", n, v, objs)
		}
	}
}

func TestMigrationFailureLeavesDatabaseUnchanged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, dbFileName)
	db, err := Open(dir, withMigrations(testSteps[:1]))
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	beforeObjs, beforeV, _ := schemaOf(t, path)

	broken := append(append([]migration{}, testSteps[:1]...),
		migration{Version: 2, Name: "broken", SQL: `CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1);`})
	_, err = Open(dir, withMigrations(broken))
	var me *MigrationError
	if !errors.As(err, &me) || me.Version != 2 {
		t.Fatalf("Open with broken migration: %v, want *MigrationError for 2", err)
	}
	if !strings.Contains(err.Error(), "tidak diubah") {
		t.Errorf("message %q does not say the database is unchanged", err)
	}
	afterObjs, afterV, _ := schemaOf(t, path)
	if afterV != beforeV || !cmp.Equal(beforeObjs, afterObjs) {
		t.Errorf("schema changed: v%d %v → v%d %v", beforeV, beforeObjs, afterV, afterObjs)
	}
	// The lock was released: the folder opens again with good migrations.
	db, err = Open(dir, withMigrations(testSteps))
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	db.Close()
}

// writeDB creates a database file with the given header values and a table.
func writeDB(t *testing.T, path string, appID, version int) {
	t.Helper()
	pool, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	for _, s := range []string{
		`CREATE TABLE other (x)`,
		`PRAGMA application_id = ` + strconv.Itoa(appID),
		`PRAGMA user_version = ` + strconv.Itoa(version),
	} {
		if _, err := pool.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRefusesWithoutTouchingFile(t *testing.T) {
	known := len(embeddedMigrations())
	cases := []struct {
		name           string
		appID, version int
		check          func(error) bool
		wantMsg        string
	}{
		{"newer", applicationID, known + 1, func(e error) bool { var x *NewerDatabaseError; return errors.As(e, &x) }, "lebih baru"},
		{"foreign", 0x12345678, 1, func(e error) bool { var x *ForeignDatabaseError; return errors.As(e, &x) }, "bukan basis data SPBE Mandiri"},
		{"foreign without id", 0, 0, func(e error) bool { var x *ForeignDatabaseError; return errors.As(e, &x) }, "bukan basis data SPBE Mandiri"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, dbFileName)
			writeDB(t, path, tc.appID, tc.version)
			before, _ := os.ReadFile(path)
			_, err := Open(dir)
			if err == nil || !tc.check(err) || !strings.Contains(err.Error(), tc.wantMsg) {
				t.Fatalf("Open = %v", err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("database file was modified")
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + side); err == nil {
					t.Errorf("%s created", side)
				}
			}
		})
	}
}

func TestNewerInWALRefused(t *testing.T) {
	// The header may be stale while the change sits in the WAL: a newer
	// version recorded only there is still refused.
	dir := t.TempDir()
	db := openAt(t, dir)
	if _, err := db.sql.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	db.sql.Exec(`PRAGMA wal_autocheckpoint = 0`)
	db.lock.Unlock() // simulate a crash: no checkpoint, lock released by the OS
	_, err := Open(dir)
	var ne *NewerDatabaseError
	if !errors.As(err, &ne) || ne.Have != 99 {
		t.Fatalf("Open = %v, want NewerDatabaseError 99", err)
	}
}
