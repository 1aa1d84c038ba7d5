package main

import (
	"context"
	"fmt"
	"io"
	"time"
)

// runGC expires abandoned uploads and staging bundles (run daily, e.g. by
// a systemd timer). It takes serve's database and S3 flags.
func runGC(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f, c := serveFlags(stderr)
	age := f.env("older-than", "SPBE_SERVER_GC_AGE", "336h", "hapus unggahan tanpa kemajuan selama ini / expire after no progress for")
	if err := f.parse(args); err != nil {
		return err
	}
	maxAge, err := time.ParseDuration(*age)
	if err != nil {
		return fmt.Errorf("--older-than: %w", err)
	}
	log := newLogger(*c.logFormat, stderr)
	srv, closeAll, err := buildServer(ctx, c, log)
	if err != nil {
		return err
	}
	defer closeAll()
	rep, err := srv.GC(ctx, maxAge)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "dihapus / expired: %d bundel staging, %d unggahan, %d berkas ekor\n", rep.Bundles, rep.Uploads, rep.Tails)
	return nil
}
