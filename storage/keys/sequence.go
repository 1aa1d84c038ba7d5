package keys

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
)

// The bundle sequence counter.
//
// Every bundle carries a sequence number that is strictly increasing per
// key and never reused; the assessor keeps a high-water mark per key and
// rejects anything not above it. The counter lives here, in
// <data>/keys/sequence-<keyid[:16]>.json beside the key, not in the SQLite
// database, because:
//   - it belongs to the key, not to the assessment data: it must travel
//     with key backup/restore (the backup carries it) and survive a
//     database that is restored from an older copy or rebuilt;
//   - it must be durable *before* the bundle is published, independently
//     of the transaction that records the export, which can only happen
//     after the bundle file exists;
//   - one file per key means restoring an older key later continues that
//     key's own numbering.
//
// The export log in the database also records each sequence; the exporter
// takes max(this counter, the log's highest) + 1 (NextSequence), so losing
// either one alone never reuses a number. The counter is raised
// (UseSequence) once the bundle's temp file exists on the destination,
// before its first byte is written: from then on the signed bytes may be
// on the stick and the number is never given to other content (gaps are
// allowed, repeats are not). An export that fails before that point wrote
// nothing anywhere, so its number is used by the next export
// (docs/storage.md, "Export log and reconciliation").

type sequenceFile struct {
	KeyID string `json:"keyid"`
	Last  uint64 `json:"last"`
}

func (d Dir) sequencePath(keyID string) string {
	return filepath.Join(d.path, "sequence-"+keyID[:16]+".json")
}

// LastSequence is the highest sequence number reserved for the key (0 if none).
func (d Dir) LastSequence(keyID string) (uint64, error) {
	if !ValidKeyID(keyID) {
		return 0, fmt.Errorf("keyid tidak valid: %q", keyID)
	}
	data, err := readSmall(d.sequencePath(keyID))
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	var s sequenceFile
	// A damaged counter must stop exports: guessing could reuse a number.
	if err := strictjson.Unmarshal(data, &s); err != nil {
		return 0, fmt.Errorf("berkas nomor urut %s rusak; pulihkan dari cadangan kunci: %w", d.sequencePath(keyID), err)
	}
	if s.KeyID != keyID {
		return 0, fmt.Errorf("berkas nomor urut %s rusak; pulihkan dari cadangan kunci: berkas itu milik kunci %q", d.sequencePath(keyID), s.KeyID)
	}
	return s.Last, nil
}

// ReserveSequence durably reserves the next sequence number for the key:
// max(last reserved, floor) + 1, written with fsync before it is returned.
// floor is the highest number known elsewhere (the export log).
func (d Dir) ReserveSequence(keyID string, floor uint64) (uint64, error) {
	last, err := d.LastSequence(keyID)
	if err != nil {
		return 0, err
	}
	next := max(last, floor) + 1
	if err := d.writeSequence(keyID, next); err != nil {
		return 0, err
	}
	return next, nil
}

// NextSequence is the number the next bundle of the key gets:
// max(last used, floor) + 1, where floor is the highest number known
// elsewhere (the export log). Nothing is written.
func (d Dir) NextSequence(keyID string, floor uint64) (uint64, error) {
	last, err := d.LastSequence(keyID)
	if err != nil {
		return 0, err
	}
	n := max(last, floor)
	if n >= math.MaxInt64 {
		return 0, fmt.Errorf("nomor urut kunci %.16s… habis (%d)", keyID, n)
	}
	return n + 1, nil
}

// UseSequence durably records that n is used (a bundle with it may exist):
// the counter is raised to n, never lowered.
func (d Dir) UseSequence(keyID string, n uint64) error {
	_, err := d.raiseSequence(keyID, n)
	return err
}

// raiseSequence sets the counter to at least n and returns the mark in force.
func (d Dir) raiseSequence(keyID string, n uint64) (uint64, error) {
	last, err := d.LastSequence(keyID)
	if err != nil || last >= n {
		return last, err
	}
	return n, d.writeSequence(keyID, n)
}

func (d Dir) writeSequence(keyID string, n uint64) error {
	if err := os.MkdirAll(d.path, 0o700); err != nil {
		return err
	}
	data, _ := json.Marshal(sequenceFile{KeyID: keyID, Last: n})
	if err := writeFileAtomic(d.sequencePath(keyID), append(data, '\n')); err != nil {
		return fmt.Errorf("menyimpan nomor urut: %w", err)
	}
	return nil
}
