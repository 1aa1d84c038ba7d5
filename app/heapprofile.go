package app

import (
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

// envHeapProfile names a file the desktop app keeps overwriting with its
// Go heap profile every few seconds (go tool pprof -sample_index
// inuse_space FILE): a developer's aid for docs/PERFORMANCE.md, to see what
// is live at the home screen and after many indicators. Officers never set
// it.
const envHeapProfile = "SPBE_HEAPPROFILE"

func startHeapProfile() {
	path := os.Getenv(envHeapProfile)
	if path == "" {
		return
	}
	go func() {
		for range time.Tick(5 * time.Second) {
			writeHeapProfile(path)
		}
	}()
}

// writeHeapProfile writes to a temporary file and renames it, so a reader
// never sees half a profile.
func writeHeapProfile(path string) {
	runtime.GC() // the profile shows what the last collection kept
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return
	}
	err = pprof.WriteHeapProfile(f)
	if cerr := f.Close(); err == nil && cerr == nil {
		_ = os.Rename(tmp, path)
	}
}
