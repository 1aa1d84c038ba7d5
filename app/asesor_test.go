package app

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/fakestore"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// fakeAsesor is an in-memory asesorport.Workspace. Its methods run
// on worker goroutines. notCalled stands for what the screens under
// test never call (the CLI's records and files; the server pull and the
// portal package have fakes of their own where tested).
type fakeAsesor struct {
	notCalled

	mu       sync.Mutex
	outcomes []intake.Outcome // what Import returns
	imported [][]string
	keys     []assessment.RegisteredKey
	recap    []assessment.RecapRow
	verified []string // "keyID|how|by"
	closed   bool
	bundles  []assessment.ReviewBundle
	sheets   map[string][]assessment.ReviewItem // by bundle id
	saved    []assessment.ReviewDecision
	// savedItems are the item verdicts recorded (asesor_fake_items_test.go).
	savedItems []assessment.ItemDecision
	opened     []string // "sha256|name"

	// The rest of the workspace, one fake per concern (own files).
	fakeConsolidation
	fakePaperCheck
	fakeAsesorFeedback
	fakeRecapExport
	fakeAccept
	fakeAsesorProfile
}

// notCalled is the nil port one level down, so that every fake of a
// concern embedded in fakeAsesor takes precedence over it.
type notCalled struct{ asesorport.Workspace }

func (f *fakeAsesor) Bundles(context.Context) ([]assessment.ReviewBundle, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]assessment.ReviewBundle(nil), f.bundles...), nil
}

func (f *fakeAsesor) ReviewSheet(_ context.Context, id string) (assessment.ReviewBundle, []assessment.ReviewItem, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, b := range f.bundles {
		if b.BundleID == id {
			return b, append([]assessment.ReviewItem(nil), f.sheets[id]...), nil
		}
	}
	return assessment.ReviewBundle{}, nil, errors.New("bundel tidak ditemukan")
}

func (f *fakeAsesor) SaveReview(_ context.Context, d assessment.ReviewDecision) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.saved = append(f.saved, d)
	items := f.sheets[d.BundleID]
	for i := range items {
		if items[i].Indicator == d.Indicator {
			items[i].Reviewed, items[i].Value, items[i].Status = true, d.Value, d.Status
			items[i].Reason, items[i].Note = d.Reason, d.Note
			items[i].Revisions++
		}
	}
	return nil
}

func (f *fakeAsesor) OpenBlob(_ context.Context, sum, name string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.opened = append(f.opened, sum+"|"+name)
	return "/tmp/" + name, nil
}

func (f *fakeAsesor) Import(_ context.Context, paths []string, progress func(done, total int)) ([]intake.Outcome, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.imported = append(f.imported, paths)
	for i := range f.outcomes {
		if progress != nil {
			progress(i+1, len(f.outcomes))
		}
	}
	return append([]intake.Outcome(nil), f.outcomes...), nil
}

func (f *fakeAsesor) Keys(context.Context) ([]assessment.RegisteredKey, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]assessment.RegisteredKey(nil), f.keys...), nil
}

func (f *fakeAsesor) AddKey(_ context.Context, file, _ string) (assessment.RegisteredKey, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	k := assessment.RegisteredKey{KeyID: "added-" + file, Fingerprint: "1111122222333334444455555666667", Status: assessment.KeyPending, Source: file}
	f.keys = append(f.keys, k)
	return k, true, nil
}

func (f *fakeAsesor) setStatus(keyID string, s assessment.KeyStatus, fn func(*assessment.RegisteredKey)) {
	for i := range f.keys {
		if f.keys[i].KeyID == keyID {
			f.keys[i].Status = s
			fn(&f.keys[i])
		}
	}
}

func (f *fakeAsesor) VerifyKey(_ context.Context, keyID, by, how string) (assessment.RegisteredKey, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.verified = append(f.verified, keyID+"|"+how+"|"+by)
	f.setStatus(keyID, assessment.KeyVerified, func(k *assessment.RegisteredKey) {
		k.VerifiedBy, k.VerifiedHow, k.VerifiedAt = by, how, clock
	})
	return assessment.RegisteredKey{KeyID: keyID}, nil
}

