//go:build linux && cgo

package lightmem

/*
#include <malloc.h>
*/
import "C"

// TrimCHeap gives the C heap's free pages back to the system (glibc's
// malloc_trim, over every arena: the GL driver's threads each have their
// own). What the software GL driver freed in small blocks stays resident
// otherwise, because glibc only shrinks a heap from its top.
func TrimCHeap() { C.malloc_trim(0) }
