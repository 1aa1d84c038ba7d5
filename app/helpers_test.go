package app

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/fakestore"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

var update = flag.Bool("update", false, "rewrite the golden markup files in testdata")

// clock is the fixed time of every test (local zone, so formatting is
// the same wherever the tests run).
var clock = time.Date(2025, 11, 27, 10, 42, 0, 0, time.Local)

func library(t testing.TB) *assessment.Library {
	t.Helper()
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

var testProfile = assessment.Profile{
	Instansi: "Pemerintah Kabupaten Sigi", OPDKode: "DISKOMINFO",
	OPDNama: "Dinas Komunikasi dan Informatika", Operator: "Rahmat",
}

// memFiles is the injected "pick a file": it hands out the next queued file.
type memFiles struct{ queue []PickedFile }

func (m *memFiles) PickFile(_ fyne.Window, done func(PickedFile, bool)) {
	if len(m.queue) == 0 {
		done(PickedFile{}, false)
		return
	}
	f := m.queue[0]
	m.queue = m.queue[1:]
	done(f, true)
}

func memFile(name string, data []byte) PickedFile {
	return PickedFile{Name: name, Open: func() (io.ReadCloser, int64, error) {
		return io.NopCloser(bytes.NewReader(data)), int64(len(data)), nil
	}}
}

// harness is a UI on a fake store in Fyne's headless test app.
type harness struct {
	t     testing.TB
	u     *UI
	st    *fakestore.Store
	lib   *assessment.Library
	files *memFiles
}

type setup struct {
	noDataDir bool // first run
	noProfile bool
	openErr   error
}

func newHarness(t testing.TB, s setup) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	h := &harness{t: t, st: fakestore.New(), lib: library(t), files: &memFiles{}}
	h.st.Now = func() time.Time { return clock }
	if !s.noProfile {
		_ = h.st.SaveProfile(t.Context(), testProfile)
	}
	if !s.noDataDir {
		a.Preferences().SetString(prefDataDir, "/data/spbe")
	}
	deps := Deps{
		Open: func(dir string) (assessment.Store, *assessment.Library, error) {
			if s.openErr != nil {
				return nil, nil, s.openErr
			}
			h.st.Reopen()
			return h.st, h.lib, nil
		},
		DefaultDataDir:  "/home/opd/SPBE Mandiri",
		PortableDataDir: "",
		Files:           h.files,
	}
	h.u = New(a, deps, WithTestDriver())
	h.u.now = func() time.Time { return clock }
	h.u.saver.delay = time.Hour // tests flush explicitly unless they test the pause
	h.u.win.Resize(fyne.NewSize(1340, 690))
	h.u.Wait()
	t.Cleanup(func() { h.u.Wait() })
	return h
}

// wait lets background work finish.
func (h *harness) wait() { h.u.Wait() }

func (h *harness) home() *home {
	h.t.Helper()
	s, ok := h.u.current.(*home)
	if !ok {
		h.t.Fatalf("current screen is %T, want *home", h.u.current)
	}
	return s
}

func (h *harness) q() *questionnaire {
	h.t.Helper()
	s, ok := h.u.current.(*questionnaire)
	if !ok {
		h.t.Fatalf("current screen is %T, want *questionnaire", h.u.current)
	}
	return s
}

// newAssessment creates an assessment of catalog id through the GUI.
func (h *harness) newAssessment(catalogID string, periode string) *questionnaire {
	h.t.Helper()
	test.Tap(h.home().newBtn)
	n, ok := h.u.current.(*newAssessment)
	if !ok {
		h.t.Fatalf("current screen is %T, want *newAssessment", h.u.current)
	}
	for opt, c := range n.catalogs {
		if c.ID == catalogID {
			n.instrument.SetSelected(opt)
		}
	}
	n.periode.SetText("")
	test.Type(n.periode, periode)
	test.Tap(n.create)
	h.wait()
	return h.q()
}

func (h *harness) answer(id string, n int) assessment.Answer {
	h.t.Helper()
	answers, err := h.st.Answers(h.t.Context(), id)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, a := range answers {
		if a.Indicator == n {
			return a
		}
	}
	return assessment.Answer{Indicator: n}
}

func (h *harness) evidence(id string) []assessment.Evidence {
	h.t.Helper()
	ev, err := h.st.Evidence(h.t.Context(), id)
	if err != nil {
		h.t.Fatal(err)
	}
	return ev
}

// golden compares the window with testdata/name (rewritten with -update).
func (h *harness) golden(name string) {
	h.t.Helper()
	if *update {
		path := filepath.Join("testdata", name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			h.t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(test.RenderToMarkup(h.u.win.Canvas())), 0o644); err != nil {
			h.t.Fatal(err)
		}
	}
	test.AssertRendersToMarkup(h.t.(*testing.T), name, h.u.win.Canvas())
}

var errDisk = errors.New("disk penuh")
