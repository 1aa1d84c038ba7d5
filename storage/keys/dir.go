package keys

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
)

// Names inside the data folder.
const (
	DirName  = "keys"
	FileName = "signing-key.json"
)

// maxKeyFileSize caps key, backup and public key files read from disk.
const maxKeyFileSize = 64 << 10

// Dir is the key folder of one installation, <data>/keys. Callers hold the
// data folder lock, so one process at a time changes it.
type Dir struct{ path string }

// Open returns the key folder of the data folder dataDir (it need not exist yet).
func Open(dataDir string) Dir { return Dir{path: filepath.Join(dataDir, DirName)} }

// Path is the folder's location.
func (d Dir) Path() string { return d.path }

// KeyPath is the location of the encrypted key file.
func (d Dir) KeyPath() string { return filepath.Join(d.path, FileName) }

// Identity reads the installed key's public identity (no passphrase
// needed); ErrNoKey when none is installed.
func (d Dir) Identity() (Identity, error) {
	_, id, err := d.read()
	return id, err
}

func (d Dir) read() (*keyFile, Identity, error) {
	data, err := readSmall(d.KeyPath())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, Identity{}, ErrNoKey
	}
	if err != nil {
		return nil, Identity{}, err
	}
	return parseKeyFile(data)
}

// Unlock decrypts the installed key; ErrWrongPassphrase on a wrong passphrase.
func (d Dir) Unlock(pass []byte) (*Key, error) {
	kf, id, err := d.read()
	if err != nil {
		return nil, err
	}
	return kf.open(pass, id)
}

// Create makes the installation's key, encrypted under pass. It refuses
// when a key exists (ErrKeyExists): there is one identity per installation.
func (d Dir) Create(pass []byte, now time.Time) (*Key, error) {
	if _, err := d.Identity(); !errors.Is(err, ErrNoKey) {
		if err == nil {
			return nil, ErrKeyExists
		}
		return nil, err
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	kf, err := seal(priv, pass, now)
	if err != nil {
		return nil, err
	}
	if err := d.writeKey(kf); err != nil {
		return nil, err
	}
	id, err := kf.identity()
	if err != nil {
		return nil, err
	}
	return &Key{Identity: id, priv: priv}, nil
}

func (d Dir) writeKey(kf *keyFile) error {
	if err := os.MkdirAll(d.path, 0o700); err != nil {
		return fmt.Errorf("membuat folder kunci: %w", err)
	}
	data, err := json.MarshalIndent(kf, "", "  ")
	if err != nil {
		return err
	}
	if err := writeFileAtomic(d.KeyPath(), append(data, '\n')); err != nil {
		return fmt.Errorf("menyimpan berkas kunci: %w", err)
	}
	return nil
}

func readSmall(path string) ([]byte, error) {
	f, err := infile.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: bukan berkas biasa", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxKeyFileSize+1))
	if err == nil && len(data) > maxKeyFileSize {
		err = fmt.Errorf("%s: lebih dari %d byte", path, maxKeyFileSize)
	}
	return data, err
}
