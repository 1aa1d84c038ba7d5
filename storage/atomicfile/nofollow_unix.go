//go:build unix

package atomicfile

import "syscall"

// noFollow refuses a symlink as the last name component when the temp
// file is opened; O_CREATE|O_EXCL already does, this is the second lock.
const noFollow = syscall.O_NOFOLLOW
