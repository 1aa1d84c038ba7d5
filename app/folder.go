package app

import "github.com/spbe-mandiri/spbe-mandiri/assessment"

// The open OPD folder's ports; nil when no folder is open or the build
// has none (the GUI then hides what needs it). Read them on the UI
// goroutine and hand the value to the job, as every screen does.

// opdExport is the folder's export, own-bundle check and report.
func (u *UI) opdExport() assessment.OPDExport {
	if u.folder == nil {
		return nil
	}
	return u.folder.Export
}

// opdKeys is the folder's signing key (the key screen).
func (u *UI) opdKeys() assessment.OPDKeys {
	if u.folder == nil {
		return nil
	}
	return u.folder.Keys
}

// opdPortal is the folder's Paket unggah portal.
func (u *UI) opdPortal() assessment.OPDPortal {
	if u.folder == nil {
		return nil
	}
	return u.folder.Portal
}
