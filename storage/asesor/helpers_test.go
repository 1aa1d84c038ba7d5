package asesor

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
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

var (
	catalogOnce sync.Once
	catalog     *assessment.Catalog
)

func testCatalog(t testing.TB) *assessment.Catalog {
	catalogOnce.Do(func() {
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

// opd is one OPD installation: its key and its evidence.
type opd struct {
	kode  string
	priv  ed25519.PrivateKey
	id    keys.Identity
	blobs map[string][]byte
}

func newOPD(kode string, seed byte) *opd {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, 32))
	return &opd{kode: kode, priv: priv, id: keys.IdentityOf(priv.Public().(ed25519.PublicKey), time.Time{}), blobs: map[string][]byte{}}
}

// pubFile writes the OPD's public key file (as `key export-public` does).
func (o *opd) pubFile(t testing.TB, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "kunci-"+o.kode+".json")
	if err := os.WriteFile(p, keys.MarshalPublic(o.id), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func (o *opd) addBlob(data []byte) assessment.Blob {
	sum := sha256.Sum256(data)
	h := hex.EncodeToString(sum[:])
	o.blobs[h] = data
	return assessment.Blob{SHA256: h, Size: int64(len(data)), MediaType: "application/pdf"}
}

func (o *opd) open(sha string) (io.ReadCloser, error) {
	d, ok := o.blobs[sha]
	if !ok {
		return nil, fmt.Errorf("blob %s: %w", sha, assessment.ErrNotFound)
	}
	return io.NopCloser(bytes.NewReader(d)), nil
}

// spec says what one bundle holds.
type spec struct {
	seq        uint64
	supersedes *bundle.Supersedes
	level      int    // level of the first indicator (varies the content)
	note       string // evidence content (varies the blobs)
	signer     ed25519.PrivateKey
	claimKode  string              // OPD code the bundle claims, default o.kode
	created    time.Time           // created_at, default 2026-05-04T03:02:01Z
	scoreOn    *assessment.Catalog // catalog answers.json's score is computed on, default the real one
	extra      []assessment.Answer // answers added as given (e.g. for an indicator the catalog lacks)
	evName     string              // original name of the first evidence file, default "SK Arsitektur.pdf"
	just       string              // justification of the first indicator, default "Sudah ada SK"
}

// write makes a signed bundle in dir and returns its path and result.
func (o *opd) write(t testing.TB, dir string, s spec) (string, bundle.Result) {
	t.Helper()
	c := testCatalog(t)
	kode := o.kode
	if s.claimKode != "" {
		kode = s.claimKode
	}
	if s.level == 0 {
		s.level = 3
	}
	if s.evName == "" {
		s.evName = "SK Arsitektur.pdf"
	}
	if s.just == "" {
		s.just = "Sudah ada SK"
	}
	b1 := o.addBlob([]byte("SK Kepala Dinas " + kode + " " + s.note))
	b2 := o.addBlob(bytes.Repeat([]byte("notulen "+kode+" "), 200))
	in1, in2 := c.Indicators[0].Number, c.Indicators[1].Number
	snap := assessment.Snapshot{
		Profile: assessment.Profile{Instansi: "Pemerintah Kabupaten Sigi", OPDKode: kode,
			OPDNama: "Dinas " + kode, Operator: "Rina"},
		Assessment: assessment.Assessment{ID: "a-" + kode, CatalogID: c.ID, CatalogVersion: c.Version,
			CatalogSHA256: c.SHA256(), Periode: 2026, Status: assessment.AssessmentDraft},
		Catalog: scoreCatalog(c, s.scoreOn),
		Answers: answerEveryAspect(c, []assessment.Answer{
			{Indicator: in1, Level: s.level, Justification: s.just},
			{Indicator: in2, Level: 2, Justification: "Rapat rutin"},
		}, s.extra...),
		Evidence: []assessment.Evidence{
			{ID: 1, Indicator: in1, Blob: b1, OriginalName: s.evName, Level: 3},
			{ID: 2, Indicator: in2, Blob: b2, OriginalName: "Notulen.pdf", Level: 2, Note: "Januari"},
		},
	}
	priv := o.priv
	if s.signer != nil {
		priv = s.signer
	}
	in := bundle.Input{
		BundleID:  fmt.Sprintf("01968f2a-5b3c-7d4e-8f90-%012x", uint64(priv[0])<<40|s.seq<<8|uint64(s.level)<<4|uint64(len(s.note))),
		CreatedAt: createdOr(s.created), Sequence: s.seq, Supersedes: s.supersedes,
		App: bundle.App{Name: "spbe-mandiri", Version: "test"}, Snapshot: snap, OpenBlob: o.open,
		Report: func(info bundle.ReportInfo) ([]byte, string, error) {
			return []byte("%PDF-1.7\n% laporan " + info.OPDKode + " " + info.ContentDigest + "\n%%EOF\n"), "", nil
		},
	}
	var buf bytes.Buffer
	res, err := bundle.Write(context.Background(), &buf, in, priv)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	p := filepath.Join(dir, bundle.FileName(kode, 2026, s.seq))
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p, res
}

func scoreCatalog(real, other *assessment.Catalog) *assessment.Catalog {
	if other != nil {
		return other
	}
	return real
}

func createdOr(t time.Time) time.Time {
	if t.IsZero() {
		return time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC)
	}
	return t
}

func sup(r bundle.Result) *bundle.Supersedes {
	return &bundle.Supersedes{BundleID: r.BundleID, ManifestSHA256: r.ManifestSHA256}
}

// answerEveryAspect adds a level-1 answer to the first indicator of every
// aspect not yet answered (as storage/bundle's fixture does), then the
// extra answers unchanged.
func answerEveryAspect(c *assessment.Catalog, given []assessment.Answer, extra ...assessment.Answer) []assessment.Answer {
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
	out = append(out, extra...)
	sort.Slice(out, func(i, j int) bool { return out[i].Indicator < out[j].Indicator })
	return out
}

func openWS(t testing.TB, opts ...Option) *Workspace {
	t.Helper()
	w, err := Open(filepath.Join(t.TempDir(), DirName), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func importOne(t testing.TB, w *Workspace, path string) intake.Outcome {
	t.Helper()
	res, err := w.Import(context.Background(), []string{path}, nil)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if len(res) != 1 {
		t.Fatalf("got %d results", len(res))
	}
	return res[0]
}

func addKey(t testing.TB, w *Workspace, o *opd, opdKode string) Key {
	t.Helper()
	k, _, err := w.AddKeyFile(context.Background(), o.pubFile(t, t.TempDir()), opdKode)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// counts returns the rows of the bundle tables and the files in blobs/.
func counts(t testing.TB, w *Workspace) (bundles, answers, evidence, blobRows, blobFiles int) {
	t.Helper()
	for q, dst := range map[string]*int{
		"SELECT count(*) FROM bundle": &bundles, "SELECT count(*) FROM bundle_answer": &answers,
		"SELECT count(*) FROM bundle_evidence": &evidence, "SELECT count(*) FROM blob": &blobRows,
	} {
		if err := w.sql.QueryRow(q).Scan(dst); err != nil {
			t.Fatal(err)
		}
	}
	filepath.WalkDir(filepath.Join(w.dir, blobDirName), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			blobFiles++
		}
		return nil
	})
	return
}

func statusOf(t testing.TB, w *Workspace, bundleID string) string {
	t.Helper()
	var s string
	if err := w.sql.QueryRow("SELECT status FROM bundle WHERE bundle_id = ?", bundleID).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}
