package export

import (
	"bytes"
	"context"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/report"
)

// DraftReport renders the assessment id as it stands, unsigned, with a
// footer saying it has not been exported: the signed copy lives in the
// bundle.
func DraftReport(ctx context.Context, store assessment.Store, lib *assessment.Library, id string) ([]byte, error) {
	snap, err := bundle.LoadSnapshot(ctx, store, lib, id)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = report.Render(&buf, snap, report.Footer{GeneratedAt: time.Now()})
	return buf.Bytes(), err
}

// Progress turns a GUI progress bar (0…1, nil: none) into the byte-count
// callback of an export.
func Progress(progress func(float64)) func(done, total int64) {
	return func(done, total int64) {
		if progress != nil && total > 0 {
			progress(float64(done) / float64(total))
		}
	}
}
