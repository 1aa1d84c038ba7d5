package assessment

import (
	"context"
	"errors"
	"fmt"
)

// AddImportedCatalogs adds a data folder's imported catalogs to lib (which
// already holds the embedded ones). A stored catalog that no longer parses
// or now conflicts with an embedded one is skipped and reported in
// problems; assessments pinned to it then say which file to import again.
func AddImportedCatalogs(ctx context.Context, lib *Library, s Store) (problems []error, err error) {
	stored, err := s.ImportedCatalogs(ctx)
	if err != nil {
		return nil, err
	}
	for _, ic := range stored {
		c, err := ParseCatalog("impor:"+ic.Source, ic.Data)
		if err == nil {
			err = lib.Add(c, OriginImported, ic.Source)
		}
		var conflict *ErrCatalogConflict
		if errors.As(err, &conflict) {
			err = fmt.Errorf("katalog impor %s diabaikan: %w", ic.Source, err)
		}
		if err != nil {
			problems = append(problems, err)
		}
	}
	return problems, nil
}
