package app

import (
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
)

// PickedFile is a file the user chose as evidence. Open is called off the
// UI goroutine; size is -1 when unknown.
type PickedFile struct {
	Name string
	Open func() (r io.ReadCloser, size int64, err error)
}

// FileSource asks the user for a file ("pick a file"). PickFile runs on
// the UI goroutine and calls done there, with ok false when the user
// cancelled. Tests inject a source that returns an in-memory reader.
type FileSource interface {
	PickFile(parent fyne.Window, done func(f PickedFile, ok bool))
}

// dialogFiles is the system file dialog.
type dialogFiles struct{}

func (dialogFiles) PickFile(parent fyne.Window, done func(PickedFile, bool)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, parent)
			return
		}
		if rc == nil {
			done(PickedFile{}, false)
			return
		}
		done(uriFile(rc.URI(), rc), true)
	}, parent)
	d.Resize(fyne.NewSize(900, 600))
	showFileDialog(d, parent)
}

// uriFile wraps a URI (from the dialog or a drop); rc may be an already
// opened reader.
func uriFile(u fyne.URI, rc io.ReadCloser) PickedFile {
	return PickedFile{Name: u.Name(), Open: func() (io.ReadCloser, int64, error) {
		size := int64(-1)
		if u.Scheme() == "file" {
			if fi, err := os.Stat(u.Path()); err == nil {
				if fi.IsDir() {
					if rc != nil {
						rc.Close()
					}
					return nil, 0, &dirError{name: u.Name()}
				}
				size = fi.Size()
			}
		}
		if rc != nil {
			return rc, size, nil
		}
		r, err := fynestorage.Reader(u)
		return r, size, err
	}}
}

type dirError struct{ name string }

func (e *dirError) Error() string { return trf("evidence.isFolder", e.name) }
