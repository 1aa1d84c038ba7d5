package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestSecondOpenIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, dir)
	_, err := Open(dir)
	var le *LockedError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "sedang dipakai") {
		t.Fatalf("second Open = %v, want LockedError", err)
	}
	db.Close()
	db2, err := Open(dir)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	db2.Close()
}

func TestCorruptDatabase(t *testing.T) {
	cases := map[string][]byte{
		"garbage":   []byte(strings.Repeat("bukan basis data ", 512)),
		"truncated": []byte("SQLite format 3\x00abc"),
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, dbFileName)
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(dir)
			var ce *CorruptError
			if !errors.As(err, &ce) || !strings.Contains(err.Error(), "spbe-mandiri restore") {
				t.Fatalf("Open = %v, want CorruptError pointing at restore", err)
			}
			if got, _ := os.ReadFile(path); string(got) != string(content) {
				t.Error("corrupt file was modified")
			}
		})
	}
}

func TestCorruptPages(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, dir)
	a := newAssessment(t, db)
	for i := 1; i <= 4; i++ {
		if err := db.SetJustification(context.Background(), a.ID, i, strings.Repeat("teks panjang ", 2000), "x"); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	path := filepath.Join(dir, dbFileName)
	b, _ := os.ReadFile(path)
	// Overwrite everything after the first page with garbage, keeping the header.
	for i := 4096; i < len(b); i++ {
		b[i] = byte(i * 7)
	}
	os.WriteFile(path, b, 0o600)
	_, err := Open(dir)
	var ce *CorruptError
	if !errors.As(err, &ce) {
		t.Fatalf("Open = %v, want CorruptError", err)
	}
	db, err = Open(dir, TolerateCorrupt())
	if err != nil {
		t.Fatalf("Open TolerateCorrupt = %v", err)
	}
	defer db.Close()
	if _, err := db.Assessments(context.Background()); !errors.As(err, &ce) {
		t.Errorf("Assessments on corrupt db = %v, want CorruptError", err)
	}
}

func TestResolveDataDir(t *testing.T) {
	t.Setenv(EnvDataDir, "")
	def, err := DefaultDataDir()
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := ResolveDataDir(""); got != def {
		t.Errorf("default = %q, want %q", got, def)
	}
	env := t.TempDir()
	t.Setenv(EnvDataDir, env)
	if got, _ := ResolveDataDir(""); got != env {
		t.Errorf("env = %q, want %q", got, env)
	}
	flag := t.TempDir()
	if got, _ := ResolveDataDir(flag); got != flag {
		t.Errorf("flag = %q, want %q", got, flag)
	}
}

func TestPathWithSpecialCharacters(t *testing.T) {
	name := "Data OPD #1 %20 ?x"
	if runtime.GOOS == "windows" {
		name = "Data OPD #1 %20 x" // '?' is not allowed in a Windows name
	}
	dir := filepath.Join(t.TempDir(), name)
	db := openAt(t, dir)
	newAssessment(t, db)
	if _, err := os.Stat(filepath.Join(dir, dbFileName)); err != nil {
		t.Fatalf("database not at the expected path: %v", err)
	}
}

func TestOpenRemovesCrashLeftovers(t *testing.T) {
	dir := t.TempDir()
	db := openAt(t, dir)
	db.Close()
	left := []string{
		filepath.Join(dir, blobDirName, tempPrefix+"123"),
		filepath.Join(dir, snapshotPrefix+"abc.db"),
		filepath.Join(dir, stagingPrefix+"xyz", "blobs", "ab", "f"),
		// a journal being written (atomicfile's temp) and one from before it
		filepath.Join(dir, "."+journalName+".0123456789abcdef.partial"),
		filepath.Join(dir, journalName+tempPrefix+"0123"),
	}
	for _, p := range left {
		os.MkdirAll(filepath.Dir(p), 0o700)
		os.WriteFile(p, []byte("setengah"), 0o600)
	}
	openAt(t, dir)
	for _, p := range append(left, filepath.Join(dir, stagingPrefix+"xyz")) {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s survived Open", p)
		}
	}
}
