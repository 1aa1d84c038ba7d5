package keys

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
)

// backupFile is the key backup: the encrypted key file as it is on disk
// plus the sequence high-water mark at backup time, so that a restore
// continues the numbering instead of reusing numbers.
type backupFile struct {
	Format        string  `json:"format"`
	FormatVersion int     `json:"format_version"`
	Key           keyFile `json:"key"`
	Sequence      uint64  `json:"sequence"`
	CreatedAt     string  `json:"created_at"`
}

// Backup returns the backup file content. The passphrase is checked first:
// a backup nobody can unlock is worthless.
func (d Dir) Backup(pass []byte, now time.Time) ([]byte, Identity, error) {
	kf, id, err := d.read()
	if err != nil {
		return nil, Identity{}, err
	}
	if _, err := kf.open(pass, id); err != nil {
		return nil, Identity{}, err
	}
	seq, err := d.LastSequence(id.KeyID)
	if err != nil {
		return nil, Identity{}, err
	}
	b := backupFile{Format: backupFormat, FormatVersion: formatVersion, Key: *kf,
		Sequence: seq, CreatedAt: now.UTC().Format(time.RFC3339)}
	data, err := json.MarshalIndent(b, "", "  ")
	return append(data, '\n'), id, err
}

// WriteBackup writes the backup to the file path (mode 0600, atomically).
func (d Dir) WriteBackup(path string, pass []byte, now time.Time) (Identity, error) {
	data, id, err := d.Backup(pass, now)
	if err != nil {
		return Identity{}, err
	}
	if err := writeFileAtomic(path, data); err != nil {
		return Identity{}, fmt.Errorf("menulis cadangan kunci: %w", err)
	}
	return id, nil
}

// RestoreResult tells what Restore did.
type RestoreResult struct {
	Identity Identity
	Sequence uint64 // the sequence high-water mark now in force
	Same     bool   // the same key was already installed: nothing replaced
	Replaced string // with force: where the previous key file was moved
}

// Restore installs the key from backup data after checking its passphrase.
// Restoring the installed key again only raises the sequence mark. Another
// installed key is a *DifferentKeyError unless force; with force the old
// key file is kept beside it, never deleted.
func (d Dir) Restore(data, pass []byte, force bool) (RestoreResult, error) {
	var b backupFile
	if err := strictjson.Unmarshal(data, &b); err != nil {
		return RestoreResult{}, fmt.Errorf("%w: %w", ErrCorruptBackup, err)
	}
	if b.Format != backupFormat || b.FormatVersion != formatVersion {
		return RestoreResult{}, fmt.Errorf("%w: format tidak dikenal", ErrCorruptBackup)
	}
	id, err := b.Key.identity()
	if err != nil {
		return RestoreResult{}, fmt.Errorf("%w: %w", ErrCorruptBackup, err)
	}
	if _, err := b.Key.open(pass, id); err != nil {
		return RestoreResult{}, err
	}
	res := RestoreResult{Identity: id}
	if err := d.replace(&b.Key, id, force, &res); err != nil {
		return RestoreResult{}, err
	}
	res.Sequence, err = d.raiseSequence(id.KeyID, b.Sequence)
	return res, err
}

func (d Dir) replace(kf *keyFile, id Identity, force bool, res *RestoreResult) error {
	installed, err := d.Identity()
	switch {
	case errors.Is(err, ErrNoKey):
		return d.writeKey(kf)
	case err != nil && !force:
		return err
	case err == nil && installed.KeyID == id.KeyID:
		res.Same = true
		return nil
	case err == nil && !force:
		return &DifferentKeyError{Installed: installed, Backup: id}
	}
	// force: keep the previous (possibly corrupt) key file under another name.
	old := filepath.Join(d.path, "signing-key.replaced-"+time.Now().UTC().Format("20060102T150405Z")+".json")
	if installed.KeyID != "" {
		old = strings.TrimSuffix(old, ".json") + "-" + installed.KeyID[:16] + ".json"
	}
	if err := os.Rename(d.KeyPath(), old); err != nil {
		return fmt.Errorf("menyimpan kunci lama: %w", err)
	}
	res.Replaced = old
	return d.writeKey(kf)
}

// RestoreFile restores from a backup file on disk.
func (d Dir) RestoreFile(path string, pass []byte, force bool) (RestoreResult, error) {
	data, err := readSmall(path)
	if err != nil {
		return RestoreResult{}, err
	}
	return d.Restore(data, pass, force)
}
