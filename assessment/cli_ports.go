package assessment

import (
	"context"
	"io"
)

// KeyFiles is a signing key in a folder as the command line's `key`
// commands handle it: the OPD's data folder or, with --asesor, the
// assessor's workspace folder inside it (hence a folder argument, where
// OPDKeys works on the open OPD folder). The files come back as bytes:
// the command writes them through OutputFiles, under --force and the
// output-path policy. storage/opdkeys.Files implements it.
type KeyFiles interface {
	// Info describes the installed key; Exists is false when none is.
	Info(dir string) (OPDKey, error)
	// Create makes the key, encrypted with passphrase.
	Create(dir string, passphrase []byte) (OPDKey, error)
	// PublicFile is the public key file (for the assessor's registry).
	PublicFile(dir string) ([]byte, OPDKey, error)
	// Backup is the encrypted key backup, after checking the passphrase.
	Backup(dir string, passphrase []byte) ([]byte, OPDKey, error)
	// Restore installs the key from a backup file; it refuses to replace
	// another key unless force.
	Restore(dir string, passphrase []byte, file string, force bool) (OPDKeyRestored, error)
}

// BundleVerifier checks a bundle file that may come from anyone (the
// CLI's `verify`); storage/export.Verifier implements it.
type BundleVerifier interface {
	// Verify checks the bundle; pubkeyFile "" leaves the signer unknown.
	// A non-nil error means the bundle is invalid (or unreadable).
	Verify(ctx context.Context, bundlePath, pubkeyFile string) (VerifyReport, error)
}

// OutputFile is a file a command writes for the user: a backup, a report,
// a key form, a public key file, a key backup.
type OutputFile struct {
	DataDir string // the open data folder: nothing is written inside it
	Path    string // as the user typed it
	Force   bool   // --force: an existing file is replaced (atomically)
	Public  bool   // meant to be handed over (mode 0644), not private (0600)
}

// OutputFiles writes the files commands produce under the output-path
// policy (outputpath.go); storage.OutputFiles implements it with
// storage/atomicfile, so every command writes through the same atomic
// writer and rule.
type OutputFiles interface {
	// Check refuses an output path that resolves (symlinks followed)
	// inside a data folder, or that exists without Force; commands call it
	// before asking for a passphrase or rendering anything.
	Check(f OutputFile) error
	// Write checks f again and writes it atomically through write: a
	// crash leaves the old file or the whole new one, and without Force a
	// file that appears meanwhile is kept. It returns the size written.
	Write(f OutputFile, write func(io.Writer) error) (int64, error)
	// CheckDir refuses a folder that exports write new files into when it
	// lies inside a data folder (the export checks again when it writes).
	CheckDir(dataDir, dir string) error
}
