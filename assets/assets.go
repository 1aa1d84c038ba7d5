// Package assets embeds the instrument catalogs, the font, the icon and the
// translations, and exposes them through typed accessors rather than paths.
package assets

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed catalogs/*.json catalogs/archive/*.json
var catalogFS embed.FS

// CatalogFile is one embedded catalog's raw bytes.
type CatalogFile struct {
	Name string // e.g. "spbe-2020.json"
	Data []byte
}

// CatalogFiles returns the embedded catalogs in name order: the current
// versions, which assets/gen generates.
func CatalogFiles() []CatalogFile { return catalogFiles("catalogs/*.json") }

// ArchivedCatalogFiles returns the earlier embedded versions, kept
// byte-for-byte as they were shipped so that assessments and bundles pinned
// to them (id, version, sha256) still open. They are never regenerated.
func ArchivedCatalogFiles() []CatalogFile { return catalogFiles("catalogs/archive/*.json") }

func catalogFiles(pattern string) []CatalogFile {
	names, _ := fs.Glob(catalogFS, pattern)
	sort.Strings(names)
	out := make([]CatalogFile, 0, len(names))
	for _, n := range names {
		b, err := catalogFS.ReadFile(n)
		if err != nil {
			panic(err) // embedded at build time: cannot fail at run time
		}
		out = append(out, CatalogFile{Name: strings.TrimPrefix(n, path.Dir(n)+"/"), Data: b})
	}
	return out
}
