package guitest_test

import (
	"bytes"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/app"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/opdsvc"
)

var profile = assessment.Profile{
	Instansi: "Pemerintah Kabupaten Sigi", OPDKode: "DISKOMINFO",
	OPDNama: "Dinas Komunikasi dan Informatika", Operator: "Rahmat",
}

// oneFile is the injected "pick a file".
type oneFile struct {
	name string
	data []byte
}

func (f oneFile) PickFile(_ fyne.Window, done func(app.PickedFile, bool)) {
	done(app.PickedFile{Name: f.name, Open: func() (io.ReadCloser, int64, error) {
		return io.NopCloser(bytes.NewReader(f.data)), int64(len(f.data)), nil
	}}, true)
}

func openReal(t *testing.T) func(string) (*assessment.OPDFolder, error) {
	return func(dir string) (*assessment.OPDFolder, error) {
		db, err := storage.Open(dir)
		if err != nil {
			return nil, err
		}
		lib, err := assets.Library()
		if err != nil {
			db.Close()
			return nil, err
		}
		return opdsvc.Folder(db, lib), nil
	}
}

// prepare creates a data folder holding a profile.
func prepare(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	db, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SaveProfile(t.Context(), profile); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// The main flow on the real store: create, pick a level, attach evidence,
// type, close the window — then reopen the folder and find it all there.
func TestFlowAgainstSQLite(t *testing.T) {
	dir := prepare(t)
	var opened []assessment.Store
	open := openReal(t)
	deps := app.Deps{
		Open: func(d string) (*assessment.OPDFolder, error) {
			f, err := open(d)
			if err == nil {
				opened = append(opened, f.Store)
			}
			return f, err
		},
		Settings: app.Settings{DataDir: dir},
		Files:    oneFile{name: "Indikator1-Perbup-ArsitekturSPBE.pdf", data: []byte("%PDF-1.4 bukti dukung")},
	}
	test.NewTempApp(t)
	u := app.New(fyne.CurrentApp(), deps, app.WithTestDriver())
	u.Window().Resize(fyne.NewSize(1340, 690))
	u.Wait()
	c := u.Window().Canvas()

	test.Tap(button(t, c, "Penilaian baru"))
	radio := find[*widget.RadioGroup](t, c, func(*widget.RadioGroup) bool { return true })
	for _, o := range radio.Options {
		if strings.Contains(o, "59/2020") {
			radio.SetSelected(o)
		}
	}
	test.Tap(button(t, c, "Buat penilaian"))
	u.Wait()

	test.Tap(button(t, c, "Level 3"))
	u.Wait()
	test.Tap(button(t, c, "Tambah berkas…"))
	u.Wait()
	just := entryWithPlaceholder(t, c, "Tulis penjelasan di sini…")
	test.Type(just, "FAKTA: Perbup Sigi 12/2023 tentang Arsitektur SPBE")

	test.Tap(button(t, c, "Dasbor"))
	if !hasLabel(c, "1 dari 47 indikator sudah diberi level") {
		t.Error("dashboard does not count the answer")
	}

	closed := false
	u.Window().SetOnClosed(func() { closed = true })
	u.RequestClose()
	u.Wait()
	if !closed {
		t.Fatal("window not closed")
	}
	for _, st := range opened {
		st.Close()
	}

	db, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	list, err := db.Assessments(t.Context())
	if err != nil || len(list) != 1 || list[0].Periode == 0 || list[0].CatalogID != "spbe-2020" {
		t.Fatalf("assessments %+v, %v", list, err)
	}
	answers, err := db.Answers(t.Context(), list[0].ID)
	if err != nil || len(answers) != 1 {
		t.Fatalf("answers %+v, %v", answers, err)
	}
	if a := answers[0]; a.Indicator != 1 || a.Level != 3 || a.Justification != "FAKTA: Perbup Sigi 12/2023 tentang Arsitektur SPBE" || a.Operator != "Rahmat" {
		t.Fatalf("answer %+v", a)
	}
	ev, err := db.Evidence(t.Context(), list[0].ID)
	if err != nil || len(ev) != 1 || ev[0].OriginalName != "Indikator1-Perbup-ArsitekturSPBE.pdf" || ev[0].Level != 3 {
		t.Fatalf("evidence %+v, %v", ev, err)
	}
	if _, err := os.Stat(db.BlobPath(ev[0].Blob.SHA256)); err != nil {
		t.Fatalf("blob file: %v", err)
	}
	hist, err := db.History(t.Context(), list[0].ID, 1)
	if err != nil || len(hist) < 3 {
		t.Fatalf("history %+v, %v", hist, err)
	}
}

// A second instance on the same folder is refused with a message, no panic.
func TestLockedFolderShowsMessage(t *testing.T) {
	dir := prepare(t)
	holder, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	test.NewTempApp(t)
	u := app.New(fyne.CurrentApp(), app.Deps{Open: openReal(t), Settings: app.Settings{DataDir: dir}}, app.WithTestDriver())
	u.Wait()
	if u.Window().Canvas().Overlays().Top() == nil {
		t.Fatal("no error dialog for a locked data folder")
	}
}

// walk visits o and everything inside it.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, fn)
		}
	}
}

func find[T any](t *testing.T, c fyne.Canvas, ok func(T) bool) T {
	t.Helper()
	var found T
	var hit bool
	walk(c.Content(), func(o fyne.CanvasObject) {
		if v, is := o.(T); is && !hit && ok(v) {
			found, hit = v, true
		}
	})
	if !hit {
		t.Fatalf("no %T found", found)
	}
	return found
}

func button(t *testing.T, c fyne.Canvas, text string) *widget.Button {
	t.Helper()
	return find(t, c, func(b *widget.Button) bool { return b.Text == text && !b.Disabled() })
}

// entryWithPlaceholder finds an entry (the GUI's own entry types embed
// widget.Entry) by its placeholder.
func entryWithPlaceholder(t *testing.T, c fyne.Canvas, ph string) fyne.Focusable {
	t.Helper()
	return find(t, c, func(f fyne.Focusable) bool {
		if _, ok := f.(fyne.CanvasObject); !ok {
			return false
		}
		v := reflect.ValueOf(f)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return false
		}
		p := v.Elem().FieldByName("PlaceHolder")
		return p.IsValid() && p.Kind() == reflect.String && p.String() == ph
	})
}

func hasLabel(c fyne.Canvas, text string) bool {
	found := false
	walk(c.Content(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			found = true
		}
	})
	return found
}
