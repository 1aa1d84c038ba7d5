package app

import (
	"context"
	"sync"

	"fyne.io/fyne/v2/widget"
)

// jobs runs store work off the UI goroutine. Serial work (every write and
// the reads that must see them) runs one at a time in submission order, so
// an older justification can never overwrite a newer one; parallel work
// (a long evidence copy) runs on its own goroutine. Results come back to
// the UI goroutine through fyne.Do.
type jobs struct {
	ctx  context.Context
	post func(func()) // runs a function on the UI goroutine (fyne.Do)

	mu      sync.Mutex
	queue   []job
	running bool
	busy    sync.WaitGroup // every job not yet finished, serial or parallel
}

type job struct {
	work func(ctx context.Context) error
	done func(err error) // runs on the UI goroutine; may be nil
}

func newJobs(ctx context.Context, post func(func())) *jobs { return &jobs{ctx: ctx, post: post} }

// submit queues serial work. Call from the UI goroutine (or any goroutine).
func (j *jobs) submit(work func(ctx context.Context) error, done func(error)) {
	j.busy.Add(1)
	j.mu.Lock()
	j.queue = append(j.queue, job{work, done})
	start := !j.running
	j.running = true
	j.mu.Unlock()
	if start {
		go j.loop()
	}
}

func (j *jobs) loop() {
	for {
		j.mu.Lock()
		if len(j.queue) == 0 {
			j.running = false
			j.mu.Unlock()
			return
		}
		next := j.queue[0]
		j.queue = j.queue[1:]
		j.mu.Unlock()
		j.run(next)
	}
}

// spawn runs work on its own goroutine, in parallel with the queue.
func (j *jobs) spawn(work func(ctx context.Context) error, done func(error)) {
	j.busy.Add(1)
	go j.run(job{work, done})
}

func (j *jobs) run(jb job) {
	defer j.busy.Done()
	err := jb.work(j.ctx)
	if jb.done != nil {
		j.post(func() { jb.done(err) })
	}
}

// wait blocks until every job has finished (tests and shutdown; never on
// the UI goroutine of a running app).
func (j *jobs) wait() { j.busy.Wait() }

// mailbox stands in for the UI goroutine in headless tests: Fyne's test
// driver runs fyne.Do at once on the calling goroutine, so results of
// background work would race with the test. Posted functions wait here
// until Wait runs them on the test's goroutine.
type mailbox struct {
	mu  sync.Mutex
	fns []func()
}

func (m *mailbox) post(f func()) {
	m.mu.Lock()
	m.fns = append(m.fns, f)
	m.mu.Unlock()
}

func (m *mailbox) take() []func() {
	m.mu.Lock()
	defer m.mu.Unlock()
	fns := m.fns
	m.fns = nil
	return fns
}

// load runs read as serial work and hands its value to show on the UI
// goroutine; a failure is shown in state (when given) and in a dialog, and
// show is not called. It is the common shape of every screen's loader.
func load[T any](u *UI, state *widget.Label, read func(context.Context) (T, error), show func(T)) {
	var v T
	u.jobs.submit(func(ctx context.Context) error {
		var err error
		v, err = read(ctx)
		return err
	}, func(err error) {
		if err != nil {
			if state != nil {
				state.SetText(err.Error())
			}
			u.showError(err)
			return
		}
		show(v)
	})
}
