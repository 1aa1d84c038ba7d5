package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
)

// RestoredKey is `key restore --json`: the CLI's encoding of
// assessment.OPDKeyRestored.
type RestoredKey struct {
	assessment.OPDKey
	Same     bool   `json:"same"`     // that key was already installed
	Replaced string `json:"replaced"` // --force: where the previous key file went
}

// errNoExport: the open folder has no export port in this build.
var errNoExport = errors.New("ekspor bundel tidak tersedia di build ini")

var errNoKeys = errors.New("fitur kunci dan bundel tidak tersedia di lingkungan ini")

// keyFiles returns env.Keys or an error when it is not wired.
func keyFiles(env *Env) (assessment.KeyFiles, error) {
	if env.Keys == nil {
		return nil, errNoKeys
	}
	return env.Keys, nil
}

// restoredKey is a restore for `key restore --json`.
func restoredKey(r assessment.OPDKeyRestored) RestoredKey {
	return RestoredKey{OPDKey: r.Key, Same: r.Same, Replaced: r.Replaced}
}

// maxPassphraseFile caps a passphrase file.
const maxPassphraseFile = 4 << 10

// readPassphrase reads the passphrase from file ("-" = standard input) or,
// without a file, prompts on the terminal (twice when confirm). A
// passphrase is never taken from the command line itself.
func readPassphrase(env *Env, file string, confirm bool) ([]byte, error) {
	if file != "" {
		return passphraseFromFile(env, file)
	}
	if env.ReadPassword == nil {
		return nil, usagef("frasa sandi diperlukan: gunakan --passphrase-file BERKAS (bukan di baris perintah)")
	}
	p, err := env.ReadPassword("Frasa sandi kunci penanda tangan: ")
	if err != nil {
		return nil, fmt.Errorf("%w; gunakan --passphrase-file BERKAS", err)
	}
	if confirm {
		again, err := env.ReadPassword("Ulangi frasa sandi: ")
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
