package cli

import "github.com/spbe-mandiri/spbe-mandiri/assessment"

// Services is an opened data folder: its store, its catalog library and
// its services (export, keys, portal package, feedback inbox) as the
// assessment ports. storage/opdsvc.OpenFolder builds it, for the CLI and
// the GUI alike (storage is never imported here).
type Services = assessment.OPDFolder
