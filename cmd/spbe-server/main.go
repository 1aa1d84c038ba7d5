// Command spbe-server is the collection server of SPBE Mandiri
// (docs/sync.md): OPD installations push signed bundles to it when a
// connection exists; it verifies them with the desktop's verifier and
// import decision, keeps them in PostgreSQL and an S3 bucket, and hands out
// signed receipts. Pure Go (CGO_ENABLED=0), no GUI toolkit in its build.
//
//	spbe-server migrate  [--db DSN]
//	spbe-server enrol    [--db DSN] --pemda KODE --nama NAMA --by OPERATOR --asesor-key BERKAS --fingerprint "….." …
//	spbe-server serve    [--db DSN] [--listen ADDR] [--s3-…] [--staging DIR] [--key BERKAS] [--name URL]
//	spbe-server gc       [serve's flags] [--older-than 336h]
//	spbe-server client-config --key BERKAS --name URL --pemda KODE [--nama NAMA] > spbe-server.json
//
// Every flag can also be given by environment (SPBE_SERVER_DB, …; see
// --help of each command).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `pakai / usage: spbe-server migrate | enrol | serve | gc  [--help]
  migrate  menerapkan migrasi skema PostgreSQL / applies the schema migrations
  enrol    mendaftarkan Pemda dan kunci Tim Asesor / enrols a Pemda and its assessor keys
  serve    menjalankan API v1 / serves API v1
  gc       menghapus unggahan yang ditinggalkan / expires abandoned uploads
  client-config  mencetak berkas konfigurasi server untuk OPD / prints the OPDs' server configuration file
`

// run is main without the process: tests call it in-process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmds := map[string]func(context.Context, []string, io.Writer, io.Writer) error{
		"migrate": runMigrate, "enrol": runEnrol, "serve": runServe, "gc": runGC, "client-config": runClientConfig,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprint(stderr, usage)
		return 2
	}
	if err := cmd(ctx, args[1:], stdout, stderr); err != nil {
		if errors.Is(err, errUsage) {
			return 2
		}
		fmt.Fprintf(stderr, "spbe-server %s: %v\n", args[0], err)
		return 1
	}
	return 0
}
