package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
)

// runEnrol enrols a Pemda and the Tim Asesor keys that sign its key
// registry: each key file (from `spbe-mandiri key export-public --asesor`)
// with the fingerprint the operator read back on a known phone number.
func runEnrol(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newFlags("enrol", stderr)
	dsn := f.db()
	kode := f.String("pemda", "", "kode wilayah Kemendagri Pemda, e.g. 72.10")
	nama := f.String("nama", "", "nama Pemda, e.g. \"Kabupaten Sigi\"")
	by := f.String("by", "", "nama operator yang mendaftarkan / operator enrolling")
	var files, fps multi
	f.Var(&files, "asesor-key", "berkas kunci publik Tim Asesor (repeatable)")
	f.Var(&fps, "fingerprint", "sidik jari yang dibacakan Tim Asesor, urutan sama dengan --asesor-key (repeatable)")
	if err := f.parse(args); err != nil {
		return err
	}
	if *dsn == "" || *kode == "" || *nama == "" || *by == "" || len(files) == 0 {
		return errors.New("--db, --pemda, --nama, --by dan minimal satu --asesor-key wajib")
	}
	ks := make([]serverdb.AsesorKey, len(files))
	for i, p := range files {
		id, err := readPublicKey(p)
		if err != nil {
			return err
		}
		ks[i] = serverdb.AsesorKey{Identity: id, Name: strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))}
	}
	db, err := serverdb.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	pemda, err := db.Enrol(ctx, *kode, *nama, *by, ks, fps)
	if err != nil {
		return err
	}
	for _, k := range ks {
		fmt.Fprintf(stdout, "terdaftar / enrolled: %s %s — kunci %s, sidik jari %s\n", pemda.Kode, pemda.Nama, k.Name, k.Identity.Fingerprint)
	}
	return nil
}

func readPublicKey(path string) (keys.Identity, error) {
	fh, err := infile.Open(path)
	if err != nil {
		return keys.Identity{}, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, 1<<16))
	if err != nil {
		return keys.Identity{}, err
	}
	id, err := keys.ParsePublic(data)
	if err != nil {
		return keys.Identity{}, fmt.Errorf("%s: %w", path, err)
	}
	return id, nil
}