func (f *fakeAsesor) RevokeKey(_ context.Context, keyID string) (assessment.RegisteredKey, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.setStatus(keyID, assessment.KeyRevoked, func(k *assessment.RegisteredKey) { k.RevokedAt = clock })
	return assessment.RegisteredKey{KeyID: keyID}, nil
}

func (f *fakeAsesor) Recap(context.Context) ([]assessment.RecapRow, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]assessment.RecapRow(nil), f.recap...), nil
}

func (f *fakeAsesor) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	return nil
}

// memPaths is the injected folder and file choice.
type memPaths struct{ folder, file string }

func (m *memPaths) PickFolder(_ fyne.Window, done func(string, bool)) { done(m.folder, m.folder != "") }
func (m *memPaths) PickFile(_ fyne.Window, _ string, _ []string, done func(string, bool)) {
	done(m.file, m.file != "")
}

type asesorHarness struct {
	*harness
	ws    *fakeAsesor
	paths *memPaths
}

// newAsesorHarness starts the GUI with the assessor's workspace
// available; remembered chooses whether it was the last one used
// (otherwise the first run shows).
func newAsesorHarness(t *testing.T, remembered bool) *asesorHarness {
	t.Helper()
	a := test.NewTempApp(t)
	h := &asesorHarness{
		harness: &harness{t: t, st: fakestore.New(), lib: library(t), files: &memFiles{}},
		ws:      &fakeAsesor{},
		paths:   &memPaths{folder: "/media/usb", file: "/media/usb/dinkes.spbe"},
	}
	h.st.Now = func() time.Time { return clock }
	_ = h.st.SaveProfile(t.Context(), testProfile)
	if remembered {
		a.Preferences().SetString(prefDataDir, "/data/spbe")
		a.Preferences().SetString(prefWorkspace, workspaceAsesor)
	}
	deps := Deps{
		Open: func(string) (*assessment.OPDFolder, error) {
			h.st.Reopen()
			return &assessment.OPDFolder{Store: h.st, Library: h.lib}, nil
		},
		OpenAsesor:     func(string) (asesorport.Workspace, error) { return h.ws, nil },
		DefaultDataDir: "/home/asesor/SPBE Mandiri",
		Files:          h.files,
		Paths:          h.paths,
	}
	h.u = New(a, deps, WithTestDriver())
	h.u.now = func() time.Time { return clock }
	h.u.saver.delay = time.Hour
	h.u.win.Resize(fyne.NewSize(1340, 690))
	h.u.Wait()
	t.Cleanup(func() { h.u.Wait() })
	return h
}

func current[S any](t *testing.T, u *UI) S {
	t.Helper()
	s, ok := u.current.(S)
	if !ok {
		t.Fatalf("current screen is %T", u.current)
	}
	return s
}

// texts collects every label's and canvas text's text under o.
func texts(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(c fyne.CanvasObject) {
		switch x := c.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *canvas.Text:
			out = append(out, x.Text)
		}
	})
	return out
}

