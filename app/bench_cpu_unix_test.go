//go:build unix

package app

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used (user + system): on a
// machine shared with other jobs it measures the work, where the wall
// clock also measures the neighbours.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
