package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
)

// ExportDeps is what the key, export and verify commands need from the
// signing-key and bundle packages; main.go fills it (wiring_export.go), so
// this package never imports storage.
type ExportDeps struct {
	// KeyInfo describes the installed key; Exists is false when none is.
	KeyInfo func(dataDir string) (assessment.OPDKey, error)
	// CreateKey makes the installation's key, encrypted with passphrase.
	CreateKey func(dataDir string, passphrase []byte) (assessment.OPDKey, error)
	// ExportPublic returns the public key file (for the assessor's
	// registry); the command writes it through Env.Output.
	ExportPublic func(dataDir string) ([]byte, assessment.OPDKey, error)
	// BackupKey returns the encrypted key backup after checking the
	// passphrase; the command writes it through Env.Output.
	BackupKey func(dataDir string, passphrase []byte) ([]byte, assessment.OPDKey, error)
	// RestoreKey installs the key from a backup; it refuses to replace
	// another key unless force.
	RestoreKey func(dataDir string, passphrase []byte, file string, force bool) (RestoredKey, error)
	// Verify checks a bundle file; pubkeyFile "" leaves the signer unknown.
	// A non-nil error means the bundle is invalid (or unreadable).
	Verify func(ctx context.Context, bundlePath, pubkeyFile string) (assessment.VerifyReport, error)
	// ReadPassword prompts on the terminal without echo; it fails when
	// standard input is not a terminal. nil: no prompting.
	ReadPassword func(prompt string) ([]byte, error)
}

// RestoredKey is the outcome of a key restore.
type RestoredKey struct {
	assessment.OPDKey
	Same     bool   `json:"same"`     // that key was already installed
	Replaced string `json:"replaced"` // --force: where the previous key file went
}

// errNoExport: the open folder has no export port in this build.
var errNoExport = errors.New("ekspor bundel tidak tersedia di build ini")

// exportDeps returns env.Export or an error when it is not wired.
func exportDeps(env *Env) (*ExportDeps, error) {
	if env.Export == nil {
		return nil, errors.New("fitur kunci dan bundel tidak tersedia di lingkungan ini")
	}
	return env.Export, nil
}

// maxPassphraseFile caps a passphrase file.
const maxPassphraseFile = 4 << 10

// readPassphrase reads the passphrase from file ("-" = standard input) or,
// without a file, prompts on the terminal (twice when confirm). A
// passphrase is never taken from the command line itself.
func readPassphrase(env *Env, deps *ExportDeps, file string, confirm bool) ([]byte, error) {
	if file != "" {
		return passphraseFromFile(env, file)
	}
	if deps.ReadPassword == nil {
		return nil, usagef("frasa sandi diperlukan: gunakan --passphrase-file BERKAS (bukan di baris perintah)")
	}
	p, err := deps.ReadPassword("Frasa sandi kunci penanda tangan: ")
	if err != nil {
		return nil, fmt.Errorf("%w; gunakan --passphrase-file BERKAS", err)
	}
	if confirm {
		again, err := deps.ReadPassword("Ulangi frasa sandi: ")
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(p, again) {
			return nil, errors.New("kedua frasa sandi tidak sama")
		}
	}
	return p, nil
}

func passphraseFromFile(env *Env, file string) ([]byte, error) {
	var r io.Reader = env.Stdin
	if file != "-" {
		f, err := infile.Open(file)
		if err != nil {
			return nil, fmt.Errorf("berkas frasa sandi: %w", err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxPassphraseFile+1))
	if err != nil {
		return nil, fmt.Errorf("berkas frasa sandi: %w", err)
	}
	if len(data) > maxPassphraseFile {
		return nil, fmt.Errorf("berkas frasa sandi lebih dari %d byte", maxPassphraseFile)
	}
	// Notepad's BOM, PowerShell's UTF-16 and cmd's trailing space: one
	// rule for every passphrase file (assessment.DecodePassphraseFile).
	pass, warning, err := assessment.DecodePassphraseFile(data)
	if err != nil {
		return nil, err
	}
	if warning != "" {
		fmt.Fprintf(env.Stderr, "peringatan: %s\n", warning)
	}
	return pass, nil
}
