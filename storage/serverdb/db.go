package serverdb

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// DB is the server's connection pool.
type DB struct{ Pool *pgxpool.Pool }

// Open connects and checks that the schema is the one this build knows
// (run `spbe-server migrate` first).
func Open(ctx context.Context, dsn string) (*DB, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, err
	}
	var v int
	err = pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v)
	switch {
	case err != nil:
		pool.Close()
		return nil, fmt.Errorf("basis data belum dimigrasi (jalankan `spbe-server migrate`): %w", err)
	case v != SchemaVersion():
		pool.Close()
		return nil, fmt.Errorf("skema basis data versi %d, program ini versi %d: jalankan `spbe-server migrate` atau perbarui program", v, SchemaVersion())
	}
	return &DB{Pool: pool}, nil
}

// Close closes the pool.
func (db *DB) Close() { db.Pool.Close() }

// Ping checks that PostgreSQL answers (for /healthz).
func (db *DB) Ping(ctx context.Context) error { return db.Pool.Ping(ctx) }

// Pemda is one tenant.
type Pemda struct {
	ID   int16
	Kode string
	Nama string
}

// PemdaByKode finds a Pemda; assessment.ErrNotFound when not enrolled.
func (db *DB) PemdaByKode(ctx context.Context, kode string) (Pemda, error) {
	p := Pemda{Kode: kode}
	err := db.Pool.QueryRow(ctx, `SELECT id, nama FROM pemda WHERE kode = $1`, kode).Scan(&p.ID, &p.Nama)
	if errors.Is(err, pgx.ErrNoRows) {
		return p, fmt.Errorf("pemda %s: %w", kode, assessment.ErrNotFound)
	}
	return p, err
}

// AsesorKey is an enrolled Tim Asesor key.
type AsesorKey struct {
	Identity keys.Identity
	Name     string
}

// Enrol adds a Pemda (or renames it) and enrols its Tim Asesor keys, each
// only if the fingerprint the operator read back matches the key file:
// the same ceremony as the desktop's Formulir Pendaftaran Kunci. All in one
// transaction.
func (db *DB) Enrol(ctx context.Context, kode, nama, by string, ks []AsesorKey, fingerprints []string) (Pemda, error) {
	if len(ks) != len(fingerprints) {
		return Pemda{}, errors.New("setiap kunci asesor memerlukan sidik jari yang dibacakan")
	}
	for i, k := range ks {
		if k.Identity.Fingerprint != fingerprints[i] {
			return Pemda{}, fmt.Errorf("sidik jari kunci %s tidak cocok: berkas %s, dibacakan %s — jangan daftarkan kunci ini",
				k.Name, k.Identity.Fingerprint, fingerprints[i])
		}
	}
	p := Pemda{Kode: kode, Nama: nama}
	err := pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO pemda (kode, nama) VALUES ($1, $2)
			ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama RETURNING id`, kode, nama).Scan(&p.ID)
		if err != nil {
			return err
		}
		for _, k := range ks {
			_, err := tx.Exec(ctx, `INSERT INTO asesor_key (keyid, pemda_id, public_key, fingerprint, name, enrolled_by)
				VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (keyid) DO NOTHING`,
				k.Identity.KeyID, p.ID, []byte(k.Identity.PublicKey), k.Identity.Fingerprint, k.Name, by)
			if err != nil {
				return err
			}
		}
		return nil
	})
	return p, err
}

// AsesorKeys are the Pemda's live Tim Asesor keys, by key id.
func (db *DB) AsesorKeys(ctx context.Context, pemda int16) (map[string]ed25519.PublicKey, error) {
	rows, err := db.Pool.Query(ctx, `SELECT keyid, public_key FROM asesor_key WHERE pemda_id = $1 AND revoked_at IS NULL`, pemda)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]ed25519.PublicKey{}
	for rows.Next() {
		var id string
		var pub []byte
		if err := rows.Scan(&id, &pub); err != nil {
			return nil, err
		}
		out[id] = pub
	}
	return out, rows.Err()
}

// IsUniqueViolation reports a unique-constraint error (SQLSTATE 23505): a
// lost race that the constraint turned into an error.
func IsUniqueViolation(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}
