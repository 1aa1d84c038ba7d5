package app

import (
	"testing"
	"time"
	_ "unsafe" // go:linkname

	"github.com/spbe-mandiri/spbe-mandiri/app/internal/lightmem"
)

//go:linkname fyneCacheDuration fyne.io/fyne/v2/internal/cache.ValidDuration
var fyneCacheDuration time.Duration

// Fyne read FYNE_CACHE after lightmem had set it: its caches keep what is
// no longer drawn for lightmem.CacheDuration, not a minute.
func TestFyneCacheDuration(t *testing.T) {
	want, err := time.ParseDuration(lightmem.CacheDuration)
	if err != nil {
		t.Fatal(err)
	}
	if fyneCacheDuration != want {
		t.Errorf("Fyne's cache keeps objects %v, want %v", fyneCacheDuration, want)
	}
}
