package app

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// saverRig is a saver on a mailbox-driven job queue, without any window.
type saverRig struct {
	box    *mailbox
	j      *jobs
	s      *saver
	states []saveState
}

func newSaverRig(t *testing.T) *saverRig {
	test.NewTempApp(t)
	r := &saverRig{box: &mailbox{}}
	r.j = newJobs(context.Background(), r.box.post)
	r.s = newSaver(r.j, time.Hour, func() time.Time { return clock }, func(st saveState, _ time.Time, _ error) {
		r.states = append(r.states, st)
	})
	return r
}

func (r *saverRig) settle() {
	for {
		r.j.wait()
		fns := r.box.take()
		if len(fns) == 0 {
			return
		}
		for _, f := range fns {
			f()
		}
	}
}

func TestSaverWritesOnlyTheNewestEditInOrder(t *testing.T) {
	r := newSaverRig(t)
	var mu sync.Mutex
	var written []string
	w := func(v string) write {
		return write{do: func(context.Context) error {
			mu.Lock()
			written = append(written, v)
			mu.Unlock()
			return nil
		}}
	}
	r.s.edit("just:1", w("a"))
	r.s.edit("just:1", w("ab"))
	r.s.edit("just:2", w("x"))
	r.s.flush()
	r.s.edit("just:1", w("abc"))
	r.s.flush()
	r.settle()
	if want := []string{"ab", "x", "abc"}; len(written) != 3 || written[0] != want[0] || written[1] != want[1] || written[2] != want[2] {
		t.Fatalf("written %v, want %v", written, want)
	}
	if r.s.dirty() || r.states[len(r.states)-1] != saveSaved {
		t.Fatalf("dirty %v, states %v", r.s.dirty(), r.states)
	}
}

func TestSaverKeepsFailedWriteUntilRetriedOrReplaced(t *testing.T) {
	r := newSaverRig(t)
	fail := true
	var got string
	mk := func(v string) write {
		return write{do: func(context.Context) error {
			if fail {
				return errors.New("disk penuh")
			}
			got = v
			return nil
		}}
	}
	r.s.saveNow("just:1", mk("satu"))
	r.settle()
	if !r.s.unsaved() || r.states[len(r.states)-1] != saveFailed {
		t.Fatalf("failure not kept: states %v", r.states)
	}
	fail = false
	r.s.flush()
	r.settle()
	if got != "satu" || r.s.dirty() {
		t.Fatalf("retry wrote %q, dirty %v", got, r.s.dirty())
	}
	// A newer edit replaces a failed one.
	fail = true
	r.s.saveNow("just:1", mk("dua"))
	r.settle()
	fail = false
	r.s.edit("just:1", mk("tiga"))
	r.s.flush()
	r.settle()
	if got != "tiga" || r.s.unsaved() {
		t.Fatalf("got %q, unsaved %v", got, r.s.unsaved())
	}
}
