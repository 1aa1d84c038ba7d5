// Package app is the SPBE Mandiri desktop GUI for OPD officers: first run,
// the list of assessments, the questionnaire with autosave, evidence and
// history, and the dashboard. It reaches data only through the ports of
// the open assessment.OPDFolder (its Store, export, keys, portal, feedback
// inbox) and Deps; main.go supplies them through Deps.
//
// Threading: every callback runs on Fyne's UI goroutine and does no I/O.
// Store calls run on worker goroutines (see jobs) and report back with
// fyne.Do.
package app

import (
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
)

// Deps is everything the GUI needs from main.go.
type Deps struct {
	// Open opens (creating if needed) the data folder dataDir: its store,
	// its catalog library (embedded plus imported catalogs) and its
	// services as ports (export, signing key, portal package, feedback
	// inbox), the same value the CLI works on (storage/opdsvc.OpenFolder).
	// A nil port hides what needs it. It is called off the UI goroutine.
	// Its error message (locked by another instance, newer database,
	// corrupt…) is shown to the user as is, so it should already be in
	// Bahasa Indonesia. Required.
	Open func(dataDir string) (*assessment.OPDFolder, error)

	// DefaultDataDir is the per-user data folder offered on first run.
	DefaultDataDir string
	// PortableDataDir is the folder next to the executable (portable mode,
	// e.g. on a USB stick); "" hides that choice.
	PortableDataDir string
	// Portable is true when the stick says the program is portable (a
	// marker file or the data folder next to it, storage.PortableDir):
	// PortableDataDir is then opened at start without asking, whatever
	// this PC remembers, and Prefs should be kept on the stick too.
	Portable bool
	// LegacyDataDir is the default data folder of earlier versions that
	// DefaultDataDir has replaced (Roaming AppData on Windows): a
	// remembered folder equal to it opens DefaultDataDir.
	LegacyDataDir string
	// Prefs keeps what the app remembers (language, data folder,
	// workspace, assessor name). nil: the fyne.App's Preferences (this
	// PC's user profile); in portable mode main passes the stick's.
	Prefs Prefs

	// Settings are start-up overrides (command-line flags).
	Settings Settings

	// Sync is the collection server (sync_opd.go, sync_asesor.go); nil
	// hides Server pengumpul and Tarik dari server.
	Sync *SyncDeps

	// OpenAsesor opens (creating if needed) the assessor's workspace (Tim
	// Asesor Internal) of the data folder dataDir. It is called off the UI
	// goroutine; its error is shown as is. nil hides the workspace choice.
	// The workspace is the one port the CLI uses too (asesorport.Workspace).
	OpenAsesor func(dataDir string) (asesorport.Workspace, error)
	// HasAsesor reports whether the data folder dataDir already holds an
	// assessor's workspace (called off the UI goroutine): a folder with
	// one and no OPD profile opens in the assessor's workspace.
	HasAsesor func(dataDir string) bool
	// Paths asks for a folder or a file: the assessor's bundles to import
	// and export folders, the OPD's feedback and assessor key files. nil
	// uses the system dialogs; tests inject their own.
	Paths PathSource

	// Files asks the user for an evidence file. nil uses the system file
	// dialog; tests inject their own.
	Files FileSource
}

// Settings override what the GUI remembers in fyne.App.Preferences().
type Settings struct {
	// DataDir, when set (e.g. by --data), is used instead of the
	// remembered data folder and skips the folder choice of the first run.
	DataDir string
	// Language, when set ("id" or "en"), overrides the remembered language.
	Language string
}

// Prefs is the part of fyne.Preferences the app uses.
type Prefs interface {
	String(key string) string
	StringWithFallback(key, fallback string) string
	SetString(key, value string)
}

// Preference keys in Prefs.
const (
	prefLanguage = "language"
	prefDataDir  = "dataDir"
	// prefWorkspace is "opd" (default) or "asesor".
	prefWorkspace = "workspace"
)

// Workspaces (prefWorkspace values).
const (
	workspaceOPD    = "opd"
	workspaceAsesor = "asesor"
)
