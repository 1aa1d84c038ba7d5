package app

import (
	"bytes"
	"context"
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
	// folder is what Deps.Open returns, every time: tests set its ports
	// (exp, Keys, Portal) and the open UI sees them.
	folder *assessment.OPDFolder
}

// exportFuncs is the folder's export port as function fields; a test sets
// the ones it needs.
type exportFuncs struct {
	assessment.OPDExport
	publish    func(ctx context.Context, id, dir, pass string, progress func(float64)) (string, error)
	verify     func(ctx context.Context, path string) (assessment.VerifyReport, error)
	openReport func(ctx context.Context, path string) (string, error)
}

func (e *exportFuncs) Publish(ctx context.Context, req assessment.ExportRequest) (assessment.ExportResult, error) {
	path, err := e.publish(ctx, req.AssessmentID, req.OutDir, string(req.Passphrase), func(v float64) {
		req.Progress(int64(v*1e6), 1e6)
	})
	return assessment.ExportResult{Path: path}, err
}

func (e *exportFuncs) VerifyOwn(ctx context.Context, path string) (assessment.VerifyReport, error) {
	return e.verify(ctx, path)
}

func (e *exportFuncs) OwnReport(ctx context.Context, path string) (string, error) {
	return e.openReport(ctx, path)
}

// exp is the open folder's export port, made on first use.
func (h *harness) exp() *exportFuncs {
	e, ok := h.folder.Export.(*exportFuncs)
	if !ok {
		e = &exportFuncs{}
		h.folder.Export = e
	}
	return e
}

// portalFunc is the folder's portal port for the GUI (PackageIn).
type portalFunc func(ctx context.Context, id, parent string, progress func(float64)) (string, error)

func (p portalFunc) Package(context.Context, assessment.PortalRequest) (assessment.PortalResult, error) {
	return assessment.PortalResult{}, errors.New("the CLI's")
}

func (p portalFunc) PackageIn(ctx context.Context, id, parent string, progress func(float64)) (string, error) {
	return p(ctx, id, parent, progress)
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
	h.folder = &assessment.OPDFolder{DataDir: "/data/spbe", Store: h.st, Library: h.lib}
	h.st.Now = func() time.Time { return clock }
	if !s.noProfile {
		_ = h.st.SaveProfile(t.Context(), testProfile)
	}
	if !s.noDataDir {
		a.Preferences().SetString(prefDataDir, "/data/spbe")
	}
	deps := Deps{
		Open: func(dir string) (*assessment.OPDFolder, error) {
			if s.openErr != nil {
				return nil, s.openErr
			}
			h.st.Reopen()
			return h.folder, nil
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
