package portal

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

var genAt = time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)

// blobs is an in-memory blob store.
type blobs map[string][]byte

func (b blobs) add(content string) assessment.Blob {
	sum := sha256.Sum256([]byte(content))
	sha := hex.EncodeToString(sum[:])
	b[sha] = []byte(content)
	return assessment.Blob{SHA256: sha, Size: int64(len(content))}
}

func (b blobs) open(_ context.Context, sha string) (io.ReadCloser, error) {
	data, ok := b[sha]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return io.NopCloser(bytes.NewReader(data)), nil
}

// pemdiPackage plans a small Pemdi package: I4 with a file for two items
// and one without an item, I5 valued by SDI.
func pemdiPackage(t *testing.T, b blobs) assessment.PortalPackage {
	t.Helper()
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	c, err := lib.Latest("pemdi-2026")
	if err != nil {
		t.Fatal(err)
	}
	s := assessment.Snapshot{
		Profile:    assessment.Profile{Instansi: "Pemerintah Kabupaten Contoh", OPDKode: "DISKOMINFO", OPDNama: "Dinas Kominfo"},
		Assessment: assessment.Assessment{Periode: 2026}, Catalog: c,
		Answers: []assessment.Answer{{Indicator: 4, Level: 1, Justification: "FAKTA: SK Tim 12/2026"},
			{Indicator: 5, External: &assessment.ExternalScore{Score: "25", Year: 2025}}},
		Evidence: []assessment.Evidence{
			{ID: 1, Indicator: 4, Blob: b.add("isi SK tim"), OriginalName: "SK Tim.pdf", Level: 1, Items: []string{"I4-L1-01", "I4-L1-02"}},
			{ID: 2, Indicator: 4, Blob: b.add("foto rapat"), OriginalName: "foto.jpg", Level: 1},
		},
	}
	p, err := assessment.PlanPortalPackage(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// tree lists every file under dir with its content, relative, slash-separated.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestWriteLayout(t *testing.T) {
	b := blobs{}
	p := pemdiPackage(t, b)
	dir := filepath.Join(t.TempDir(), "stick", "Paket-portal")
	var last, total int64
	res, err := Write(context.Background(), dir, p, Options{Open: b.open, GeneratedAt: genAt,
		Progress: func(done, all int64) { last, total = done, all }})
	if err != nil {
		t.Fatal(err)
	}
	files := tree(t, dir)
	var folders []string
	for _, pi := range p.Indicators {
		if pi.Folder != "" && len(pi.Files) > 0 {
			folders = append(folders, pi.Folder)
		}
	}
	want := []string{"I04/I04-L1-00_foto.jpg", "I04/I04-L1-01_SK Tim.pdf", "I04/I04-L1-02_SK Tim.pdf",
		"LANGKAH-UNGGAH.txt", "LEMBAR-ISIAN.pdf", "LEMBAR-ISIAN.xlsx"}
	if got := keys(files); !slices.Equal(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
	for _, f := range folders {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || !fi.IsDir() {
			t.Errorf("folder %s missing: %v", f, err)
		}
	}
	for _, none := range []string{"I05", "I01"} { // externally valued; no files
		if _, err := os.Stat(filepath.Join(dir, none)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("folder %s written", none)
		}
	}
	if !slices.Equal(folders, []string{"I04"}) {
		t.Errorf("folders %q", folders)
	}
	if files["I04/I04-L1-01_SK Tim.pdf"] != "isi SK tim" || files["I04/I04-L1-02_SK Tim.pdf"] != "isi SK tim" {
		t.Error("the file of two items is not copied under both")
	}
	if res.Files != 3 || res.Bytes != int64(2*len("isi SK tim")+len("foto rapat")) || last != res.Bytes || total != res.Bytes {
		t.Errorf("result %+v, progress %d/%d", res, last, total)
	}
	steps := files["LANGKAH-UNGGAH.txt"]
	for _, w := range []string{"eval.spbe.go.id", "I04 → Indikator 4", "Salin", "Indikator 5: dinilai Bappenas", "\r\n"} {
		if !strings.Contains(steps, w) {
			t.Errorf("steps lack %q:\n%s", w, steps)
		}
	}
	if !strings.HasPrefix(files["LEMBAR-ISIAN.pdf"], "%PDF-") {
		t.Error("the lembar PDF is not a PDF")
	}
	x, err := excelize.OpenFile(filepath.Join(dir, "LEMBAR-ISIAN.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if v, _ := x.GetCellValue("Lembar isian", "F5"); v != "FAKTA: SK Tim 12/2026" {
		t.Errorf("justification of I4 in the workbook: %q", v)
	}
	assertNoLeftovers(t, filepath.Dir(dir), "Paket-portal")
}

// assertNoLeftovers: only want is left in parent (no temp folders).
func assertNoLeftovers(t *testing.T, parent string, want ...string) {
	t.Helper()
	entries, _ := os.ReadDir(parent)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s holds %q, want %q", parent, got, want)
	}
}

func TestWriteRefusesAndKeeps(t *testing.T) {
	b := blobs{}
	p := pemdiPackage(t, b)
	parent := t.TempDir()
	dir := filepath.Join(parent, "paket")
	if _, err := Write(context.Background(), dir, p, Options{Open: b.open, GeneratedAt: genAt}); err != nil {
		t.Fatal(err)
	}
	// Again without Replace: refused, the package stays.
	if _, err := Write(context.Background(), dir, p, Options{Open: b.open, GeneratedAt: genAt}); err == nil ||
		!strings.Contains(err.Error(), "--force") {
		t.Errorf("second write without Replace: %v", err)
	}
	// With Replace an earlier package is replaced, and a stale file goes.
	stale := filepath.Join(dir, "I04", "I04-L1-03_lama.pdf")
	if err := os.WriteFile(stale, []byte("lama"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(context.Background(), dir, p, Options{Open: b.open, GeneratedAt: genAt, Replace: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a file of the old package stayed in the new one")
	}
	// A folder with anything else is never replaced.
	mine := filepath.Join(dir, "catatan saya.docx")
	if err := os.WriteFile(mine, []byte("penting"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(context.Background(), dir, p, Options{Open: b.open, GeneratedAt: genAt, Replace: true}); err == nil ||
		!strings.Contains(err.Error(), "bukan bagian paket portal") {
		t.Errorf("replacing a folder with a foreign file: %v", err)
	}
	if data, err := os.ReadFile(mine); err != nil || string(data) != "penting" {
		t.Error("the officer's own file was touched")
	}
	// A file under the name, and a folder created empty in Explorer.
	file := filepath.Join(parent, "berkas")
	os.WriteFile(file, nil, 0o644)
	if _, err := Write(context.Background(), file, p, Options{Open: b.open, GeneratedAt: genAt, Replace: true}); err == nil {
		t.Error("a file was replaced by a package")
	}
	empty := filepath.Join(parent, "kosong")
	os.Mkdir(empty, 0o755)
	if _, err := Write(context.Background(), empty, p, Options{Open: b.open, GeneratedAt: genAt}); err != nil {
		t.Errorf("an empty folder is refused: %v", err)
	}
	assertNoLeftovers(t, parent, "berkas", "kosong", "paket")
}

// A damaged blob, a missing one or a cancelled copy leave nothing under
// the package's name and no temp folder.
func TestWriteFailuresLeaveNothing(t *testing.T) {
	tests := []struct {
		name   string
		spoil  func(b blobs)
		ctx    func() context.Context
		errHas string
	}{
		{"damaged blob", func(b blobs) {
			for k := range b {
				if string(b[k]) == "foto rapat" {
					b[k] = []byte("foto rusak")
				}
			}
		}, context.Background, "rusak"},
		{"missing blob", func(b blobs) { clear(b) }, context.Background, "I04-L1-00_foto.jpg"},
		{"cancelled", func(blobs) {}, func() context.Context {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx
		}, "canceled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := blobs{}
			p := pemdiPackage(t, b)
			tt.spoil(b)
			parent := t.TempDir()
			_, err := Write(tt.ctx(), filepath.Join(parent, "paket"), p, Options{Open: b.open, GeneratedAt: genAt})
			if err == nil || !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("error %v, want one with %q", err, tt.errHas)
			}
			assertNoLeftovers(t, parent)
		})
	}
}

// zeros is a blob of n zero bytes, streamed.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), z.n)
	clear(p[:k])
	z.n -= k
	return int(k), nil
}

func (z *zeros) Close() error { return nil }

// BenchmarkWriteEvidence copies one evidence file of 1 KB and of 64 MB:
// the bytes allocated per operation are the same for both (the lembar's
// PDF and workbook), so the file is streamed, never held in memory.
func BenchmarkWriteEvidence(b *testing.B) {
	for _, size := range []int64{1 << 10, 64 << 20} {
		b.Run(strconv.FormatInt(size>>10, 10)+"KB", func(b *testing.B) {
			h := sha256.New()
			io.Copy(h, &zeros{n: size})
			sha := hex.EncodeToString(h.Sum(nil))
			p := assessment.PortalPackage{Indicators: []assessment.PortalIndicator{{Number: 1, Folder: "I01",
				Files: []assessment.PortalFile{{Name: "I01-L1-01_besar.pdf", SHA256: sha, Size: size}}}}}
			open := func(context.Context, string) (io.ReadCloser, error) { return &zeros{n: size}, nil }
			b.ReportAllocs()
			b.SetBytes(size)
			for b.Loop() {
				dir := filepath.Join(b.TempDir(), "paket")
				if _, err := Write(context.Background(), dir, p, Options{Open: open, GeneratedAt: genAt}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
