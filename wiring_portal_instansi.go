package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesorsvc"
	"github.com/spbe-mandiri/spbe-mandiri/storage/portal"
)

// instansiPortalCommand is cli.PortalDeps.Instansi: `portal-package
// --instansi --periode P --out DIR` in the assessor's workspace.
func instansiPortalCommand(ctx context.Context, dataDir string, req cli.PortalRequest) (out cli.PortalResult, err error) {
	err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
		out, err = instansiPortalPackage(ctx, w, req)
		return err
	})
	return out, err
}

// instansiPortalPackage writes the portal package of a periode's
// consolidation as the folder req.OutDir (outside every data folder).
func instansiPortalPackage(ctx context.Context, w *asesor.Workspace, req cli.PortalRequest) (cli.PortalResult, error) {
	dir, err := storage.OutputGuard(filepath.Dir(w.Dir())).Dir(req.OutDir)
	if err != nil {
		return cli.PortalResult{}, err
	}
	p, err := planInstansiPortal(ctx, w, req.Periode)
	if err != nil {
		return cli.PortalResult{}, err
	}
	open := func(_ context.Context, sha string) (io.ReadCloser, error) { return w.OpenBlob(sha) }
	res, err := portal.Write(ctx, dir, p, portal.Options{Open: open, GeneratedAt: time.Now(), Replace: req.Force, Progress: req.Progress})
	if res.Dir == "" {
		return cli.PortalResult{}, err
	}
	return cli.PortalResult{Dir: res.Dir, Files: res.Files, Bytes: res.Bytes, Indicators: p.FolderCount(),
		MissingItems: p.MissingItems(), Unlinked: p.UnlinkedCount()}, err
}

// planInstansiPortal reads the consolidation of a periode with, per
// indicator, the OPD answer its value came from, and lays out the package.
func planInstansiPortal(ctx context.Context, w *asesor.Workspace, periode int) (assessment.PortalPackage, error) {
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
	_, instansi, _ := asesorsvc.ConsolidatedOPDs(recap, periode, c.ExcludedRevoked)
	in := assessment.InstansiPortal{Catalog: cat, Periode: periode, Instansi: instansi}
	answers := map[string]map[int]asesor.Answer{} // bundle → indicator → answer
	for _, r := range c.Rows {
		row := assessment.InstansiPortalRow{Indicator: r.Indicator, Value: r.Value, FromOPD: r.FromOPD}
		if r.FromBundle != "" {
			a, err := bundleAnswer(ctx, w, answers, r.FromBundle, r.Indicator)
			if err != nil {
				return assessment.PortalPackage{}, err
			}
			row.Answer = assessment.Answer{Level: a.Level, Justification: a.Justification, External: a.External}
			if row.Items, err = judgedItems(ctx, w, r.FromBundle, r.Indicator); err != nil {
				return assessment.PortalPackage{}, err
			}
		}
		for _, e := range r.Evidence {
			row.Evidence = append(row.Evidence, assessment.ReviewEvidence{SHA256: e.SHA256, Name: e.OriginalName, Level: e.Level,
				Note: e.Note, Items: e.Items})
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

// InstansiPortalPackage is assessment.InstansiPortalPackager for the
// consolidation screen: the package goes into a new folder
// Paket-portal_INSTANSI_<periode> (or _2 …) inside parent.
func (a *asesorGUI) InstansiPortalPackage(ctx context.Context, periode int, parent string, progress func(float64)) (string, error) {
	checked, err := storage.OutputGuard(filepath.Dir(a.w.Dir())).Dir(parent)
	if err != nil {
		return "", err
	}
	res, err := instansiPortalPackage(ctx, a.w, cli.PortalRequest{Periode: periode,
		OutDir: freeFolder(checked, fmt.Sprintf("Paket-portal_INSTANSI_%d", periode)),
		Progress: func(done, total int64) {
			if progress != nil && total > 0 {
				progress(float64(done) / float64(total))
			}
		}})
	return res.Dir, err
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
