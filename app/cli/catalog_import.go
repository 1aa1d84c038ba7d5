package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
)

func init() { catalogSubcommands["import"] = catalogImport }

// catalogImport validates a catalog file and keeps it verbatim in the data
// folder, so new assessments can use it. Embedded catalogs cannot be
// replaced: the same id and version with other content is refused.
func catalogImport(env *Env, args []string) int {
	fs := newFlagSet(env, "catalog import")
	dataDir := fs.String("data", "", "folder data")
	rest, err := parseArgs(fs, args)
	if err != nil || len(rest) != 1 {
		return fail(env, usagef("pakai: spbe-mandiri catalog import BERKAS.json"))
	}
	data, c, err := readCatalogBytes(rest[0])
	if err != nil {
		return fail(env, err)
	}
	svc, err := openData(env, *dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	if _, err := svc.Library.Pinned(c.ID, c.Version, c.SHA256()); err == nil {
		fmt.Fprintf(env.Stdout, "katalog %s versi %s sudah tersedia; tidak ada yang berubah\n", c.ID, c.Version)
		return ExitOK
	}
	source := filepath.Base(rest[0])
	if err := svc.Library.Add(c, assessment.OriginImported, source); err != nil {
		return fail(env, err)
	}
	ic := assessment.ImportedCatalog{ID: c.ID, Version: c.Version, SHA256: c.SHA256(), Source: source, Data: data}
	if err := svc.Store.SaveImportedCatalog(context.Background(), ic); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "katalog %s versi %s diimpor (%d indikator, sha256 %.12s…); siap dipakai `assessment new --catalog %s`\n",
		c.ID, c.Version, len(c.Indicators), c.SHA256(), c.ID)
	return ExitOK
}

// readCatalogBytes reads a catalog file with a size cap and validates it.
func readCatalogBytes(path string) ([]byte, *assessment.Catalog, error) {
	f, err := infile.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("tidak dapat membuka %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, assessment.MaxCatalogSize+1))
	if err != nil {
		return nil, nil, fmt.Errorf("tidak dapat membaca %s: %w", path, err)
	}
	c, err := assessment.ParseCatalog(path, data)
	return data, c, err
}

// LoadImportedCatalogs adds a data folder's imported catalogs to lib (which
// already holds the embedded ones). A stored catalog that no longer parses
// or now conflicts with an embedded one is skipped and reported in
// problems; assessments pinned to it then say which file to import again.
func LoadImportedCatalogs(ctx context.Context, lib *assessment.Library, s assessment.Store) (problems []error, err error) {
	return assessment.AddImportedCatalogs(ctx, lib, s)
}
