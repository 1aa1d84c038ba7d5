package assessment

import (
	"context"
	"fmt"
	"time"
)

// OPDKeys is the OPD installation's own Ed25519 signing key, as the
// desktop GUI manages it: it signs every exported bundle, and the assessor
// trusts it after comparing its fingerprint with the Formulir Pendaftaran
// Kunci signed by the Kepala OPD. Every method works on the data folder the
// GUI has open and is called off the UI goroutine. Error messages are in
// Bahasa Indonesia and shown as they are.
type OPDKeys interface {
	// Info describes the installed key; Exists is false when there is none.
	Info(ctx context.Context) (OPDKey, error)
	// Create makes the installation's key, encrypted with passphrase (at
	// least MinPassphraseLen characters); it fails when a key exists.
	Create(ctx context.Context, passphrase []byte) (OPDKey, error)
	// ExportPublic writes the public key file for the assessor's registry
	// (KUNCI_PUBLIK_<KODE>.json) into destDir and returns the file written.
	ExportPublic(ctx context.Context, destDir string) (path string, err error)
	// KeyForm writes the Formulir Pendaftaran Kunci (PDF, for the Kepala
	// OPD to sign) into destDir, never over an existing file.
	KeyForm(ctx context.Context, destDir string) (path string, err error)
	// Backup writes an encrypted backup of the key into destDir after
	// checking passphrase (a backup nobody can unlock is worthless), never
	// over an existing file; a wrong passphrase writes nothing.
	Backup(ctx context.Context, destDir string, passphrase []byte) (path string, err error)
	// Restore installs the key of the backup file. When another key is
	// installed and force is false it changes nothing and returns a
	// *KeyChangeError; with force the old key file is kept beside the new.
	Restore(ctx context.Context, file string, passphrase []byte, force bool) (OPDKeyRestored, error)
}

// OPDKey is the public side of the installation's signing key: the key
// screen's, and `key show --json`'s (the JSON keys are that command's).
type OPDKey struct {
	Exists       bool      `json:"exists"`
	KeyID        string    `json:"keyid,omitempty"`       // hex SHA-256 of the public key
	Fingerprint  string    `json:"fingerprint,omitempty"` // six groups of five digits, read aloud or compared on paper
	PublicKey    string    `json:"public_key,omitempty"`  // base64
	CreatedAt    time.Time `json:"created_at,omitzero"`
	Path         string    `json:"path,omitempty"` // the key file
	LastSequence uint64    `json:"last_sequence"`  // the number of the last bundle signed (0: none yet)
}

// OPDKeyRestored is the outcome of a restore.
type OPDKeyRestored struct {
	Key      OPDKey
	Same     bool   // that key was already installed: nothing replaced
	Replaced string // force: where the previous key file was kept
}

// KeyChangeError is Restore's refusal to replace another installed key
// without force: the OPD's signing identity would change, and the
// assessor would have to trust the restored key again.
type KeyChangeError struct {
	Installed, Backup string // fingerprints
}

func (e *KeyChangeError) Error() string {
	return fmt.Sprintf("folder data ini sudah memakai kunci lain (sidik jari %s); cadangan berisi kunci dengan sidik jari %s. "+
		"Memulihkan akan mengganti identitas penanda tangan OPD", e.Installed, e.Backup)
}
