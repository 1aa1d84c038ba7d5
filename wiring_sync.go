package main

import (
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncsvc"
)

// syncPorts is the collection server (storage/syncsvc, docs/sync.md) for
// the GUI and the CLI alike: the data folder's outbox to the server and
// the Tim Asesor's feedback upload.
func syncPorts() *syncapi.Ports {
	return &syncapi.Ports{Outbox: syncsvc.OPD{}, Feedback: syncsvc.Relay{}}
}
