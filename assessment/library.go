package assessment

import (
	"fmt"
	"sort"
	"strings"
)

// Catalog origins, shown by `catalog list`.
const (
	OriginEmbedded = "embedded"
	OriginImported = "imported"
)

// LibraryEntry is a catalog known to this installation and where it came from.
type LibraryEntry struct {
	Catalog *Catalog
	Origin  string // OriginEmbedded or OriginImported
	Source  string // e.g. the file name it was imported from
}

// Library holds every catalog version available: the embedded ones and
// those imported from files. Assessments pin (id, version, sha256), so old
// versions stay available after a newer one arrives.
type Library struct {
	entries []LibraryEntry
}

// ErrCatalogConflict is returned when a catalog with the same id and
// version but different content is added.
type ErrCatalogConflict struct {
	ID, Version, Have, Got string
	HaveOrigin             string
}

func (e *ErrCatalogConflict) Error() string {
	return fmt.Sprintf("katalog %s versi %s sudah ada (%s, sha256 %s…) dengan isi berbeda (sha256 %s…); beri versi baru pada berkas katalog",
		e.ID, e.Version, e.HaveOrigin, e.Have[:12], e.Got[:12])
}

// Add registers a catalog. Adding the identical catalog again is a no-op;
// the same id and version with other content is an *ErrCatalogConflict
// (embedded catalogs can therefore never be replaced).
func (l *Library) Add(c *Catalog, origin, source string) error {
	for _, e := range l.entries {
		if e.Catalog.ID == c.ID && e.Catalog.Version == c.Version {
			if e.Catalog.SHA256() == c.SHA256() {
				return nil
			}
			return &ErrCatalogConflict{ID: c.ID, Version: c.Version, Have: e.Catalog.SHA256(), Got: c.SHA256(), HaveOrigin: e.Origin}
		}
	}
	l.entries = append(l.entries, LibraryEntry{Catalog: c, Origin: origin, Source: source})
	sort.SliceStable(l.entries, func(i, j int) bool {
		a, b := l.entries[i].Catalog, l.entries[j].Catalog
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return compareVersions(a.Version, b.Version) > 0
	})
	return nil
}

// Entries lists every catalog version, grouped by id, newest version first.
func (l *Library) Entries() []LibraryEntry { return append([]LibraryEntry(nil), l.entries...) }

// Latest returns the newest version of the catalog with this id.
func (l *Library) Latest(id string) (*Catalog, error) {
	for _, e := range l.entries {
		if e.Catalog.ID == id {
			return e.Catalog, nil
		}
	}
	return nil, fmt.Errorf("katalog %q %w; lihat `spbe-mandiri catalog list`", id, ErrNotFound)
}

// Pinned returns exactly the catalog an assessment was started with.
func (l *Library) Pinned(id, version, sha256 string) (*Catalog, error) {
	for _, e := range l.entries {
		c := e.Catalog
		if c.ID == id && c.Version == version && c.SHA256() == sha256 {
			return c, nil
		}
	}
	return nil, fmt.Errorf("katalog %s versi %s (sha256 %.12s…) %w di instalasi ini; impor berkas katalog itu lagi", id, version, sha256, ErrNotFound)
}

// compareVersions orders dotted versions numerically where possible
// ("2026.10" after "2026.9").
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		var x, y int
		_, ex := fmt.Sscanf(as[i], "%d", &x)
		_, ey := fmt.Sscanf(bs[i], "%d", &y)
		if ex == nil && ey == nil && x != y {
			if x < y {
				return -1
			}
			return 1
		}
		if c := strings.Compare(as[i], bs[i]); c != 0 && (ex != nil || ey != nil) {
			return c
		}
	}
	return len(as) - len(bs)
}
