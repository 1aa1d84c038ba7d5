package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
)

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f := newFlags("migrate", stderr)
	dsn := f.db()
	if err := f.parse(args); err != nil {
		return err
	}
	if *dsn == "" {
		return errors.New("--db wajib / required")
	}
	applied, err := serverdb.Migrate(ctx, *dsn)
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintf(stdout, "skema sudah versi %d / schema already at version %d\n", serverdb.SchemaVersion(), serverdb.SchemaVersion())
		return nil
	}
	fmt.Fprintf(stdout, "diterapkan / applied: %s (versi %d)\n", strings.Join(applied, ", "), serverdb.SchemaVersion())
	return nil
}
