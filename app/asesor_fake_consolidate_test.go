package app

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// fakeConsolidation is the consolidation part of fakeAsesor: an in-memory
// periode on one catalog, computed the way storage/asesor does it (the
// settled value, else the highest accepted value of a responsible OPD),
// recording every call.
type fakeConsolidation struct {
	cmu       sync.Mutex
	cat       *assessment.Catalog                         // nil: no consolidation (an error)
	periode   int                                         // the one periode with bundles
	cands     map[int][]assessment.ConsolidationCandidate // by indicator, every OPD
	settledV  map[int]assessment.SettleRequest            // current settled value by indicator
	resp      map[int][]string                            // responsibility matrix
	settles   []assessment.SettleRequest                  // every Settle call
	resps     []string                                    // every SetResponsible call: "periode|indicator|K1,K2"
	exports   []fakeExport
	exportErr error
	// exportHold, when set, makes ExportConsolidation wait until it is
	// closed (then write) or the export is cancelled (then stop, unless
	// exportIgnoresCancel: the file is written although the assessor
	// pressed Batal).
	exportHold          chan struct{}
	exportIgnoresCancel bool
	loads               int // Consolidation calls
	// excluded are the OPDs whose revoked key keeps them out.
	excluded []string
}

// fakeExport is one ExportConsolidation call.
type fakeExport struct {
	periode    int
	format     assessment.ExportFormat
	dir        string
	passphrase string
}

func (f *fakeConsolidation) Consolidation(_ context.Context, periode int) (assessment.ConsolidationView, *assessment.Catalog, error) {
	f.cmu.Lock()
	defer f.cmu.Unlock()
	f.loads++
	if f.cat == nil || periode != f.periode {
		return assessment.ConsolidationView{}, nil, fmt.Errorf("tidak ada bundel diterima untuk periode %d", periode)
	}
	v := assessment.ConsolidationView{Periode: periode, CatalogID: f.cat.ID, CatalogVersion: f.cat.Version,
		ExcludedRevoked: f.excluded}
	values := map[int]assessment.Value{}
	for _, in := range f.cat.Indicators {
		row := f.row(in.Number)
		if row.Value != "" {
			values[in.Number], _ = assessment.ParseValue(row.Value)
		}
		v.Rows = append(v.Rows, row)
	}
	var err error
	v.Score, err = assessment.ScoreValues(f.cat, values)
	return v, f.cat, err
}

// row is one indicator: the responsible OPDs' candidates, then the
// settled value or the highest accepted one (ties: lowest OPD code).
func (f *fakeConsolidation) row(n int) assessment.ConsolidationRow {
	row := assessment.ConsolidationRow{Indicator: n, Responsible: f.resp[n]}
	var best *big.Rat
	for _, c := range f.cands[n] {
		if len(row.Responsible) > 0 && !slices.Contains(row.Responsible, c.OPDKode) {
			continue
		}
		row.Candidates = append(row.Candidates, c)
		if c.Value == "" {
			continue
		}
		if v, _ := new(big.Rat).SetString(c.Value); best == nil || v.Cmp(best) > 0 {
			best = v
			row.Value, row.Source, row.FromBundle, row.FromOPD = c.Value, assessment.SourceProposal, c.BundleID, c.OPDKode
		}
	}
	if s, ok := f.settledV[n]; ok {
		row.Value, row.Source, row.FromBundle, row.FromOPD = s.Value, assessment.SourceSettled, s.FromBundle, f.opdOf(s.FromBundle)
		row.Note, row.SetBy, row.SetAt = s.Note, "Andi Asesor", clock
	}
	if row.FromBundle != "" {
		row.Evidence = []assessment.ReviewEvidence{{SHA256: "ev-" + row.FromOPD, Name: "bukti_" + strings.ToLower(row.FromOPD) + ".pdf", Level: 3}}
	}
	return row
}

func (f *fakeConsolidation) opdOf(bundleID string) string {
	for _, cs := range f.cands {
		for _, c := range cs {
			if c.BundleID == bundleID {
				return c.OPDKode
			}
		}
	}
	return ""
}

func (f *fakeConsolidation) Settle(_ context.Context, r assessment.SettleRequest) error {
	f.cmu.Lock()
	defer f.cmu.Unlock()
	f.settles = append(f.settles, r)
	if f.cat == nil || r.Periode != f.periode {
		return errors.New("periode tidak dikenal")
	}
	if strings.TrimSpace(r.Value) == "" {
		delete(f.settledV, r.Indicator)
		return nil
	}
	if _, err := assessment.ParseValue(r.Value); err != nil {
		return err
	}
	if r.FromBundle != "" && f.opdOf(r.FromBundle) == "" {
		return fmt.Errorf("bundel %s bukan dari periode %d", r.FromBundle, r.Periode)
	}
	if f.settledV == nil {
		f.settledV = map[int]assessment.SettleRequest{}
	}
	r.Value = strings.Replace(strings.TrimSpace(r.Value), ",", ".", 1)
	f.settledV[r.Indicator] = r
	return nil
}

func (f *fakeConsolidation) SetResponsible(_ context.Context, periode, indicator int, opdKodes []string) error {
	f.cmu.Lock()
	defer f.cmu.Unlock()
	f.resps = append(f.resps, fmt.Sprintf("%d|%d|%s", periode, indicator, strings.Join(opdKodes, ",")))
	if f.resp == nil {
		f.resp = map[int][]string{}
	}
	if len(opdKodes) == 0 {
		delete(f.resp, indicator)
		return nil
	}
	f.resp[indicator] = slices.Sorted(slices.Values(opdKodes))
	return nil
}

func (f *fakeConsolidation) ExportConsolidation(ctx context.Context, periode int, format assessment.ExportFormat, dir string, passphrase []byte) (string, error) {
	f.cmu.Lock()
	f.exports = append(f.exports, fakeExport{periode, format, dir, string(passphrase)})
	err, hold := f.exportErr, f.exportHold
	f.cmu.Unlock()
	if hold != nil {
		f.cmu.Lock()
		ignores := f.exportIgnoresCancel
		f.cmu.Unlock()
		select {
		case <-hold:
		case <-ctx.Done():
			if !ignores {
				return "", ctx.Err()
			}
			<-hold
		}
		return filepath.Join(dir, fmt.Sprintf("KONSOLIDASI_%d.%s", periode, format)), nil
	}
	select { // an export takes a moment; the GUI shows it is busy
	case <-time.After(5 * time.Millisecond):
	case <-ctx.Done():
		return "", ctx.Err()
	}
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, fmt.Sprintf("KONSOLIDASI_%d.%s", periode, format)), nil
}
