package main

import (
	"errors"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage/opdkeys"
)

// guiOPDKeys is app.Deps.OPDKeys: storage/opdkeys on the data folder the
// GUI has open (current returns nil before one is open).
func guiOPDKeys(current func() *cli.Services) opdkeys.GUI {
	return opdkeys.GUI{Folder: func() (opdkeys.Folder, error) {
		svc := current()
		if svc == nil {
			return opdkeys.Folder{}, errors.New("folder data belum dibuka")
		}
		return opdkeys.Folder{DataDir: svc.DataDir, Store: svc.Store}, nil
	}}
}
