package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/report"
)

// printDeps wires the printable PDFs (cli.Env.Print).
func printDeps() *cli.PrintDeps {
	return &cli.PrintDeps{Report: draftReport, KeyForm: keyForm}
}

// draftReport renders the assessment as it stands, unsigned, with a footer
// saying it has not been exported: the signed copy lives in the bundle.
func draftReport(ctx context.Context, svc *cli.Services, id string) ([]byte, error) {
	snap, err := bundle.LoadSnapshot(ctx, svc.Store, svc.Library, id)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = report.Render(&buf, snap, report.Footer{GeneratedAt: time.Now()})
	return buf.Bytes(), err
}

// keyForm renders the Formulir Pendaftaran Kunci of the installed key.
func keyForm(ctx context.Context, svc *cli.Services) ([]byte, error) {
	p, err := svc.Store.Profile(ctx)
	if errors.Is(err, assessment.ErrNotFound) {
		return nil, errors.New("profil OPD belum diisi; jalankan `spbe-mandiri init` dulu")
	}
	if err != nil {
		return nil, err
	}
	id, err := keys.Open(svc.DataDir).Identity()
	if errors.Is(err, keys.ErrNoKey) {
		return nil, errors.New("belum ada kunci penanda tangan; buat dengan `spbe-mandiri key init`")
	}
	if err != nil {
		return nil, err
	}
	k := report.KeyInfo{PublicKeyBase64: base64.StdEncoding.EncodeToString(id.PublicKey), KeyID: id.KeyID, Fingerprint: id.Fingerprint}
	var buf bytes.Buffer
	err = report.RenderKeyForm(&buf, p, k, time.Now())
	return buf.Bytes(), err
}
