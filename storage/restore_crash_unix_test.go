//go:build unix

package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// installation is what the restore crash test compares: everything a user
// sees, and the evidence files on disk.
type installation struct {
	dump  dump
	blobs []string
}

// TestRestoreCrashAtEveryStep SIGKILLs `restore --force` after each of its
// durable steps in turn (and the recovery at the next starts twice more),
// then opens the folder: it must hold exactly the old installation or
// exactly the restored one, with every evidence file readable and matching
// its hash, no journal or staging left, and — once restored — the old
// installation complete in its "sebelum-pulih-…" folder.
func TestRestoreCrashAtEveryStep(t *testing.T) {
	tmpl := filepath.Join(t.TempDir(), "lama")
	old := makeOldInstallation(t, tmpl)
	src := openTest(t)
	fill(t, src)
	restored := installation{dump: dumpAll(t, src), blobs: blobNames(t, src.Dir())}
	archive := filepath.Join(t.TempDir(), "cadangan.zip")
	if err := os.WriteFile(archive, backupBytes(t, src), 0o600); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for n := 1; ; n++ {
		dir := filepath.Join(t.TempDir(), "data")
		copyTree(t, tmpl, dir)
		finished := runRestoreChild(t, dir, archive, n)
		if !finished {
			// More crashes, during the recovery at the next starts: right
			// after its first step, then at a later one.
			runRestoreChild(t, dir, "", 1)
			runRestoreChild(t, dir, "", 2+n%6)
		}
		seen[checkOldOrRestored(t, dir, old, restored)]++
		if finished {
			t.Logf("%d steps; after a kill: %v", n-1, seen)
			break
		}
		if n > 200 {
			t.Fatal("restore never finished")
		}
	}
	if seen["old"] == 0 || seen["restored"] < 2 {
		t.Errorf("kills did not cover both outcomes: %v", seen)
	}
}

func makeOldInstallation(t *testing.T, dir string) installation {
	t.Helper()
	db, err := Open(dir, WithClock(fixedClock()))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if err := db.SaveProfile(ctx, assessment.Profile{Instansi: "Pemkab Lama", OPDKode: "LMA", OPDNama: "Dinas Lama", Operator: "Sari"}); err != nil {
		t.Fatal(err)
	}
	a := newAssessment(t, db)
	if err := db.SetJustification(ctx, a.ID, 2, "Catatan lama.", "Sari"); err != nil {
		t.Fatal(err)
	}
	for i, content := range []string{"%PDF-1.4 lama satu", "%PDF-1.4 lama dua"} {
		if _, err := addBytes(t, db, a.ID, 1+i, "lama.pdf", []byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	return installation{dump: dumpAll(t, db), blobs: blobNames(t, dir)}
}

// runRestoreChild runs restoreChild; true when it finished by itself.
func runRestoreChild(t *testing.T, dir, archive string, killAt int) bool {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), restoreChildEnv+"="+dir, restoreArchiveEnv+"="+archive, restoreKillEnv+"="+strconv.Itoa(killAt))
	var out, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err := cmd.Run()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
		return false
	}
	if err != nil || !strings.HasPrefix(out.String(), "steps ") {
		t.Fatalf("child (kill at %d, archive %q): %v\n%s%s", killAt, archive, err, out.String(), stderr.String())
	}
	return true
}

// checkOldOrRestored opens dir and names which installation it holds.
func checkOldOrRestored(t *testing.T, dir string, old, restored installation) string {
	t.Helper()
	got := openInstallation(t, dir)
	for _, left := range []string{journalName, stagingPrefix + "*", newDBPrefix + "*"} {
		if m, _ := filepath.Glob(filepath.Join(dir, left)); len(m) > 0 {
			t.Errorf("left behind after recovery: %v", m)
		}
	}
	aside, _ := filepath.Glob(filepath.Join(dir, "sebelum-pulih-*"))
	switch {
	case cmp.Equal(got, old, cmp.AllowUnexported(installation{})):
		if len(aside) != 0 {
			t.Errorf("old installation live, yet something was moved aside: %v", aside)
		}
		return "old"
	case cmp.Equal(got, restored, cmp.AllowUnexported(installation{})):
		if len(aside) != 1 {
			t.Fatalf("restored, but the old installation is not in one sebelum-pulih folder: %v", aside)
		}
		copyOfOld := filepath.Join(t.TempDir(), "disisihkan")
		copyTree(t, aside[0], copyOfOld)
		if diff := cmp.Diff(old, openInstallation(t, copyOfOld), cmp.AllowUnexported(installation{})); diff != "" {
			t.Errorf("the moved-aside installation is not the old one:\n%s", diff)
		}
		return "restored"
	}
	t.Fatalf("neither the old nor the restored installation:\n%s", cmp.Diff(restored, got, cmp.AllowUnexported(installation{})))
	return ""
}

func openInstallation(t *testing.T, dir string) installation {
	t.Helper()
	db, err := Open(dir)
	if err != nil {
		t.Fatalf("open after the crash: %v", err)
	}
	defer db.Close()
	in := installation{dump: dumpAll(t, db), blobs: blobNames(t, dir)}
	for sum, b := range in.dump.Blobs {
		if h := sha256.Sum256(b); hex.EncodeToString(h[:]) != sum {
			t.Errorf("evidence %s has other content", sum)
		}
	}
	var res string
	if err := db.sql.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Errorf("integrity_check = %q, %v", res, err)
	}
	return in
}

// blobNames lists the evidence files of a data folder, re-hashing each.
func blobNames(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(filepath.Join(dir, blobDirName), func(p string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			sum, _, herr := hashFile(p)
			if herr != nil || sum != fi.Name() {
				t.Errorf("evidence file %s does not match its name", p)
			}
			out = append(out, fi.Name())
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// copyTree copies a data folder (regular files and folders).
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if fi.IsDir() {
			return os.MkdirAll(dst, 0o700)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(dst)
		if err != nil {
			return err
		}
		_, err = io.Copy(out, in)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
