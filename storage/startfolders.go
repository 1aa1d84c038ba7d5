package storage

import "os"

// StartFolders are the folders the desktop app offers at start.
type StartFolders struct {
	DataDir    string // named by --data or $SPBE_MANDIRI_DATA, "" when neither
	Default    string // the per-user default data folder; "" when portable
	Legacy     string // earlier versions' default (LegacyDataDir); "" when portable
	Portable   string // the data folder beside the program
	IsPortable bool
	// Settings are the stick's settings when portable, nil otherwise (the
	// app then keeps its settings in the PC's preferences).
	Settings *PortableSettings
}

// GUIStartFolders are the start folders for dataDir (the --data flag).
// When portable nothing of this PC is read or written: the stick's
// settings, and no default folder (which would move the PC's data).
func GUIStartFolders(dataDir string) StartFolders {
	if dataDir == "" {
		dataDir = os.Getenv(EnvDataDir)
	}
	f := StartFolders{DataDir: dataDir}
	f.Portable, f.IsPortable = PortableDir()
	if f.IsPortable {
		f.Settings = OpenPortableSettings(f.Portable)
		return f
	}
	f.Default, _ = DefaultDataDir()
	f.Legacy = LegacyDataDir()
	return f
}
