//go:build !unix

package atomicfile

// noFollow is 0 where the OS has no O_NOFOLLOW (Windows): O_EXCL refuses
// any existing name, a symlink included.
const noFollow = 0
