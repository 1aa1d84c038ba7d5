package asesor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spbe-mandiri/spbe-mandiri/storage/atomicfile"
)

// ProfileFileName is the assessor's profile in the workspace folder. A
// small JSON file beside the database rather than a table: it holds one
// name, needs no migration, and an older version of the program that does
// not know it simply ignores it.
const ProfileFileName = "profil_asesor.json"

// maxReviewerName bounds the name: it is printed in feedback and reports.
const maxReviewerName = 100

type profileFile struct {
	Reviewer string `json:"reviewer"`
}

// ReviewerName is the name reviews are recorded under, "" when the
// assessor has not given one yet.
func (w *Workspace) ReviewerName(context.Context) (string, error) {
	data, err := os.ReadFile(filepath.Join(w.dir, ProfileFileName))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("profil asesor tidak dapat dibaca: %w", err)
	}
	var p profileFile
	if err := json.Unmarshal(data, &p); err != nil {
		return "", fmt.Errorf("profil asesor %s rusak (%w): isi lagi nama asesor", ProfileFileName, err)
	}
	if checkReviewerName(p.Reviewer) != nil {
		return "", nil // a hand-edited, unusable name counts as none: it is asked again
	}
	return strings.TrimSpace(p.Reviewer), nil
}

// SetReviewerName stores the name reviews are recorded under.
func (w *Workspace) SetReviewerName(_ context.Context, name string) error {
	name = strings.TrimSpace(name)
	if err := checkReviewerName(name); err != nil {
		return err
	}
	data, err := json.MarshalIndent(profileFile{Reviewer: name}, "", "  ")
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return writeFileAtomic(filepath.Join(w.dir, ProfileFileName), append(data, '\n'))
}

// checkReviewerName: a person's name on one line.
func checkReviewerName(name string) error {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return &InputError{Msg: "nama asesor wajib diisi"}
	case utf8.RuneCountInString(name) > maxReviewerName:
		return &InputError{Msg: fmt.Sprintf("nama asesor terlalu panjang (paling banyak %d karakter)", maxReviewerName)}
	case !utf8.ValidString(name) || strings.IndexFunc(name, unicode.IsControl) >= 0:
		return &InputError{Msg: "nama asesor hanya boleh berisi huruf, angka, spasi dan tanda baca, dalam satu baris"}
	}
	return nil
}

// writeFileAtomic replaces path with data so that a crash leaves the old
// or the new content, through the one atomic writer (temp file, fsync,
// rename, folder fsync).
func writeFileAtomic(path string, data []byte) error {
	return atomicfile.WriteFile(path, data, atomicfile.Options{Perm: 0o600, Replace: true})
}
