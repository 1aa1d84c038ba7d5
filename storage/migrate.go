package storage

import (
	"embed"

	"github.com/spbe-mandiri/spbe-mandiri/storage/internal/sqlitedb"
)

// applicationID marks an SQLite file as SPBE Mandiri's ("SPBE" in ASCII).
const applicationID = 0x53504245

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered schema step (migrations/NNNN_name.sql).
// Released migrations are never edited; a change is a new file.
type migration = sqlitedb.Migration

// embeddedMigrations reads migrations/NNNN_name.sql in version order. The
// files are compiled in, so a malformed name is a programming error.
func embeddedMigrations() []migration {
	ms, err := sqlitedb.ParseMigrations(migrationFS, "migrations")
	if err != nil {
		panic(err)
	}
	return ms
}
