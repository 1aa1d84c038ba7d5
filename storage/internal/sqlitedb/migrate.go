package sqlitedb

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Migration is one numbered schema step. Released migrations are never
// edited; a change is a new file.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// ParseMigrations reads dir/NNNN_name.sql from fsys in version order and
// checks that they are numbered 1..n.
func ParseMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	var ms []Migration
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
		ms = append(ms, Migration{Version: v, Name: strings.TrimSuffix(rest, ".sql"), SQL: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i, m := range ms {
		if m.Version != i+1 {
			return nil, fmt.Errorf("storage: migrations must be numbered 1..n, got %d at %d", m.Version, i+1)
		}
	}
	return ms, nil
}

// Migrate applies every migration newer than have (the database's
// user_version), each in its own transaction together with its PRAGMA
// user_version, so a failure leaves the database at the previous version
// with its schema unchanged. appID is the database's application id.
func Migrate(ctx context.Context, db *sql.DB, ms []Migration, have int, appID int64) error {
	for _, m := range ms {
		if m.Version <= have {
			continue
		}
		if err := applyMigration(ctx, db, m, appID); err != nil {
			return &MigrationError{Version: m.Version, Name: m.Name, Err: err}
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m Migration, appID int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	// application_id and user_version live in the database header, which
	// is written through the same journal: they commit or roll back with
	// the schema change.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", appID)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.Version)); err != nil {
		return err
	}
	return tx.Commit()
}
