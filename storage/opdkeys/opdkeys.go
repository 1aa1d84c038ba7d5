// Package opdkeys is the OPD's signing key in its data folder, as the CLI
// (`spbe-mandiri key …`) and the GUI's key screen (assessment.OPDKeys)
// use it: describe, create, the public key file, the encrypted backup,
// restore, the key registration form. Keys are made here only when asked
// for (Create): an export never makes one.
package opdkeys

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/report"
)

// Info describes the key of the data folder dataDir; Exists is false when
// none is installed.
func Info(dataDir string) (assessment.OPDKey, error) {
	d := keys.Open(dataDir)
	id, err := d.Identity()
	if errors.Is(err, keys.ErrNoKey) {
		return assessment.OPDKey{}, nil
	}
	if err != nil {
		return assessment.OPDKey{}, err
	}
	return describe(d, id)
}

func describe(d keys.Dir, id keys.Identity) (assessment.OPDKey, error) {
	seq, err := d.LastSequence(id.KeyID)
	return assessment.OPDKey{
		Exists: true, KeyID: id.KeyID, Fingerprint: id.Fingerprint,
		PublicKey: base64.StdEncoding.EncodeToString(id.PublicKey),
		CreatedAt: id.CreatedAt, Path: d.KeyPath(), LastSequence: seq,
	}, err
}

// Create makes the installation's key, encrypted with pass.
func Create(dataDir string, pass []byte) (assessment.OPDKey, error) {
	d := keys.Open(dataDir)
	k, err := d.Create(pass, time.Now())
	if err != nil {
		return assessment.OPDKey{}, err
	}
	return describe(d, k.Identity)
}

// PublicFile is the public key file (KUNCI_PUBLIK_… content) of the key.
func PublicFile(dataDir string) ([]byte, assessment.OPDKey, error) {
	d := keys.Open(dataDir)
	id, err := d.Identity()
	if err != nil {
		return nil, assessment.OPDKey{}, err
	}
	ki, err := describe(d, id)
	return keys.MarshalPublic(id), ki, err
}

// Backup is the encrypted key backup, after checking pass.
func Backup(dataDir string, pass []byte) ([]byte, assessment.OPDKey, error) {
	d := keys.Open(dataDir)
	data, id, err := d.Backup(pass, time.Now())
	if err != nil {
		return nil, assessment.OPDKey{}, err
	}
	ki, err := describe(d, id)
	return data, ki, err
}

// Restore installs the key of the backup file; another installed key is a
// *keys.DifferentKeyError unless force.
func Restore(dataDir string, pass []byte, file string, force bool) (assessment.OPDKeyRestored, error) {
	d := keys.Open(dataDir)
	r, err := d.RestoreFile(file, pass, force)
	if err != nil {
		return assessment.OPDKeyRestored{}, err
	}
	ki, err := describe(d, r.Identity)
	return assessment.OPDKeyRestored{Key: ki, Same: r.Same, Replaced: r.Replaced}, err
}

// KeyForm renders the Formulir Pendaftaran Kunci of the installed key for
// the OPD of the store.
func KeyForm(ctx context.Context, st assessment.Store, dataDir string) ([]byte, error) {
	p, err := st.Profile(ctx)
	if errors.Is(err, assessment.ErrNotFound) {
		return nil, errors.New("profil OPD belum diisi; jalankan `spbe-mandiri init` dulu")
	}
	if err != nil {
		return nil, err
	}
	id, err := keys.Open(dataDir).Identity()
	if errors.Is(err, keys.ErrNoKey) {
		return nil, errors.New("belum ada kunci penanda tangan; buat dengan `spbe-mandiri key init`")
	}
	if err != nil {
		return nil, err
	}
	k := report.KeyInfo{PublicKeyBase64: base64.StdEncoding.EncodeToString(id.PublicKey), KeyID: id.KeyID, Fingerprint: id.Fingerprint}
	var buf bytes.Buffer
	err = report.RenderKeyForm(&buf, p, k, time.Now())
	return buf.Bytes(), err
}

// Files is assessment.KeyFiles (cli.Env.Keys): the functions above, for
// the OPD's key and, in <data>/asesor, the assessor's.
type Files struct{}

var _ assessment.KeyFiles = Files{}

func (Files) Info(dir string) (assessment.OPDKey, error)                { return Info(dir) }
func (Files) Create(dir string, pass []byte) (assessment.OPDKey, error) { return Create(dir, pass) }
func (Files) PublicFile(dir string) ([]byte, assessment.OPDKey, error)  { return PublicFile(dir) }
func (Files) Backup(dir string, pass []byte) ([]byte, assessment.OPDKey, error) {
	return Backup(dir, pass)
}

func (Files) Restore(dir string, pass []byte, file string, force bool) (assessment.OPDKeyRestored, error) {
	return Restore(dir, pass, file, force)
}
