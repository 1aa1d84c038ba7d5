package bundle

// SetAfterRename lets the external tests stop an export right after its
// rename, as a crash there would.
func SetAfterRename(e *Exporter, f func()) { e.afterRename = f }
