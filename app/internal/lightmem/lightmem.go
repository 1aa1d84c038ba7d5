// Package lightmem makes the desktop app hold less memory after the
// officer has gone through many indicators (docs/PERFORMANCE.md, item 9).
// It has to act before Fyne's packages initialise, so it imports nothing
// but the standard library: Go initialises the packages of a program in
// import-path order among those whose imports are ready, and this one
// (github.com/…) is ready as soon as os is, long before
// fyne.io/fyne/v2/internal/cache (which needs log, path/filepath, image…).
// app.TestFyneCacheDuration checks that it did.
package lightmem

import "os"

// CacheDuration is how long Fyne keeps the renderers, text textures and
// text measurements of objects no longer drawn; Fyne's default is one
// minute. Every switch builds a new indicator pane, so the old pane's
// renderers are never used again: keeping them (and the textures of all
// its texts) for a minute only holds memory — about a pane per second of
// fast navigation. 12 s rather than the 20 s used before: after a walk
// through all 47 indicators it holds the textures of ~18 panes instead
// of ~30 (scripts/perf-gui.sh: 216–224 instead of 242–244 MB 2 s after
// the last switch, 199–202 instead of 220–222 MB 8 s after). Not much
// shorter: an idle window walks its whole tree to keep its own objects
// alive every CacheDuration−10 s (now every 2 s; the idle CPU measured
// the same as with 20 s), and at ≤ 10 s it would walk on every frame.
const CacheDuration = "12s"

func init() {
	if _, set := os.LookupEnv("FYNE_CACHE"); !set { // a user's own setting wins
		_ = os.Setenv("FYNE_CACHE", CacheDuration)
	}
}
