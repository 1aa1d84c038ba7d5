package syncserver

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
)

// Kobo's race: 20 clients push the same bundle at once (retries of one
// export, or the same file from two laptops) while a conflicting bundle of
// the same OPD + periode arrives. Exactly one is baru, the other 19 are
// sudah diimpor (with the same receipt), the conflicting one is konflik —
// and the database holds exactly one accepted bundle.
func TestConcurrentPushes(t *testing.T) {
	e := newEnv(t)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	a := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000031", seq: 1, evidence: [][]byte{randomBytes(300 << 10), []byte("SK")}})
	b := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000032", seq: 2, level: 2, evidence: [][]byte{[]byte("notulen")}})

	const n = 20
	results := make([]syncapi.Answer, n)
	codes := make([]int, n)
	firstDone := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	start := make(chan struct{})
	var aw sync.WaitGroup // the pushes of a
	for i := range n {
		wg.Add(1)
		aw.Add(1)
		go func() {
			defer wg.Done()
			defer aw.Done()
			c := e.client()
			<-start
			codes[i], results[i] = pushUntilDecided(c, a)
			if r := results[i].Outcome; r == syncapi.OutcomeNew || r == syncapi.OutcomeDuplicate {
				once.Do(func() { close(firstDone) })
			}
		}()
	}
	go func() { // no push of a decided: let b go on, the checks below fail
		aw.Wait()
		once.Do(func() { close(firstDone) })
	}()
	var bCode int
	var bAns syncapi.Answer
	wg.Add(1)
	go func() {
		defer wg.Done()
		c := e.client()
		<-start
		// The conflicting bundle announces and uploads alongside; it
		// completes once one push of a is decided (a higher sequence
		// decided first would make a a replay: ditolak sequence, by the
		// desktop's own rule), while the other 19 are still in flight.
		code, ans, err := c.announce(b)
		if err != nil || code != http.StatusAccepted {
			t.Errorf("announce b: %d %v %+v", code, err, ans.Error)
			return
		}
		for _, f := range ans.Missing {
			if err := c.upload(b, f, 50); err != nil {
				t.Error(err)
				return
			}
		}
		<-firstDone
		bCode, bAns, _ = c.completeReq(b)
	}()
	close(start)
	wg.Wait()

	count := map[string]int{}
	var receipt []byte
	for i, r := range results {
		count[r.Outcome]++
		if r.Outcome == syncapi.OutcomeNew {
			receipt = r.Receipt
		}
		if r.Outcome != syncapi.OutcomeNew && r.Outcome != syncapi.OutcomeDuplicate {
			t.Errorf("push %d: %d %q %+v", i, codes[i], r.Outcome, r.Error)
		}
	}
	if count[syncapi.OutcomeNew] != 1 || count[syncapi.OutcomeDuplicate] != n-1 {
		t.Fatalf("outcomes %v, want 1 baru and %d sudah diimpor", count, n-1)
	}
	for _, r := range results {
		if string(r.Receipt) != string(receipt) {
			t.Fatal("a repeat got another receipt than the first decision")
		}
	}
	if bCode != http.StatusCreated || bAns.Outcome != syncapi.OutcomeConflict {
		t.Fatalf("conflicting bundle: %d %q %+v", bCode, bAns.Outcome, bAns.Error)
	}
	var accepted, conflict int
	if err := e.db.Pool.QueryRow(t.Context(), `SELECT count(*) FILTER (WHERE status = 'accepted'), count(*) FILTER (WHERE status = 'conflict') FROM bundle`).
		Scan(&accepted, &conflict); err != nil {
		t.Fatal(err)
	}
	if accepted != 1 || conflict != 1 {
		t.Fatalf("database: %d accepted, %d conflict", accepted, conflict)
	}
}

// pushUntilDecided pushes m again while the server answers with a
// retryable refusal (busy under load): the race under test is between
// decisions, and b must only complete once a push of a was decided — an
// early retryable answer must not open that gate.
func pushUntilDecided(c *client, m made) (int, syncapi.Answer) {
	for range 20 {
		code, a := c.push(m)
		if a.Outcome != "" || a.Error == nil || !a.Error.Retry {
			return code, a
		}
		time.Sleep(50 * time.Millisecond)
	}
	return c.push(m)
}

// Two different bundles of one OPD + periode racing to complete: whatever
// the order, the database never holds two accepted ones.
func TestRaceNeverTwoAccepted(t *testing.T) {
	e := newEnv(t)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	var ms []made
	for i := range 6 {
		ms = append(ms, makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-00000000004" + string(rune('0'+i)), seq: uint64(i + 1),
			level: 1 + i%5, evidence: [][]byte{randomBytes(1000 + i)}}))
	}
	var wg sync.WaitGroup
	for _, m := range ms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Millisecond)
			e.client().push(m)
		}()
	}
	wg.Wait()
	var accepted int
	if err := e.db.Pool.QueryRow(t.Context(), `SELECT count(*) FROM bundle WHERE status = 'accepted'`).Scan(&accepted); err != nil {
		t.Fatal(err)
	}
	if accepted != 1 {
		t.Fatalf("%d accepted bundles for one OPD + periode", accepted)
	}
}
