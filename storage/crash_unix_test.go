//go:build unix

package storage

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCrashKeepsAcknowledgedWrites SIGKILLs a writer child at random
// moments and checks that every write it acknowledged survived and that
// the database is intact. SPBE_CRASH_KILLS sets the number of kills
// (default 30; use 500 for the long run).
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	kills := 30
	if s := os.Getenv("SPBE_CRASH_KILLS"); s != "" {
		kills, _ = strconv.Atoi(s)
	}
	if testing.Short() {
		kills = 5
	}
	dir := t.TempDir()
	id := prepareCrashFolder(t, dir)
	var acks []string
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	for run := 0; run < kills; run++ {
		acks = append(acks, killChild(t, dir, id, run, rng)...)
	}
	if len(acks) == 0 {
		t.Fatal("no write was acknowledged before a kill; the test proves nothing")
	}
	verifyAcks(t, dir, id, acks)
	t.Logf("%d kills, %d acknowledged writes, all present", kills, len(acks))
}

func prepareCrashFolder(t *testing.T, dir string) string {
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a, err := db.CreateAssessment(context.Background(), testCatalog(t), 2025)
	if err != nil {
		t.Fatal(err)
	}
	return a.ID
}

// killChild starts a writer and SIGKILLs it: usually a random 0–40 ms
// after it opened the folder, sometimes at a random moment of start-up
// (during Open, recovery or migration). It returns the acknowledged lines.
func killChild(t *testing.T, dir, id string, run int, rng *rand.Rand) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+dir, crashRunEnv+"="+strconv.Itoa(run), crashIDEnv+"="+id)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1<<16)
	go readLines(stdout, lines)
	delay := time.Duration(rng.IntN(40_000)) * time.Microsecond
	if rng.IntN(5) > 0 {
		if first, ok := <-lines; ok && first != "ready" {
			t.Fatalf("run %d: child said %q", run, first)
		}
	}
	time.Sleep(delay)
	cmd.Process.Signal(syscall.SIGKILL)
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("run %d: child ended by itself (%v): %s", run, err, stderr.String())
	}
	var acks []string
	for l := range lines {
		if l != "ready" {
			acks = append(acks, l)
		}
	}
	return acks
}

// readLines sends every complete line; a line cut by the kill is dropped.
func readLines(r io.Reader, out chan<- string) {
	defer close(out)
	br := bufio.NewReader(r)
	for {
		l, err := br.ReadString('\n')
		if err != nil {
			return
		}
		out <- strings.TrimSuffix(l, "\n")
	}
}

func verifyAcks(t *testing.T, dir, id string, acks []string) {
	t.Helper()
	db, err := Open(dir)
	if err != nil {
		t.Fatalf("open after crashes: %v", err)
	}
	defer db.Close()
	ctx := context.Background()
	just := map[string]bool{}
	for ind := 1; ind <= 4; ind++ {
		h, err := db.History(ctx, id, ind)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range h {
			just[fmt.Sprintf("%d %s", c.Indicator, c.New)] = true
		}
	}
	ev, err := db.Evidence(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	evidence := map[string]bool{}
	for _, e := range ev {
		evidence[fmt.Sprintf("%d %s", e.ID, e.Blob.SHA256)] = true
	}
	for _, a := range acks {
		kind, rest, _ := strings.Cut(a, " ")
		switch {
		case kind == "j" && !just[rest]:
			t.Errorf("acknowledged justification lost: %s", rest)
		case kind == "e" && !evidence[rest]:
			t.Errorf("acknowledged evidence lost: %s", rest)
		case kind == "e":
			checkBlob(t, db, rest[strings.IndexByte(rest, ' ')+1:])
		}
	}
	var res string
	if err := db.sql.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Errorf("integrity_check = %q, %v", res, err)
	}
}

func checkBlob(t *testing.T, db *DB, sum string) {
	t.Helper()
	b, err := os.ReadFile(db.BlobPath(sum))
	if err != nil {
		t.Errorf("blob %s: %v", sum, err)
		return
	}
	if got := sha256.Sum256(b); hex.EncodeToString(got[:]) != sum {
		t.Errorf("blob %s has other content", sum)
	}
}
