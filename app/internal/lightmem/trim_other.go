//go:build !linux || !cgo

package lightmem

// TrimCHeap does nothing where the C library is not glibc: Windows' and
// macOS' allocators return freed pages by themselves.
func TrimCHeap() {}
