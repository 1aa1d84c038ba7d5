package main

import (
	"context"
	"crypto/ed25519"
	"errors"
	"io"
	"log/slog"

	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// runClientConfig prints the server-configuration file (spbe-server.json)
// the Pemda hands to its OPDs: the public URL, the Pemda and the receipt
// key with its fingerprint (docs/sync.md §2.5). The OPD refuses receipts
// that do not verify with it.
func runClientConfig(_ context.Context, args []string, stdout, stderr io.Writer) error {
	f := newFlags("client-config", stderr)
	keyFile := f.env("key", "SPBE_SERVER_KEY", "/var/lib/spbe-server/receipt.key", "kunci tanda terima server (dibuat bila belum ada)")
	name := f.env("name", "SPBE_SERVER_NAME", "", "URL publik server, mis. https://sync.sigikab.go.id")
	pemda := f.String("pemda", "", "kode wilayah Pemda, mis. 72.10")
	nama := f.String("nama", "", "nama Pemda")
	if err := f.parse(args); err != nil {
		return err
	}
	if *name == "" || *pemda == "" {
		return errors.New("--name dan --pemda wajib / required")
	}
	key, err := loadOrCreateKey(*keyFile, slog.New(slog.NewTextHandler(stderr, nil)))
	if err != nil {
		return err
	}
	_, err = stdout.Write(syncclient.NewServerConfig(*name, *pemda, *nama, key.Public().(ed25519.PublicKey)))
	return err
}
