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
	u.settler.quick = time.AfterFunc(releaseAfter, func() {
		if !u.stopped.Load() {
			returnFreed()
		}
	})
	u.settler.gen++
	gen := u.settler.gen
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
func (u *UI) settle() {
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
	time.AfterFunc(2*time.Second, returnFreed) // after that frame
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
