package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

const lockFileName = "spbe-mandiri.lock"

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

// dirLock is an exclusive, process-wide lock on a data folder. The OS
// releases it when the process dies, so a crash never leaves a stale lock.
type dirLock struct{ f *os.File }

// lockDir takes the data folder's lock or returns a *LockedError.
func lockDir(dir string) (*dirLock, error) { return lockDirNamed(dir, lockFileName) }

// lockDirNamed locks dir through the lock file name inside it.
func lockDirNamed(dir, name string) (*dirLock, error) {
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
	return &dirLock{f: f}, nil
}

func readPID(f *os.File) string {
	b := make([]byte, pidHintSize)
	n, _ := f.ReadAt(b, 0)
	return strings.TrimSpace(string(b[:n]))
}

// unlock releases the lock. The file stays: deleting it would race with a
// process that just opened it.
func (l *dirLock) unlock() error {
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
