package storage

import "github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"

// syncDir makes a rename or file creation in dir durable (a no-op on
// Windows); the one implementation is atomicfile.SyncDir.
func syncDir(dir string) error { return atomicfile.SyncDir(dir) }
