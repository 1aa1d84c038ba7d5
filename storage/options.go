package storage

import "time"

// DefaultMaxEvidenceSize caps one evidence file at 100 MB. The national
// portal accepts only 5 MB per file, but OPDs also keep scanned documents
// of many pages and short videos of a service in operation; 100 MB admits
// those while a whole bundle of such files still fits on a common USB stick
// and a mistaken multi-gigabyte pick (a disk image, a film) is refused
// before it fills the laptop's disk.
const DefaultMaxEvidenceSize int64 = 100 << 20

// Option configures Open.
type Option func(*config)

type config struct {
	maxEvidence     int64
	now             func() time.Time
	migrations      []migration
	tolerateCorrupt bool
	synchronous     string // FULL; NORMAL only in benchmarks that compare
	stepHook        func(step string)
}

func defaultConfig() config {
	return config{
		maxEvidence: DefaultMaxEvidenceSize,
		now:         time.Now,
		migrations:  embeddedMigrations(),
		synchronous: "FULL",
	}
}

// WithMaxEvidenceSize sets the per-file evidence cap in bytes (n > 0).
func WithMaxEvidenceSize(n int64) Option {
	return func(c *config) {
		if n > 0 {
			c.maxEvidence = n
		}
	}
}

// WithClock replaces time.Now, for tests and reproducible output.
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// TolerateCorrupt makes Open succeed on a damaged database so that the
// folder can be restored from a backup: every method then returns the
// *CorruptError except Restore, BlobPath and Close. Without it Open returns
// the *CorruptError.
func TolerateCorrupt() Option { return func(c *config) { c.tolerateCorrupt = true } }

// withMigrations replaces the embedded migrations (tests only).
func withMigrations(ms []migration) Option { return func(c *config) { c.migrations = ms } }

// withSynchronous overrides synchronous=FULL (benchmarks only).
func withSynchronous(mode string) Option { return func(c *config) { c.synchronous = mode } }

// withStepHook calls f after every durable step of a restore and of its
// recovery (the crash test kills the process there).
func withStepHook(f func(step string)) Option { return func(c *config) { c.stepHook = f } }
