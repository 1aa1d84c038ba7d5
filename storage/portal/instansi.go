package portal

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/consolidation"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/export"
)

// InstansiPackage writes the portal package of the consolidation of
// req.Periode in the assessor's workspace w as the folder req.OutDir
// (outside every data folder).
func InstansiPackage(ctx context.Context, w *asesor.Workspace, req PackageRequest) (PackageResult, error) {
	dir, err := storage.OutputGuard(filepath.Dir(w.Dir())).Dir(req.OutDir)
	if err != nil {
		return PackageResult{}, err
	}
	p, err := planInstansi(ctx, w, req.Periode)
	if err != nil {
		return PackageResult{}, err
	}
	open := func(_ context.Context, sha string) (io.ReadCloser, error) { return w.OpenBlob(sha) }
	return writePackage(ctx, dir, p, open, req)
}

// InstansiPackageIn is the consolidation screen's Paket portal: the
// package goes into a new folder Paket-portal_INSTANSI_<periode> (or _2 …)
// inside parent.
func InstansiPackageIn(ctx context.Context, w *asesor.Workspace, periode int, parent string, progress func(float64)) (string, error) {
	checked, err := storage.OutputGuard(filepath.Dir(w.Dir())).Dir(parent)
	if err != nil {
		return "", err
	}
	res, err := InstansiPackage(ctx, w, PackageRequest{Periode: periode,
		OutDir: FreeFolder(checked, fmt.Sprintf("Paket-portal_INSTANSI_%d", periode)), Progress: export.Progress(progress)})
	return res.Dir, err
}

// planInstansi reads the consolidation of a periode with, per indicator,
// the OPD answer its value came from, and lays out the package.
func planInstansi(ctx context.Context, w *asesor.Workspace, periode int) (assessment.PortalPackage, error) {
	cat, err := w.PeriodeCatalog(ctx, periode)
	if err != nil {
		return assessment.PortalPackage{}, err
	}
	c, err := w.Consolidate(ctx, cat, periode)
	if err != nil {
		return assessment.PortalPackage{}, err
	}
	recap, err := w.Recap(ctx)
	if err != nil {
		return assessment.PortalPackage{}, err
	}
	in := assessment.InstansiPortal{Catalog: cat, Periode: periode, Instansi: instansiName(recap, periode, c.ExcludedRevoked)}
	answers := map[string]map[int]asesor.Answer{} // bundle → indicator → answer
	for _, r := range c.Rows {
		row, err := instansiRow(ctx, w, answers, r)
		if err != nil {
			return assessment.PortalPackage{}, err
		}
		in.Rows = append(in.Rows, row)
	}
	p, err := assessment.PlanInstansiPortalPackage(in)
	if err != nil {
		return p, err
	}
	fillSizes(&p, w.BlobPath)
	return p, nil
}

// instansiName is the instansi the periode's counted OPDs name, as on the
// consolidated report's letterhead (consolidation.InstansiName over the
// same votes as asesorsvc.ConsolidatedOPDs).
func instansiName(recap []assessment.RecapRow, periode int, excluded []string) string {
	var votes []consolidation.Vote
	for _, r := range recap {
		if r.Periode == periode {
			votes = append(votes, consolidation.Vote{OPDKode: r.OPDKode, Instansi: r.Instansi, Excluded: slices.Contains(excluded, r.OPDKode)})
		}
	}
	name, _ := consolidation.InstansiName(votes)
	return name
}

// instansiRow is one consolidation row with the answer and judged items
// of the bundle its value came from.
func instansiRow(ctx context.Context, w *asesor.Workspace, answers map[string]map[int]asesor.Answer, r asesor.ConsolidatedRow) (assessment.InstansiPortalRow, error) {
	row := assessment.InstansiPortalRow{Indicator: r.Indicator, Value: r.Value, FromOPD: r.FromOPD}
	if r.FromBundle != "" {
		a, err := bundleAnswer(ctx, w, answers, r.FromBundle, r.Indicator)
		if err != nil {
			return row, err
		}
		row.Answer = assessment.Answer{Level: a.Level, Justification: a.Justification, External: a.External}
		if row.Items, err = judgedItems(ctx, w, r.FromBundle, r.Indicator); err != nil {
			return row, err
		}
	}
	for _, e := range r.Evidence {
		row.Evidence = append(row.Evidence, assessment.ReviewEvidence{SHA256: e.SHA256, Name: e.OriginalName, Level: e.Level,
			Note: e.Note, Items: e.Items})
	}
	return row, nil
}

// bundleAnswer is the answer to indicator n in bundle id, read once per bundle.
func bundleAnswer(ctx context.Context, w *asesor.Workspace, cache map[string]map[int]asesor.Answer, id string, n int) (asesor.Answer, error) {
	if _, ok := cache[id]; !ok {
		as, err := w.Answers(ctx, id)
		if err != nil {
			return asesor.Answer{}, fmt.Errorf("jawaban bundel %s: %w", id, err)
		}
		cache[id] = map[int]asesor.Answer{}
		for _, a := range as {
			cache[id][a.Indicator] = a
		}
	}
	return cache[id][n], nil
}

// fillSizes sets the files' sizes from the blob store, for the progress
// bar (a consolidation row does not carry them).
func fillSizes(p *assessment.PortalPackage, path func(string) string) {
	for i := range p.Indicators {
		for j := range p.Indicators[i].Files {
			f := &p.Indicators[i].Files[j]
			if fi, err := os.Stat(path(f.SHA256)); err == nil {
				f.Size = fi.Size()
			}
		}
	}
}

// judgedItems is the item review of an indicator of a bundle when the
// assessor judged at least one item (then only items diterima go into
// the package); nil otherwise — no item verdict, or the catalog is not
// installed — and the OPD's files go in as before.
func judgedItems(ctx context.Context, w *asesor.Workspace, bundleID string, indicator int) (*assessment.ItemReview, error) {
	ii, err := w.Items(ctx, bundleID, indicator)
	var ie *asesor.InputError
	switch {
	case errors.As(err, &ie): // catalog not installed, or indicator not in it: no items known
		return nil, nil
	case err != nil:
		return nil, err
	case ii.Review.Computed == "":
		return nil, nil
	}
	return &ii.Review, nil
}
