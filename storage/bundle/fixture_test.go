package bundle

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// testKey is a fixed key so bundles are reproducible across runs.
var testKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))

var (
	catalogOnce sync.Once
	catalog     *assessment.Catalog
)

func testCatalog(t testing.TB) *assessment.Catalog {
	catalogOnce.Do(func() {
		// Read the file, not package assets: tests here must not depend on
		// its build (translations, fonts).
		data, err := os.ReadFile(filepath.Join("..", "..", "assets", "catalogs", "pemdi-2026.json"))
		if err != nil {
			return
		}
		if catalog, err = assessment.ParseCatalog("pemdi-2026.json", data); err != nil {
			panic(err)
		}
	})
	if catalog == nil {
		t.Fatal("assets/catalogs/pemdi-2026.json not found")
	}
	return catalog
}

// blobs is an in-memory evidence store.
type blobs map[string][]byte

func (b blobs) add(data []byte) assessment.Blob {
	sum := sha256.Sum256(data)
	h := hex.EncodeToString(sum[:])
	b[h] = data
	return assessment.Blob{SHA256: h, Size: int64(len(data)), MediaType: "application/pdf"}
}

func (b blobs) open(sha string) (io.ReadCloser, error) {
	d, ok := b[sha]
	if !ok {
		return nil, fmt.Errorf("blob %s: %w", sha, assessment.ErrNotFound)
	}
	return io.NopCloser(bytes.NewReader(d)), nil
}

var fixedTime = time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC)

// fakeReport is a stand-in PDF that depends on the footer info.
func fakeReport(info ReportInfo) ([]byte, string, error) {
	return fmt.Appendf(nil, "%%PDF-1.7\n%% laporan %s %d seq %d digest %s fp %s\n%%%%EOF\n",
		info.OPDKode, info.Periode, info.Sequence, info.ContentDigest, info.Fingerprint), "", nil
}

// fixture returns a complete export input with three evidence files, one
// of them linked to two indicators.
func fixture(t testing.TB) (Input, blobs) {
	c := testCatalog(t)
	store := blobs{}
	b1 := store.add([]byte("SK Kepala Dinas tentang Arsitektur SPBE"))
	b2 := store.add(bytes.Repeat([]byte("notulen rapat "), 1000))
	b3 := store.add([]byte{0, 1, 2, 3, 4, 5})
	in1, in2 := c.Indicators[0].Number, c.Indicators[1].Number
	snap := assessment.Snapshot{
		Profile: assessment.Profile{Instansi: "Pemerintah Kabupaten Sigi", OPDKode: "DISKOMINFO",
			OPDNama: "Dinas Komunikasi dan Informatika", Operator: "Rina"},
		Assessment: assessment.Assessment{ID: "a-1", CatalogID: c.ID, CatalogVersion: c.Version,
			CatalogSHA256: c.SHA256(), Periode: 2026, Status: assessment.AssessmentDraft},
		Catalog: c,
		Answers: answerEveryAspect(c, []assessment.Answer{
			{Indicator: in1, Level: 3, Justification: "Sudah ada SK & <dokumen>"},
			{Indicator: in2, Level: 2, Justification: "Rapat koordinasi rutin"},
		}),
		Evidence: []assessment.Evidence{
			{ID: 1, Indicator: in1, Blob: b1, OriginalName: "SK Arsitektur SPBE (final).pdf", Level: 3},
			{ID: 2, Indicator: in1, Blob: b2, OriginalName: "Notulen Rapat.pdf", Level: 2, Note: "rapat Januari"},
			{ID: 3, Indicator: in2, Blob: b2, OriginalName: "notulen-lagi.pdf", Level: 2},
			{ID: 4, Indicator: in2, Blob: b3, OriginalName: "../../etc/passwd"},
		},
	}
	return Input{
		BundleID: "01968f2a-5b3c-7d4e-8f90-a1b2c3d4e5f6", CreatedAt: fixedTime, Sequence: 3,
		App: App{Name: "spbe-mandiri", Version: "test"}, Snapshot: snap,
		OpenBlob: store.open, Report: fakeReport,
	}, store
}

func build(t testing.TB, in Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Write(context.Background(), &buf, in, testKey); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func verifyBytes(b []byte, opt Options) (*Verified, error) {
	return Verify(bytes.NewReader(b), int64(len(b)), opt)
}

func withKey() Options {
	return Options{Keys: []ed25519.PublicKey{testKey.Public().(ed25519.PublicKey)}}
}

// answerEveryAspect adds a level-1 answer to the first indicator of every
// aspect not yet answered. (assessment.score panics on an aspect without
// any answer — reported to the domain's owner; remove once fixed.)
func answerEveryAspect(c *assessment.Catalog, given []assessment.Answer) []assessment.Answer {
	done := map[int]bool{}
	have := map[int]bool{}
	for _, a := range given {
		in, _ := c.Indicator(a.Indicator)
		done[in.Aspect], have[a.Indicator] = true, true
	}
	out := append([]assessment.Answer(nil), given...)
	for _, in := range c.Indicators {
		if !done[in.Aspect] && !have[in.Number] {
			done[in.Aspect] = true
			out = append(out, assessment.Answer{Indicator: in.Number, Level: 1})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Indicator < out[j].Indicator })
	return out
}
