//go:build !windows

package atomicfile

import "os"

// SyncDir makes a rename or file creation in dir durable.
func SyncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
