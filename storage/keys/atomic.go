package keys

import "github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"

// writeFileAtomic replaces path with data so that a crash leaves either the
// old or the new content, never a mix (mode 0600), through the one atomic
// writer (storage/atomicfile).
func writeFileAtomic(path string, data []byte) error {
	return atomicfile.WriteFile(path, data, atomicfile.Options{Perm: 0o600, Replace: true})
}
