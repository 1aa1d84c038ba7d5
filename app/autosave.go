package app

import (
	"context"
	"time"
)

// defaultAutosaveDelay is the pause in typing after which text is saved.
const defaultAutosaveDelay = 700 * time.Millisecond

type saveState int

const (
	saveIdle saveState = iota
	saveSaving
	saveSaved
	saveFailed
)

// write is one pending store write; after runs on the UI goroutine when it
// succeeded.
type write struct {
	do    func(ctx context.Context) error
	after func()
}

// saver debounces edits and sends them, in order, to the serial job queue.
// Only the newest edit of a key (e.g. "just:12") is written. A failed write
// is kept and retried on the next flush unless a newer edit replaced it,
// so text is never silently dropped. All methods run on the UI goroutine.
type saver struct {
	delay  time.Duration
	jobs   *jobs
	now    func() time.Time
	report func(state saveState, at time.Time, err error)

	order    []string
	pending  map[string]write
	failed   map[string]write
	seq      map[string]int // submissions per key, to ignore stale failures
	inFlight int
	timer    *time.Timer
	gen      uint64
}

func newSaver(j *jobs, delay time.Duration, now func() time.Time, report func(saveState, time.Time, error)) *saver {
	return &saver{
		delay: delay, jobs: j, now: now, report: report,
		pending: map[string]write{}, failed: map[string]write{}, seq: map[string]int{},
	}
}

// edit records the newest write for key and restarts the pause timer.
func (s *saver) edit(key string, w write) {
	if _, ok := s.pending[key]; !ok {
		s.order = append(s.order, key)
	}
	s.pending[key] = w
	delete(s.failed, key)
	s.restartTimer()
}

// now writes w at once (a level choice, a restore): pending edits go first.
func (s *saver) saveNow(key string, w write) {
	s.edit(key, w)
	s.flush()
}

func (s *saver) restartTimer() {
	if s.timer != nil {
		s.timer.Stop()
	}
	s.gen++
	g := s.gen
	s.timer = time.AfterFunc(s.delay, func() {
		s.jobs.post(func() {
			if s.gen == g {
				s.flush()
			}
		})
	})
}

// flush submits every pending and every failed write.
func (s *saver) flush() {
	if s.timer != nil {
		s.timer.Stop()
		s.gen++
	}
	for key, w := range s.failed {
		if _, newer := s.pending[key]; !newer {
			s.pending[key] = w
			s.order = append(s.order, key)
		}
	}
	s.failed = map[string]write{}
	order := s.order
	s.order = nil
	for _, key := range order {
		w, ok := s.pending[key]
		if !ok {
			continue
		}
		delete(s.pending, key)
		s.submit(key, w)
	}
}

func (s *saver) submit(key string, w write) {
	s.seq[key]++
	n := s.seq[key]
	s.inFlight++
	s.report(saveSaving, time.Time{}, nil)
	s.jobs.submit(w.do, func(err error) {
		s.inFlight--
		if err != nil {
			if s.seq[key] == n {
				if _, newer := s.pending[key]; !newer {
					s.failed[key] = w
				}
			}
			s.report(saveFailed, time.Time{}, err)
			return
		}
		if w.after != nil {
			w.after()
		}
		if s.inFlight == 0 && len(s.failed) == 0 && len(s.pending) == 0 {
			s.report(saveSaved, s.now(), nil)
		}
	})
}

// dirty reports whether anything is pending, being written or failed.
func (s *saver) dirty() bool {
	return len(s.pending) > 0 || len(s.failed) > 0 || s.inFlight > 0
}

// unsaved reports whether some edit is not in the store and not being
// written (it failed, or waits for its pause).
func (s *saver) unsaved() bool { return len(s.pending) > 0 || len(s.failed) > 0 }

// stop cancels the pause timer (the screen is gone; flush first).
func (s *saver) stop() {
	if s.timer != nil {
		s.timer.Stop()
		s.gen++
	}
}
