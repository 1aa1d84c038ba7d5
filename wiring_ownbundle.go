package main

import (
	"context"
	"crypto/ed25519"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
)

// ownKey is the public key of the data folder's OPD signing key; nil
// before one exists.
func ownKey(svc *cli.Services) ed25519.PublicKey {
	if svc == nil {
		return nil
	}
	return export.OwnKey(svc.DataDir)
}

// guiVerify is the GUI's app.Deps.Verify hook: the report of one bundle,
// checked against this installation's own key.
func guiVerify(current func() *cli.Services) func(context.Context, string) (string, error) {
	return func(_ context.Context, path string) (string, error) {
		rep, err := export.OwnVerifyReport(path, ownKey(current()))
		if err != nil {
			return "", err
		}
		var b strings.Builder
		cli.WriteVerifyReport(&b, path, rep)
		return b.String(), nil
	}
}

// guiOpenReport is the GUI's app.Deps.OpenReport hook (export.OwnReport
// on the data folder the GUI has open).
func guiOpenReport(current func() *cli.Services) func(context.Context, string) (string, error) {
	return func(_ context.Context, path string) (string, error) {
		svc := current()
		if svc == nil {
			return "", export.ErrNoOwnKey
		}
		return export.OwnReport(svc.DataDir, path)
	}
}
