//go:build linux && cgo

package lightmem

/*
#include <malloc.h>
*/
import "C"

import "os"

// mmapThreshold: with glibc, the software GL driver's text textures (a
// few KB to a few hundred KB each) live in the C heap, which glibc grows
// but hardly ever gives back, so textures Fyne freed still counted as
// resident. From this size on glibc maps each allocation on its own and
// unmaps it when freed. (Setting it also stops glibc raising the
// threshold by itself after the first large free, which is what moved
// the textures into the heap.)
const mmapThreshold = 32 << 10

func init() {
	// A user's (or a measurement's) MALLOC_MMAP_THRESHOLD_ wins, as with
	// FYNE_CACHE: glibc has read it already, and mallopt would override it.
	if _, set := os.LookupEnv("MALLOC_MMAP_THRESHOLD_"); !set {
		C.mallopt(C.M_MMAP_THRESHOLD, mmapThreshold)
	}
}
