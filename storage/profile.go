package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Profile returns the installation's profile; assessment.ErrNotFound
// before `spbe-mandiri init`.
func (db *DB) Profile(ctx context.Context) (assessment.Profile, error) {
	var p assessment.Profile
	err := db.read(func(q *sql.DB) error {
		var err error
		p, err = profileOn(ctx, q)
		return err
	})
	return p, err
}

func profileOn(ctx context.Context, q querier) (assessment.Profile, error) {
	var p assessment.Profile
	err := q.QueryRowContext(ctx, `SELECT instansi, opd_kode, opd_nama, operator FROM profile WHERE id = 1`).
		Scan(&p.Instansi, &p.OPDKode, &p.OPDNama, &p.Operator)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("profil OPD %w; jalankan `spbe-mandiri init` dulu", assessment.ErrNotFound)
	}
	return p, err
}

// SaveProfile creates or replaces the profile. Every field is required;
// the OPD code is stored in its canonical form (assessment.ParseOPDCode),
// so the profile never holds a code that export, the bundle verifier or
// the assessor would refuse.
func (db *DB) SaveProfile(ctx context.Context, p assessment.Profile) error {
	p = trimProfile(p)
	if p.OPDKode != "" {
		kode, err := assessment.ParseOPDCode(p.OPDKode)
		if err != nil {
			return err
		}
		p.OPDKode = kode
	}
	for _, f := range []struct{ name, val string }{
		{"instansi", p.Instansi}, {"kode OPD", p.OPDKode}, {"nama OPD", p.OPDNama}, {"operator", p.Operator},
	} {
		if f.val == "" {
			return &assessment.InputError{Msg: f.name + " wajib diisi"}
		}
	}
	return db.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO profile (id, instansi, opd_kode, opd_nama, operator, updated_at)
			VALUES (1, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET instansi = excluded.instansi, opd_kode = excluded.opd_kode,
				opd_nama = excluded.opd_nama, operator = excluded.operator, updated_at = excluded.updated_at`,
			p.Instansi, p.OPDKode, p.OPDNama, p.Operator, db.nowText())
		return err
	})
}

func trimProfile(p assessment.Profile) assessment.Profile {
	p.Instansi = strings.TrimSpace(p.Instansi)
	p.OPDKode = strings.TrimSpace(p.OPDKode)
	p.OPDNama = strings.TrimSpace(p.OPDNama)
	p.Operator = strings.TrimSpace(p.Operator)
	return p
}
