// Command importbench times the assessor's import, for
// scripts/bench-import.sh (docs/PERFORMANCE.md, "Assessor import").
//
//	importbench gen -mode A|B -dir DIR
//	importbench import -dir DIR -ws WSDIR
//
// `gen` writes signed bundles from distinct OPD keys into DIR/bundles and
// each OPD's public key file into DIR/keys: mode A is 200 bundles with no
// evidence (answers only), mode B 20 bundles with 50 MB of random evidence
// each (5 files of 10 MB). `import` opens a fresh assessor workspace in
// WSDIR, registers every key file, then times Workspace.Import of the whole
// bundles folder. Generation and import are separate processes so that
// /usr/bin/time -v measures the import alone.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: importbench gen|import …")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = runGen(os.Args[2:])
	case "import":
		err = runImport(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "importbench:", err)
		os.Exit(1)
	}
}

func runGen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ExitOnError)
	mode := fs.String("mode", "A", "A: 200 evidence-free bundles; B: 20 bundles with 50 MB of evidence each")
	dir := fs.String("dir", "", "output folder (bundles/ and keys/ are made in it)")
	catalogFile := fs.String("catalog", "assets/catalogs/pemdi-2026.json", "catalog file")
	_ = fs.Parse(args) // flag.ExitOnError: exits on a bad flag
	var n, files int
	var fileSize int64
	switch *mode {
	case "A":
		n = 200
	case "B":
		n, files, fileSize = 20, 5, 10_000_000
	default:
		return fmt.Errorf("unknown mode %q", *mode)
	}
	raw, err := os.ReadFile(*catalogFile)
	if err != nil {
		return err
	}
	c, err := assessment.ParseCatalog(*catalogFile, raw)
	if err != nil {
		return err
	}
	bdir, kdir := filepath.Join(*dir, "bundles"), filepath.Join(*dir, "keys")
	for _, d := range []string{bdir, kdir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	start := time.Now()
	var total int64
	for i := range n {
		size, err := genOne(c, i, files, fileSize, bdir, kdir)
		if err != nil {
			return err
		}
		total += size
	}
	fmt.Printf("gen_seconds=%.3f\nbundles=%d\nbundle_bytes=%d\nevidence_bytes=%d\n",
		time.Since(start).Seconds(), n, total, int64(n)*int64(files)*fileSize)
	return nil
}

