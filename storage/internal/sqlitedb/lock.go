package sqlitedb

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The lock file holds the owner's pid in its first pidHintSize bytes, as
// a hint for the message a second instance shows. On Windows the lock is
// a byte-range lock, and LockFileEx locks are mandatory: a second process
// cannot even read locked bytes. So the byte locked is lockOffset, far
// past anything written, and the pid stays readable.
const (
	pidHintSize        = 32
	lockOffset  uint64 = 0x7FFFFFFF_00000000
)

// errLockHeld is returned by the platform lockFile when another process
// holds the lock.
var errLockHeld = errors.New("lock held")

// Lock is an exclusive, process-wide lock on a folder (the OPD's data
// folder, the assessor's workspace). The OS releases it when the process
// dies, so a crash never leaves a stale lock.
type Lock struct{ f *os.File }

// LockFolder takes the lock file name inside dir, or returns a
// *LockedError when another process (or another Open in this one) holds it.
func LockFolder(dir, name string) (*Lock, error) {
	path := filepath.Join(dir, name)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("berkas kunci %s tidak dapat dibuka: %w", path, err)
	}
	if err := lockFile(f); err != nil {
		pid := readPID(f)
		f.Close()
		if errors.Is(err, errLockHeld) {
			return nil, &LockedError{Dir: dir, PID: pid}
		}
		return nil, fmt.Errorf("folder data %s tidak dapat dikunci: %w", dir, err)
	}
	// The pid is only a hint for the message a second instance shows.
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &Lock{f: f}, nil
}

func readPID(f *os.File) string {
	b := make([]byte, pidHintSize)
	n, _ := f.ReadAt(b, 0)
	return strings.TrimSpace(string(b[:n]))
}

// Unlock releases the lock. The file stays: deleting it would race with a
// process that just opened it. Unlocking nil or twice is a no-op.
func (l *Lock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlockFile(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}
