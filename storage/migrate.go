package storage

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered schema step. Released migrations are never
// edited; a change is a new file.
type migration struct {
	version int
	name    string
	sql     string
}

// embeddedMigrations reads migrations/NNNN_name.sql in version order. The
// files are compiled in, so a malformed name is a programming error.
func embeddedMigrations() []migration {
	ms, err := parseMigrations(migrationFS, "migrations")
	if err != nil {
		panic(err)
	}
	return ms
}

// parseMigrations reads dir/NNNN_name.sql from fsys in version order and
// checks that they are numbered 1..n.
func parseMigrations(fsys fs.FS, dir string) ([]migration, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := path.Base(n)
		num, rest, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("storage: bad migration file name %s", base)
		}
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: strings.TrimSuffix(rest, ".sql"), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("storage: migrations must be numbered 1..n, got %d at %d", m.version, i+1)
		}
	}
	return ms, nil
}

// migrateApp applies every migration newer than the database's
// user_version, each in its own transaction together with its PRAGMA
// user_version, so a failure leaves the database at the previous version
// with its schema unchanged. appID is the database's application id.
func migrateApp(ctx context.Context, db *sql.DB, ms []migration, have int, appID int64) error {
	for _, m := range ms {
		if m.version <= have {
			continue
		}
		if err := applyMigration(ctx, db, m, appID); err != nil {
			return &MigrationError{Version: m.version, Name: m.name, Err: err}
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration, appID int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	// application_id and user_version live in the database header, which
	// is written through the same journal: they commit or roll back with
	// the schema change.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", appID)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return err
	}
	return tx.Commit()
}
