// Package viewer is the one way a stored file — an OPD's evidence, a
// report from a bundle — is handed to the system viewer: a copy under a
// name the system cannot run. A name whose extension is not a document
// type gets ".bin" added ("SK.pdf.exe" → "SK.pdf.exe.bin"), and such a
// copy is never given to the system to open (the GUI opens its folder
// instead); on Windows the copy carries the Mark of the Web, so Office
// opens an OPD's .doc or .xls in Protected View with its macros blocked.
// The OPD's own evidence screen and the assessor's workspace both use it.
package viewer

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// quarantineExt is added to a name that is not a document type.
const quarantineExt = ".bin"

// documentExtensions are the document types a copy keeps its name for:
// what OPDs attach as evidence, each opened by a viewer or an office
// program, none of them a program or a script itself.
var documentExtensions = map[string]bool{
	".pdf": true, ".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true,
	".txt": true, ".csv": true, ".rtf": true,
	".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true,
	".odt": true, ".ods": true, ".odp": true,
}

// Name is the file name of a copy for the viewer: the name made safe by
// assessment.LocalFileName (no folders, no ":" of an alternate data
// stream, no device name), sum when nothing is left, and ".bin" added
// unless the extension is a document type. The type is judged on the
// name as sent (compared case-insensitively), before trailing dots or
// spaces are dropped: "SK.pdf." is not a .pdf name, so it gets ".bin".
func Name(sum, name string) string {
	sent := path.Base(path.Clean("/" + strings.ReplaceAll(name, "\\", "/")))
	if sent == "/" {
		return sum + quarantineExt
	}
	if !documentExtensions[strings.ToLower(path.Ext(sent))] {
		sent += quarantineExt
	}
	return assessment.LocalFileName(sent, sum+quarantineExt)
}

// Quarantined reports a copy that Name gave ".bin": it must not be handed
// to the system to open.
func Quarantined(file string) bool {
	return strings.EqualFold(filepath.Ext(file), quarantineExt)
}

// Copy writes src into dir (created if needed, private) as name, which
// Name made: through a temporary file renamed into place, so a viewer
// never sees half a file. It returns the copy's path.
func Copy(dir, name string, src io.Reader) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(dir, ".copy-*")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(tmp, src)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	dst := filepath.Join(dir, name)
	if err == nil {
		err = os.Rename(tmp.Name(), dst)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("salinan berkas gagal: %w", err)
	}
	markFromElsewhere(dst)
	return dst, nil
}

// markFromElsewhere gives the copy, on Windows, the Mark of the Web
// (Zone.Identifier, zone 3) that a file from a USB stick would carry if
// Explorer had copied it. Best effort: on a file system without
// alternate streams the copy simply has no mark.
func markFromElsewhere(file string) {
	if runtime.GOOS != "windows" {
		return
	}
	_ = os.WriteFile(file+":Zone.Identifier", []byte("[ZoneTransfer]\r\nZoneId=3\r\n"), 0o600)
}