// genOne writes the bundle of OPD number i (its own key, sequence 1) and
// its public key file; it returns the bundle's size.
func genOne(c *assessment.Catalog, i, files int, fileSize int64, bdir, kdir string) (int64, error) {
	kode := fmt.Sprintf("OPD-%04d", i+1)
	seed := sha256.Sum256([]byte("importbench " + kode))
	priv := ed25519.NewKeyFromSeed(seed[:])
	id := keys.IdentityOf(priv.Public().(ed25519.PublicKey), time.Time{})
	if err := os.WriteFile(filepath.Join(kdir, "kunci-"+kode+".json"), keys.MarshalPublic(id), 0o644); err != nil {
		return 0, err
	}
	snap := assessment.Snapshot{
		Profile: assessment.Profile{Instansi: "Pemerintah Kabupaten Bench", OPDKode: kode,
			OPDNama: "Dinas " + kode, Operator: "bench"},
		Assessment: assessment.Assessment{ID: "a-" + kode, CatalogID: c.ID, CatalogVersion: c.Version,
			CatalogSHA256: c.SHA256(), Periode: 2026, Status: assessment.AssessmentDraft},
		Catalog: c,
	}
	for _, in := range c.Indicators {
		snap.Answers = append(snap.Answers, assessment.Answer{Indicator: in.Number, Level: 1 + (in.Number+i)%5,
			Justification: "Sudah ada SK dan notulen rapat koordinasi " + kode})
	}
	blobs := map[string][]byte{}
	for f := range files {
		data := make([]byte, fileSize)
		if _, err := rand.Read(data); err != nil {
			return 0, err
		}
		sum := sha256.Sum256(data)
		h := hex.EncodeToString(sum[:])
		blobs[h] = data
		in := c.Indicators[f%len(c.Indicators)]
		snap.Evidence = append(snap.Evidence, assessment.Evidence{ID: int64(f + 1), Indicator: in.Number,
			Blob:         assessment.Blob{SHA256: h, Size: fileSize, MediaType: "application/pdf"},
			OriginalName: fmt.Sprintf("bukti-%d.pdf", f+1), Level: 1 + (in.Number+i)%5})
	}
	in := bundle.Input{
		BundleID:  fmt.Sprintf("01968f2a-5b3c-7d4e-8f90-%012x", i),
		CreatedAt: time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC), Sequence: 1,
		App:      bundle.App{Name: "importbench", Version: "1"},
		Snapshot: snap,
		OpenBlob: func(sha string) (io.ReadCloser, error) {
			d, ok := blobs[sha]
			if !ok {
				return nil, fmt.Errorf("blob %s: %w", sha, assessment.ErrNotFound)
			}
			return io.NopCloser(bytes.NewReader(d)), nil
		},
		Report: func(info bundle.ReportInfo) ([]byte, string, error) {
			// a stand-in report of ~200 KB, as a rendered PDF might be
			pdf := append([]byte("%PDF-1.7\n% laporan "+info.OPDKode+" "+info.ContentDigest+"\n"), bytes.Repeat([]byte("0123456789abcdef"), 12800)...)
			return append(pdf, "\n%%EOF\n"...), "", nil
		},
	}
	p := filepath.Join(bdir, bundle.FileName(kode, 2026, 1))
	f, err := os.Create(p)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	res, err := bundle.Write(context.Background(), bw, in, priv)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %w", kode, err)
	}
	return res.Size, nil
}

func runImport(args []string) error {
	fs := flag.NewFlagSet("import", flag.ExitOnError)
	dir := fs.String("dir", "", "folder made by gen")
	ws := fs.String("ws", "", "data folder for a fresh workspace")
	_ = fs.Parse(args) // flag.ExitOnError: exits on a bad flag
	ctx := context.Background()
	// The embedded catalogs, as the app opens the workspace: every bundle
	// is checked against a known catalog and its index recomputed.
	lib, err := assets.Library()
	if err != nil {
		return err
	}
	w, err := asesor.Open(filepath.Join(*ws, asesor.DirName), asesor.WithLibrary(lib))
	if err != nil {
		return err
	}
	defer w.Close()
	keyFiles, err := filepath.Glob(filepath.Join(*dir, "keys", "*.json"))
	if err != nil {
		return err
	}
	start := time.Now()
	for _, k := range keyFiles {
		if _, _, err := w.AddKeyFile(ctx, k, ""); err != nil {
			return fmt.Errorf("%s: %w", k, err)
		}
	}
	keysTime := time.Since(start)
	bdir := filepath.Join(*dir, "bundles")
	var total int64
	ents, err := os.ReadDir(bdir)
	if err != nil {
		return err
	}
	for _, e := range ents {
		st, err := e.Info()
		if err != nil {
			return err
		}
		total += st.Size()
	}
	start = time.Now()
	res, err := w.Import(ctx, []string{bdir}, nil)
	if err != nil {
		return err
	}
	d := time.Since(start)
	for _, r := range res {
		if r.Kind != intake.KindNew {
			return fmt.Errorf("%s: %s %s %s", r.Path, r.Kind, r.Code, r.Reason)
		}
	}
	fmt.Printf("keys=%d\nkeys_seconds=%.3f\nbundles=%d\nbundle_bytes=%d\nimport_seconds=%.3f\nbundles_per_second=%.1f\nmb_per_second=%.1f\n",
		len(keyFiles), keysTime.Seconds(), len(res), total, d.Seconds(),
		float64(len(res))/d.Seconds(), float64(total)/1e6/d.Seconds())
	return nil
}
