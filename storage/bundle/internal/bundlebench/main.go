// Command bundlebench times the signed bundle on real files, for
// scripts/bench-bundle.sh: `export` makes a bundle of every file in a
// folder through the real Exporter (temp file, fsync, rename), `verify`
// verifies it. Each prints its phase time as key=value lines; the script
// measures peak memory around it with /usr/bin/time -v.
package main

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: bundlebench export|verify …")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "export":
		err = runExport(os.Args[2:])
	case "verify":
		err = runVerify(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bundlebench:", err)
		os.Exit(1)
	}
}

var pass = []byte("frasa sandi bench")

func runExport(args []string) error {
	fs := flag.NewFlagSet("export", flag.ExitOnError)
	evidence := fs.String("evidence", "", "folder of evidence files")
	catalog := fs.String("catalog", "assets/catalogs/pemdi-2026.json", "catalog file")
	data := fs.String("data", "", "data folder for the key")
	out := fs.String("out", "", "destination folder")
	_ = fs.Parse(args) // flag.ExitOnError: exits on a bad flag
	snap, paths, err := snapshot(*catalog, *evidence)
	if err != nil {
		return err
	}
	kd := keys.Open(*data)
	if _, err := kd.Identity(); err != nil {
		if _, err := kd.Create(pass, time.Now()); err != nil {
			return err
		}
	}
	start := time.Now()
	key, err := kd.Unlock(pass)
	if err != nil {
		return err
	}
	unlock := time.Since(start)
	start = time.Now()
	exp := &bundle.Exporter{Key: key, Keys: kd, Log: nopLog{}, App: bundle.App{Name: "bundlebench", Version: "1"},
		Report: func(assessment.Snapshot, bundle.ReportInfo) ([]byte, string, error) {
			return make([]byte, 1<<20), "", nil
		}}
	open := func(sha string) (io.ReadCloser, error) { return os.Open(paths[sha]) }
	res, err := exp.Export(context.Background(), snap, open, *out, nil)
	if err != nil {
		return err
	}
	fmt.Printf("unlock_seconds=%.3f\nexport_seconds=%.3f\nbundle=%s\nbundle_bytes=%d\nfiles=%d\n", unlock.Seconds(), time.Since(start).Seconds(), res.Path, res.Size, res.Files)
	return os.WriteFile(filepath.Join(*data, "public.json"), keys.MarshalPublic(key.Identity), 0o644)
}

func runVerify(args []string) error {
	fs := flag.NewFlagSet("verify", flag.ExitOnError)
	pub := fs.String("pubkey", "", "public key file")
	_ = fs.Parse(args) // flag.ExitOnError: exits on a bad flag
	start := time.Now()
	id, err := keys.ReadPublic(*pub)
	if err != nil {
		return err
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	v, err := bundle.Verify(f, st.Size(), bundle.Options{Keys: []ed25519.PublicKey{id.PublicKey}})
	if err != nil {
		return err
	}
	fmt.Printf("verify_seconds=%.3f\nsigner_known=%v\nfiles=%d\n", time.Since(start).Seconds(), v.SignerKnown, len(v.Manifest.Files))
	return nil
}

// snapshot answers every indicator and links each file in dir as evidence,
// round-robin over the indicators; the hashing here stands in for the
// store, which knows each blob's hash since the file was added.
func snapshot(catalogFile, dir string) (assessment.Snapshot, map[string]string, error) {
	raw, err := os.ReadFile(catalogFile)
	if err != nil {
		return assessment.Snapshot{}, nil, err
	}
	c, err := assessment.ParseCatalog(catalogFile, raw)
	if err != nil {
		return assessment.Snapshot{}, nil, err
	}
	s := assessment.Snapshot{
		Profile: assessment.Profile{Instansi: "Pemerintah Kabupaten Bench", OPDKode: "BENCH", OPDNama: "Dinas Bench", Operator: "bench"},
		Assessment: assessment.Assessment{ID: "bench", CatalogID: c.ID, CatalogVersion: c.Version,
			CatalogSHA256: c.SHA256(), Periode: 2026},
		Catalog: c,
	}
	for _, in := range c.Indicators {
		s.Answers = append(s.Answers, assessment.Answer{Indicator: in.Number, Level: 1 + in.Number%5})
	}
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		return s, nil, err
	}
	sort.Strings(names)
	paths := map[string]string{}
	for i, n := range names {
		b, err := hashFile(n)
		if err != nil {
			return s, nil, err
		}
		paths[b.SHA256] = n
		s.Evidence = append(s.Evidence, assessment.Evidence{ID: int64(i + 1), Indicator: c.Indicators[i%len(c.Indicators)].Number,
			Blob: b, OriginalName: filepath.Base(n)})
	}
	sort.SliceStable(s.Evidence, func(i, j int) bool { return s.Evidence[i].Indicator < s.Evidence[j].Indicator })
	return s, paths, nil
}

func hashFile(name string) (assessment.Blob, error) {
	f, err := os.Open(name)
	if err != nil {
		return assessment.Blob{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return assessment.Blob{SHA256: hex.EncodeToString(h.Sum(nil)), Size: n, MediaType: "application/octet-stream"}, err
}

type nopLog struct{}

func (nopLog) Supersedes(context.Context, string, int) (*bundle.Supersedes, error) { return nil, nil }
func (nopLog) MaxSequence(context.Context, string) (uint64, error)                 { return 0, nil }
func (nopLog) Begin(context.Context, bundle.Exported) error                        { return nil }
func (nopLog) Publish(context.Context, bundle.Exported) error                      { return nil }
func (nopLog) Abandon(context.Context, bundle.Exported, bool) error                { return nil }
func (nopLog) Pending(context.Context) ([]bundle.Exported, error)                  { return nil, nil }