func hasText(list []string, want string) bool {
	for _, s := range list {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

func TestWorkspaceChoiceOnFirstRun(t *testing.T) {
	h := newAsesorHarness(t, false)
	f := current[*firstRun](t, h.u)
	if f.role == nil {
		t.Fatal("no workspace choice although OpenAsesor is set")
	}
	f.role.SetSelected(tr("first.roleAsesor"))
	test.Tap(f.next)
	h.wait()
	current[*asesorHome](t, h.u)
	if got := h.u.app.Preferences().String(prefWorkspace); got != workspaceAsesor {
		t.Errorf("workspace remembered as %q", got)
	}
	// switch to the OPD workspace, then back
	h.u.switchToOPD()
	h.wait()
	hm := current[*home](t, h.u)
	test.Tap(findButton(t, []fyne.CanvasObject{hm.view()}, tr("workspace.toAsesor")))
	h.wait()
	current[*asesorHome](t, h.u)
}

func TestWorkspaceChoiceHiddenWithoutAsesor(t *testing.T) {
	h := newHarness(t, setup{noDataDir: true, noProfile: true})
	if f := current[*firstRun](t, h.u); f.role != nil {
		t.Error("workspace choice shown without OpenAsesor")
	}
}

func TestAsesorImportOutcomes(t *testing.T) {
	h := newAsesorHarness(t, true)
	h.ws.outcomes = []intake.Outcome{
		{Path: "/media/usb/dinkes.spbe", Kind: intake.KindNew, OPDKode: "DINKES", OPDNama: "Dinas Kesehatan", Periode: 2026, Sequence: 1, KeyStatus: assessment.KeyPending,
			KeyFromStick: "KUNCI_PUBLIK_DINKES.json", Fingerprint: "12345 67890 13579 24680 11223 34455"},
		{Path: "/media/usb/disdik.spbe", Kind: intake.KindDuplicate, OPDKode: "DISDIK", OPDNama: "Dinas Pendidikan", Periode: 2026, Sequence: 3, KeyStatus: assessment.KeyVerified},
		{Path: "/media/usb/bappeda.spbe", Kind: intake.KindNewVersion, OPDKode: "BAPPEDA", OPDNama: "Bappeda", Periode: 2026, Sequence: 4, KeyStatus: assessment.KeyVerified},
		{Path: "/media/usb/dpmptsp.spbe", Kind: intake.KindConflict, OPDKode: "DPMPTSP", OPDNama: "DPMPTSP", Periode: 2026, Sequence: 2, KeyStatus: assessment.KeyVerified},
		{Path: "/media/usb/palsu.spbe", Kind: intake.KindRejected, Code: "revoked-key", Reason: "kunci penanda tangan sudah dicabut"},
	}
	a := current[*asesorHome](t, h.u)
	test.Tap(a.folderBtn)
	if !a.running || !a.folderBtn.Disabled() || !a.progress.Visible() {
		t.Error("buttons not disabled while importing")
	}
	// leaving and coming back while the import runs
	h.u.show(newAsesorKeys(h.u))
	h.u.show(newAsesorHome(h.u))
	a = current[*asesorHome](t, h.u)
	if !a.running || !a.fileBtn.Disabled() {
		t.Error("a running import is not shown on return")
	}
	h.wait()
	if len(h.ws.imported) != 1 || h.ws.imported[0][0] != "/media/usb" {
		t.Fatalf("imported %v", h.ws.imported)
	}
	if a.running || a.progress.Visible() || a.folderBtn.Disabled() {
		t.Error("import did not finish in the GUI")
	}
	if len(a.results.Objects) != 5 {
		t.Fatalf("%d result rows, want 5", len(a.results.Objects))
	}
	capture(t, h.u.win, "asesor_import_outcomes.png")
	got := texts(a.results)
	for _, want := range []string{"BARU", "SUDAH DIIMPOR", "VERSI BARU", "KONFLIK", "DITOLAK",
		"kunci penanda tangan sudah dicabut", "DINKES — Dinas Kesehatan · periode 2026 · nomor urut 1",
		tr("asesor.importPendingKey"), "didaftarkan dari KUNCI_PUBLIK_DINKES.json", "12345 67890 13579 24680 11223 34455"} {
		if !hasText(got, want) {
			t.Errorf("results do not show %q: %q", want, got)
		}
	}
	if want := "1 baru · 1 sudah diimpor · 1 versi baru · 1 konflik · 1 ditolak"; a.summary.Text != want || !a.summary.Visible() {
		t.Errorf("summary %q", a.summary.Text)
	}
	// the rejected row is red
	walk(a.results.Objects[4], func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == "DITOLAK" && l.Importance != widget.DangerImportance {
			t.Error("DITOLAK badge is not red")
		}
	})
	h.golden("asesor_home.xml")

	// the outcomes stay when the assessor looks at another screen and
	// comes back
	h.u.show(newAsesorRecap(h.u))
	h.wait()
	test.Tap(findButton(t, []fyne.CanvasObject{h.u.win.Content()}, tr("asesor.navImport")))
	a = current[*asesorHome](t, h.u)
	if len(a.results.Objects) != 5 || !a.summary.Visible() {
		t.Errorf("outcomes not shown again: %d rows", len(a.results.Objects))
	}

	// one file
	h.ws.outcomes = h.ws.outcomes[:1]
	test.Tap(a.fileBtn)
	h.wait()
	if h.ws.imported[1][0] != "/media/usb/dinkes.spbe" || len(a.results.Objects) != 1 {
		t.Errorf("file import: %v, %d rows", h.ws.imported, len(a.results.Objects))
	}
}

func TestAsesorVerifyKey(t *testing.T) {
	h := newAsesorHarness(t, true)
	h.ws.keys = []assessment.RegisteredKey{
		{KeyID: "k1aaaaaaaaaaaaaaaaaaaa", Fingerprint: "12345 67890 13579 24680 11223 34455", OPDKode: "DINKES", Status: assessment.KeyPending, Source: "bundle", FirstSeen: clock},
		{KeyID: "k2bbbbbbbbbbbbbbbbbbbb", Fingerprint: "99999 88888 77777 66666 55555 44444", OPDKode: "DISDIK", Status: assessment.KeyVerified, VerifiedBy: "Sari", VerifiedHow: "melalui telepon", VerifiedAt: clock},
	}
	h.u.show(newAsesorKeys(h.u))
	h.wait()
	k := current[*asesorKeys](t, h.u)
	if len(k.list.Objects) != 2 {
		t.Fatalf("%d keys shown", len(k.list.Objects))
	}
	// the fingerprint in large monospace type
	var fp *canvas.Text
	walk(k.list.Objects[0], func(o fyne.CanvasObject) {
		if x, ok := o.(*canvas.Text); ok && strings.HasPrefix(x.Text, "12345") {
			fp = x
		}
	})
	if fp == nil || fp.Text != "12345 67890 13579 24680 11223 34455" || fp.TextSize < 24 || !fp.TextStyle.Monospace {
		t.Fatalf("fingerprint %+v", fp)
	}
	if !hasText(texts(k.list.Objects[0]), "MENUNGGU VERIFIKASI") || !hasText(texts(k.list.Objects[1]), "TERVERIFIKASI") {
		t.Error("statuses not shown")
	}
	// only the pending key can be verified
	test.Tap(findButton(t, []fyne.CanvasObject{k.list.Objects[0]}, tr("keys.verify")))
	if k.verifyDlg == nil {
		t.Fatal("no verify dialog")
	}
	k.verifyDlg.Submit() // nothing chosen: refused
	h.wait()
	if len(h.ws.verified) != 0 {
		t.Fatalf("verified without how and who: %v", h.ws.verified)
	}
	test.Tap(findButton(t, []fyne.CanvasObject{k.list.Objects[0]}, tr("keys.verify")))
	k.verifyHow.SetSelected(tr("keys.howForm"))
	test.Type(k.verifyBy, "Andi Asesor")
	k.verifyDlg.Submit()
	h.wait()
	if want := "k1aaaaaaaaaaaaaaaaaaaa|dibandingkan dengan formulir bertanda tangan|Andi Asesor"; len(h.ws.verified) != 1 || h.ws.verified[0] != want {
		t.Fatalf("verified %v", h.ws.verified)
	}
	got := texts(k.list.Objects[0])
	if !hasText(got, "TERVERIFIKASI") || !hasText(got, "diverifikasi oleh Andi Asesor") {
		t.Errorf("after verifying: %q", got)
	}

	// revoke, after confirming
	test.Tap(findButton(t, []fyne.CanvasObject{k.list.Objects[1]}, tr("keys.revoke")))
	if k.revokeDlg == nil || k.revokeKey != "k2bbbbbbbbbbbbbbbbbbbb" {
		t.Fatal("no revoke confirmation")
	}
	k.revokeDlg.Confirm()
	h.wait()
	if !hasText(texts(k.list.Objects[1]), "DICABUT") {
		t.Errorf("after revoking: %q", texts(k.list.Objects[1]))
	}
}

func TestAsesorRecapSorting(t *testing.T) {
	h := newAsesorHarness(t, true)
	h.ws.recap = []assessment.RecapRow{
		{OPDKode: "BAPPEDA", OPDNama: "Bappeda", Periode: 2026, Index: "3.105", Predicate: "Baik", Complete: true, Answered: 47, Total: 47, KeyStatus: assessment.KeyVerified, Sequence: 4, Imported: clock},
		{OPDKode: "DINKES", OPDNama: "Dinas Kesehatan", Periode: 2026, Index: "2.45", Predicate: "Cukup", Answered: 30, Total: 47, KeyStatus: assessment.KeyPending, Sequence: 1, Imported: clock.Add(time.Hour)},
		{OPDKode: "DISDIK", OPDNama: "Dinas Pendidikan", Periode: 2025, Index: "", Answered: 0, Total: 47, KeyStatus: assessment.KeyVerified, Sequence: 9, Imported: clock.Add(-time.Hour)},
	}
	h.u.show(newAsesorRecap(h.u))
	h.wait()
	r := current[*asesorRecap](t, h.u)
	order := func() string {
		var s []string
		for _, row := range r.rows {
			s = append(s, row.OPDKode)
		}
		return strings.Join(s, ",")
	}
	if order() != "BAPPEDA,DINKES,DISDIK" {
		t.Fatalf("initial order %s", order())
	}
	const colIndex, colSeq, colDate = 3, 7, 8
	if got := recapColumns[colIndex].text(r.rows[0]); got != "3,11" {
		t.Errorf("index shown as %q", got)
	}
	if got := recapColumns[5].text(r.rows[1]); got != "30/47 (sementara)" {
		t.Errorf("completeness shown as %q", got)
	}
	r.sortBy(colIndex)
	if order() != "DISDIK,DINKES,BAPPEDA" || r.headerText(colIndex) != "Indeks ▲" {
		t.Errorf("by index: %s, header %q", order(), r.headerText(colIndex))
	}
	r.sortBy(colIndex)
	if order() != "BAPPEDA,DINKES,DISDIK" || r.headerText(colIndex) != "Indeks ▼" {
		t.Errorf("by index descending: %s", order())
	}
	r.sortBy(colSeq)
	if order() != "DINKES,BAPPEDA,DISDIK" {
		t.Errorf("by sequence: %s", order())
	}
	r.sortBy(colDate)
	if order() != "DISDIK,BAPPEDA,DINKES" {
		t.Errorf("by date: %s", order())
	}
	// the header buttons sort too
	hdr := r.table.CreateHeader().(*widget.Button)
	r.table.UpdateHeader(widget.TableCellID{Row: -1, Col: 0}, hdr)
	test.Tap(hdr)
	if order() != "BAPPEDA,DINKES,DISDIK" {
		t.Errorf("by header tap: %s", order())
	}
}

// reviewHarness opens the review screen on one bundle with two indicators.
func reviewHarness(t *testing.T) (*asesorHarness, *asesorReview) {
	t.Helper()
	h := newAsesorHarness(t, true)
	h.ws.bundles = []assessment.ReviewBundle{{BundleID: "b-dinkes-1", OPDKode: "DINKES", OPDNama: "Dinas Kesehatan",
		Periode: 2026, Sequence: 1, Status: "accepted", ReportSHA256: "feedface"}}
	h.ws.sheets = map[string][]assessment.ReviewItem{"b-dinkes-1": {
		{Indicator: 1, Answered: true, Level: 3, Justification: "Kebijakan internal sudah ditetapkan",
			Evidence: []assessment.ReviewEvidence{{SHA256: "abc123", Name: "perbup.pdf", Level: 3}}},
		{Indicator: 2, Answered: true, Level: 4, Justification: "Sudah terintegrasi"},
	}}
	h.u.show(newAsesorReview(h.u, "b-dinkes-1"))
	h.wait()
	r := current[*asesorReview](t, h.u)
	if len(r.items) != 2 || r.sel != 0 {
		t.Fatalf("sheet not loaded: %d items, selected %d", len(r.items), r.sel)
	}
	return h, r
}

func TestAsesorReviewSavesRevisi(t *testing.T) {
	h, r := reviewHarness(t)
	shown := texts(r.detail)
	if !hasText(shown, "Kebijakan internal sudah ditetapkan") || !hasText(shown, "Tingkat menurut OPD: 3") ||
		!hasText(shown, "perbup.pdf") {
		t.Errorf("OPD answer not shown: %q", shown)
	}
	r.list.Select(1)
	test.Type(r.value, "2,5")
	r.status.SetSelected("revisi")
	if r.reason.Disabled() {
		t.Fatal("reason disabled for revisi")
	}
	r.reason.SetSelected("belum diunggah")
	test.Type(r.note, "Unggah dokumen integrasi")
	test.Tap(r.saveBtn)
	h.wait()
	want := assessment.ReviewDecision{BundleID: "b-dinkes-1", Indicator: 2, Value: "2.5",
		Status: assessment.ReviewRevision, Reason: assessment.ReasonMissing, Note: "Unggah dokumen integrasi",
		Reviewer: "Budi Asesor"} // the workspace profile's name (issue 12 item 7)
	if len(h.ws.saved) != 1 || h.ws.saved[0] != want {
		t.Fatalf("saved %+v, want %+v", h.ws.saved, want)
	}
	if r.msg.Text != "Tersimpan." || !r.items[1].Reviewed || r.items[1].Status != "revisi" {
		t.Errorf("after save: msg %q, item %+v", r.msg.Text, r.items[1])
	}
	test.Tap(r.reportBtn)
	h.wait()
	if len(h.ws.opened) != 1 || h.ws.opened[0] != "feedface|Laporan_DINKES_2026.pdf" {
		t.Errorf("report opened as %q", h.ws.opened)
	}
}

func TestAsesorReviewRejectsInvalidValue(t *testing.T) {
	h, r := reviewHarness(t)
	test.Type(r.value, "7")
	r.status.SetSelected("diterima")
	if !r.reason.Disabled() {
		t.Error("reason enabled for diterima")
	}
	test.Tap(r.saveBtn)
	h.wait()
	if len(h.ws.saved) != 0 {
		t.Fatalf("saved %+v", h.ws.saved)
	}
	if !strings.Contains(r.msg.Text, `"7" tidak sah`) {
		t.Errorf("error shown: %q", r.msg.Text)
	}
	// revisi without a reason is refused too
	r.value.SetText("3")
	r.status.SetSelected("revisi")
	test.Tap(r.saveBtn)
	h.wait()
	if len(h.ws.saved) != 0 || r.msg.Text != "Status revisi memerlukan alasan." {
		t.Errorf("revisi without reason: saved %+v, msg %q", h.ws.saved, r.msg.Text)
	}
}

func TestAsesorRecapOpensReview(t *testing.T) {
	h := newAsesorHarness(t, true)
	h.ws.recap = []assessment.RecapRow{{OPDKode: "DINKES", OPDNama: "Dinas Kesehatan", Periode: 2026, BundleID: "b-dinkes-1", Total: 47}}
	h.ws.bundles = []assessment.ReviewBundle{{BundleID: "b-dinkes-1", OPDKode: "DINKES", Periode: 2026, Status: "accepted"}}
	h.ws.sheets = map[string][]assessment.ReviewItem{"b-dinkes-1": {{Indicator: 5, Answered: true, Level: 2}}}
	h.u.show(newAsesorRecap(h.u))
	h.wait()
	r := current[*asesorRecap](t, h.u)
	if !r.open.Disabled() {
		t.Error("Tinjau enabled without a selected row")
	}
	r.table.Select(widget.TableCellID{Row: 0, Col: 1})
	test.Tap(r.open)
	h.wait()
	rv := current[*asesorReview](t, h.u)
	if rv.bundle.BundleID != "b-dinkes-1" || len(rv.items) != 1 || rv.subject.title.Text != "Indikator 5" {
		t.Errorf("review opened on %+v, items %+v", rv.bundle, rv.items)
	}
}
