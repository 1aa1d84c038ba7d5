package assets

import (
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// Library returns a new catalog library holding the embedded catalogs,
// the current versions and the archived earlier ones.
// An embedded catalog that fails validation is a build defect, reported
// as an error rather than a panic so the CLI can still explain it.
func Library() (*assessment.Library, error) {
	lib := &assessment.Library{}
	for _, f := range append(CatalogFiles(), ArchivedCatalogFiles()...) {
		c, err := assessment.ParseCatalog("embedded:"+f.Name, f.Data)
		if err != nil {
			return nil, err
		}
		if err := lib.Add(c, assessment.OriginEmbedded, f.Name); err != nil {
			return nil, fmt.Errorf("katalog bawaan %s: %w", f.Name, err)
		}
	}
	return lib, nil
}
