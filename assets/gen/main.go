// Command gen regenerates the embedded instrument catalogs
// (assets/catalogs/spbe-2020.json and assets/catalogs/pemdi-2026.json) from
// the research reference files, committed in assets/gen/reference (see the
// README.md there for where they come from).
//
// Run it from the repository root:
//
//	go run ./assets/gen -ref assets/gen/reference -out assets/catalogs
//
// Both flags default to exactly those paths. With -check it writes nothing
// and exits non-zero when the files in -out differ from what it would write.
//
// The conversion lives in package assets/gen/catalogconv; it is
// deterministic, never invents text (UNVERIFIED or empty reference text
// becomes source "missing"), keeps weights as exact decimal text, and fails
// loudly when assessment.ParseCatalog rejects its own output. The test
// TestCatalogsReproducible in package assets re-runs it and demands
// byte-identical output, so edit the converter, never the JSON files.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/assets/gen/catalogconv"
)

func main() {
	ref := flag.String("ref", "assets/gen/reference", "directory holding "+catalogconv.SPBERefFile+" and "+catalogconv.PemdiRefFile)
	out := flag.String("out", "assets/catalogs", "directory the catalog files are written to")
	check := flag.Bool("check", false, "write nothing; fail if the files in -out are not up to date")
	flag.Parse()
	if err := run(*ref, *out, *check); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(ref, out string, check bool) error {
	files, err := catalogconv.Generate(ref)
	if err != nil {
		return err
	}
	stale := 0
	for _, f := range files {
		path := filepath.Join(out, f.Name)
		if check {
			have, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(have, f.Data) {
				fmt.Fprintf(os.Stderr, "gen: %s is not up to date\n", path)
				stale++
			}
			continue
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return err
		}
		fmt.Printf("wrote %s (%d bytes)\n", path, len(f.Data))
	}
	if stale > 0 {
		return fmt.Errorf("%d catalog file(s) differ; run: go run ./assets/gen", stale)
	}
	return nil
}
