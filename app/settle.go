package app

import (
	"runtime/debug"
	"sync"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/internal/lightmem"
)

// settleAfter is how long the officer stays on one indicator before the
// app frees what Fyne still holds of the ones left: Fyne frees expired
// text textures and renderers only while it draws a frame (and cleans at
// most every 10 s), and a window nobody touches draws nothing — so without
// a nudge, everything drawn in the last minute stayed in memory however
// long the officer then read or typed elsewhere.
var settleAfter = mustDuration(lightmem.CacheDuration) + 12*time.Second

// releaseAfter is how long the screen is quiet before the app already
// hands back the memory freed so far, long before the full settle: a
// switch allocates 14-20 MB that is garbage by the next one, and with
// GOGC=100 the Go heap grows to twice what is live (~30 MB after a walk
// through the indicators) and the runtime's scavenger keeps that while
// the officer reads. One forced GC (tens of ms of CPU, concurrent) during
// the reading costs nothing the officer sees; the next switch pays a few
// ms of page faults for the heap it grows again.
const releaseAfter = 3 * time.Second

// releaseAgain is how much later a second early release follows the
// first. Both draw one frame before they hand memory back: a frame is
// when Fyne frees the text textures not drawn for its cache duration
// (12 s), and the window draws none while the officer reads — so without
// it, everything drawn in the last 12 s before the last switch stayed
// until the settle. At 3 s + 4 s the textures of the panes left more
// than 5 s before the last switch are gone; the settle still frees the
// rest once all has expired.
const releaseAgain = 4 * time.Second

// settler runs settle once the screen has been quiet for settleAfter.
type settler struct {
	mu    sync.Mutex
	timer *time.Timer
	quick *time.Timer // returnFreed after releaseAfter
	gen   int         // which settleLater the timer belongs to
	armed bool        // the latest timer has not fired yet
}

// settleLater (re)starts the quiet period; call it on every pane and
// screen switch.
func (u *UI) settleLater() {
	u.settler.mu.Lock()
	defer u.settler.mu.Unlock()
	if u.settler.timer != nil {
		u.settler.timer.Stop()
		u.settler.quick.Stop()
	}
	u.settler.gen++
	gen := u.settler.gen
	u.settler.quick = time.AfterFunc(releaseAfter, func() { u.releaseEarly(gen, true) })
	u.settler.armed = true
	u.settler.timer = time.AfterFunc(settleAfter, func() {
		u.settler.mu.Lock()
		latest := gen == u.settler.gen
		if latest {
			u.settler.armed = false
		}
		u.settler.mu.Unlock()
		if !latest || u.stopped.Load() {
			return
		}
		u.post(u.settle)
	})
}

// releaseEarly draws a frame and then returns what it freed, unless a
// newer switch has restarted the quiet period; the first one schedules
// the second.
func (u *UI) releaseEarly(gen int, again bool) {
	u.settler.mu.Lock()
	latest := gen == u.settler.gen
	if latest && again {
		u.settler.quick = time.AfterFunc(releaseAgain, func() { u.releaseEarly(gen, false) })
	}
	u.settler.mu.Unlock()
	if latest && !u.stopped.Load() {
		u.post(func() { u.redrawAndFree(500 * time.Millisecond) })
	}
}

// settlePending reports whether a settle is scheduled (tests).
func (u *UI) settlePending() bool {
	u.settler.mu.Lock()
	defer u.settler.mu.Unlock()
	return u.settler.armed
}

// stopRelease cancels the early release and reports whether one was
// scheduled (tests: they end before it would fire).
func (u *UI) stopRelease() bool {
	u.settler.mu.Lock()
	defer u.settler.mu.Unlock()
	return u.settler.quick != nil && u.settler.quick.Stop()
}

// settle draws one frame (a refresh of the status line) so that Fyne
// frees what has expired, then returns the freed Go and C memory to the
// system.
func (u *UI) settle() { u.redrawAndFree(2 * time.Second) }

// redrawAndFree refreshes the status line, so that the window draws a
// frame in which Fyne frees expired textures (and, at most every 10 s,
// renderers), and returns the freed memory after the given delay.
func (u *UI) redrawAndFree(after time.Duration) {
	if u.stopped.Load() || u.status == nil {
		return
	}
	// Through the window's own canvas: canvas.Refresh finds the canvas by
	// Fyne's object→canvas cache, whose entry for the status line can
	// expire while the officer switches panes (a repaint does not renew
	// it); then the refresh — and the freeing — silently did not happen.
	// With canvas.Refresh, 6 of 10 runs of scripts/perf-gui.sh kept
	// 25-40 MB of textures and C heap after settling; this way 0 of 3.
	u.win.Canvas().Refresh(u.status.label)
	time.AfterFunc(after, returnFreed) // after that frame
}

// returnFreed hands back what the Go heap and the C heap (the GL driver's
// textures and buffers) have freed but still keep.
func returnFreed() {
	debug.FreeOSMemory()
	lightmem.TrimCHeap()
}

func mustDuration(s string) time.Duration {
	d, err := time.ParseDuration(s)
	if err != nil {
		panic(err)
	}
	return d
}
