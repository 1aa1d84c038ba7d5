package assessment

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckOutputFile(t *testing.T) {
	data := osPath("/home/rina/.config/spbe-mandiri")
	ws := osPath("/media/usb/asesor")
	folders := []string{data, ws}
	p := osPath
	for _, c := range []struct {
		name   string
		t      OutputTarget
		force  bool
		reason OutputReason // "" = allowed
	}{
		{"new file outside", OutputTarget{Resolved: p("/media/usb/laporan.pdf")}, false, ""},
		{"database", OutputTarget{Resolved: p(data + "/spbe-mandiri.db"), Exists: true}, true, OutputInDataFolder},
		{"key file", OutputTarget{Resolved: p(data + "/keys/kunci.json"), Exists: true}, true, OutputInDataFolder},
		{"new file in data folder", OutputTarget{Resolved: p(data + "/laporan.pdf")}, false, OutputInDataFolder},
		{"the data folder itself", OutputTarget{Resolved: data, Exists: true, IsDir: true}, true, OutputInDataFolder},
		{"workspace", OutputTarget{Resolved: p(ws + "/blobs/ab/x")}, false, OutputInDataFolder},
		{"other case", OutputTarget{Resolved: p("/home/rina/.config/SPBE-Mandiri/x.pdf")}, false, OutputInDataFolder},
		{"sibling with same prefix", OutputTarget{Resolved: p(data + "-lama/x.pdf")}, false, ""},
		{"parent of data folder", OutputTarget{Resolved: p("/home/rina/.config/x.pdf")}, false, ""},
		{"existing file", OutputTarget{Resolved: p("/tmp/x.pdf"), Exists: true}, false, OutputExists},
		{"existing file, force", OutputTarget{Resolved: p("/tmp/x.pdf"), Exists: true}, true, ""},
		{"a folder", OutputTarget{Resolved: p("/tmp"), Exists: true, IsDir: true}, true, OutputIsDir},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.t.Path = "jalur-" + c.name
			err := CheckOutputFile(c.t, folders, c.force)
			var oe *OutputPathError
			switch {
			case c.reason == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.reason != "" && (!errors.As(err, &oe) || oe.Reason != c.reason):
				t.Fatalf("got %v, want %s", err, c.reason)
			case c.reason == OutputExists && !errors.Is(err, fs.ErrExist):
				t.Fatal("an existing file does not match fs.ErrExist")
			}
		})
	}
}

func TestCheckOutputDir(t *testing.T) {
	data := osPath("/data")
	for _, c := range []struct {
		t      OutputTarget
		reason OutputReason
	}{
		{OutputTarget{Resolved: osPath("/media/usb"), Exists: true, IsDir: true}, ""},
		{OutputTarget{Resolved: osPath("/media/usb/baru")}, ""},
		{OutputTarget{Resolved: osPath("/data/asesor"), Exists: true, IsDir: true}, OutputInDataFolder},
		{OutputTarget{Resolved: osPath("/media/usb/x.pdf"), Exists: true}, OutputNotDir},
	} {
		err := CheckOutputDir(c.t, []string{data})
		var oe *OutputPathError
		if (c.reason == "") != (err == nil) || (err != nil && (!errors.As(err, &oe) || oe.Reason != c.reason)) {
			t.Errorf("%s: got %v, want %q", c.t.Resolved, err, c.reason)
		}
	}
	if err := CheckOutputDir(OutputTarget{Path: "x", Resolved: "relatif"}, nil); err == nil {
		t.Error("an unresolved path passed")
	}
}

func TestOutputPathMessages(t *testing.T) {
	for err, want := range map[error]string{
		&OutputPathError{Path: "/d/x", Folder: "/d", Reason: OutputInDataFolder}: "tidak menulis ke folder data SPBE Mandiri (/d): /d/x berada di dalamnya; pilih folder lain, misalnya flashdisk",
		&OutputPathError{Path: "a.pdf", Reason: OutputExists}:                    "berkas a.pdf sudah ada; tambahkan --force untuk menimpanya",
	} {
		if err.Error() != want {
			t.Errorf("%q, want %q", err, want)
		}
	}
}

// osPath is filepath.FromSlash, made absolute on Windows too (where
// `\media\usb` has no drive and is not absolute).
func osPath(s string) string {
	s = filepath.FromSlash(s)
	if !filepath.IsAbs(s) && strings.HasPrefix(s, `\`) {
		s = `C:` + s
	}
	return s
}
