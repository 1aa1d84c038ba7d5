package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// evidenceItemFlag collects --item for the --evidence before it
// (repeatable, or a comma list).
type evidenceItemFlag struct{ *evidenceFlags }

func (f evidenceItemFlag) String() string { return "" }
func (f evidenceItemFlag) Set(v string) error {
	if len(f.list) == 0 {
		return fmt.Errorf("--item harus setelah --evidence BERKAS")
	}
	i := len(f.list) - 1
	if f.items == nil {
		f.items = map[int][]string{}
	}
	f.items[i] = append(f.items[i], assessment.SplitItemCodes(v)...)
	return nil
}

// externalArgs are --external-score, --external-year and --clear-external.
type externalArgs struct {
	score    string
	scoreSet bool
	year     int
	yearSet  bool
	clear    bool
}

// externalScore is the score to store: nil clears it ("" or
// --clear-external).
func (e externalArgs) externalScore() *assessment.ExternalScore {
	if e.clear || strings.TrimSpace(e.score) == "" {
		return nil
	}
	return &assessment.ExternalScore{Score: e.score, Year: e.year}
}

func (e externalArgs) given() bool { return e.scoreSet || e.clear }

// needsCatalog reports whether the arguments are checked against the
// assessment's catalog (items or an external score).
func (a *answerArgs) needsCatalog() bool { return len(a.evidence.items) > 0 || a.external.given() }

// catalogChecks loads the pinned catalog when needed and checks --item and
// --external-score against it; nil catalog when not needed.
func (a *answerArgs) catalogChecks(ctx context.Context, svc *Services) (*assessment.Catalog, error) {
	if !a.needsCatalog() {
		return nil, nil
	}
	cat, err := pinnedCatalog(ctx, svc, a.id)
	if err != nil {
		return nil, err
	}
	if err := a.checkItemArgs(cat); err != nil {
		return nil, err
	}
	return cat, a.checkExternalArgs(cat)
}

// pinnedCatalog is the catalog the assessment answers on.
func pinnedCatalog(ctx context.Context, svc *Services, id string) (*assessment.Catalog, error) {
	a, err := svc.Store.Assessment(ctx, id)
	if err != nil {
		return nil, err
	}
	if svc.Library == nil {
		return nil, fmt.Errorf("katalog penilaian %s tidak tersedia", id)
	}
	return svc.Library.Pinned(a.CatalogID, a.CatalogVersion, a.CatalogSHA256)
}

// checkItemArgs checks every --item against the catalog before anything
// is written, and gives a file with items but without --evidence-level the
// highest level among its items.
func (a *answerArgs) checkItemArgs(cat *assessment.Catalog) error {
	for i := range a.evidence.list {
		ev := &a.evidence.list[i]
		if len(a.evidence.items[i]) == 0 {
			continue
		}
		codes, err := assessment.CheckItemLinks(cat, a.indicator, a.evidence.items[i])
		if err != nil {
			return err
		}
		if !a.evidence.levelSet[i] { // the typed codes: a synthetic I4-L3-00 gives level 3
			ev.level = max(ev.level, assessment.ItemsLevel(assessment.SplitItemCodes(strings.ToUpper(strings.Join(a.evidence.items[i], ",")))))
		}
		a.evidence.items[i] = codes
	}
	return nil
}

// checkExternalArgs refuses --external-score on an indicator that is not
// valued by another agency, before anything is written.
func (a *answerArgs) checkExternalArgs(cat *assessment.Catalog) error {
	if !a.external.given() {
		return nil
	}
	in, ok := cat.Indicator(a.indicator)
	if !ok {
		return fmt.Errorf("indikator %d tidak ada di katalog %s %s", a.indicator, cat.ID, cat.Version)
	}
	if in.ValuedBy == nil {
		return &assessment.InputError{Msg: fmt.Sprintf("indikator %d tidak dinilai dari indeks instansi lain; --external-score hanya untuk indikator seperti itu", a.indicator)}
	}
	if e := a.external.externalScore(); e != nil {
		_, err := assessment.CheckExternal(cat, a.indicator, *e)
		return err
	}
	return nil
}

// applyExternal stores the external score and says what it converts to.
func (a *answerArgs) applyExternal(ctx context.Context, s assessment.Store, cat *assessment.Catalog, op string, say func(string, ...any)) error {
	if !a.external.given() {
		return nil
	}
	e := a.external.externalScore()
	if err := s.SetExternalScore(ctx, cat, a.id, a.indicator, e, op); err != nil {
		return err
	}
	in, _ := cat.Indicator(a.indicator)
	say("%s", externalSaid(in, e))
	return nil
}

// externalSaid is the confirmation line, e.g. "tersimpan: skor Indeks SDI
// 25 (2025) untuk indikator 5 → nilai konversi 2,00".
func externalSaid(in assessment.Indicator, e *assessment.ExternalScore) string {
	vb := *in.ValuedBy
	v, assumed, err := assessment.ExternalValue(vb, e)
	switch {
	case assumed:
		return fmt.Sprintf("tersimpan: skor %s indikator %d dikosongkan → dinilai %s (asumsi KemenPANRB)", vb.Index, in.Number, assessment.FormatDecimal(v))
	case err != nil:
		return fmt.Sprintf("tersimpan: skor %s %s untuk indikator %d (konversi tidak tersedia: %v)", vb.Index, yearText(e), in.Number, err)
	}
	return fmt.Sprintf("tersimpan: skor %s %s untuk indikator %d → nilai konversi %s", vb.Index, yearText(e), in.Number, assessment.FormatDecimal(v))
}

func yearText(e *assessment.ExternalScore) string {
	s := strings.Replace(e.Score, ".", ",", 1)
	if e.Year == 0 {
		return s
	}
	return s + " (" + strconv.Itoa(e.Year) + ")"
}

// applyItems links an added file to its items.
func applyItems(ctx context.Context, s assessment.Store, cat *assessment.Catalog, e *assessment.Evidence, items []string, op string) error {
	if len(items) == 0 {
		return nil
	}
	if err := s.SetEvidenceItems(ctx, cat, e.ID, items, op); err != nil {
		return fmt.Errorf("bukti #%d tersimpan, tetapi butirnya tidak: %w", e.ID, err)
	}
	e.Items = items
	return nil
}

// fileItems are the items file e of indicator n supports
// (assessment.FileItems: a file at a level without official items is its
// synthetic item I4-L3-00); its own links without a catalog.
func fileItems(cat *assessment.Catalog, n int, e assessment.Evidence) []string {
	var in assessment.Indicator
	if cat != nil {
		in, _ = cat.Indicator(n)
	}
	return assessment.FileItems(in, e.Level, e.Items)
}

// itemsSaid is the " butir: …" tail of an evidence confirmation.
func itemsSaid(items []string) string {
	if len(items) == 0 {
		return ""
	}
	return " butir: " + strings.Join(items, ", ")
}

// externalLine is `assessment show`'s line of an externally valued
// indicator: "skor Indeks SDI 25 (2025) → nilai konversi 2,00", or
// "skor Indeks SDI kosong → dinilai 1,00 (asumsi KemenPANRB)".
func externalLine(in assessment.Indicator, e *assessment.ExternalScore) string {
	vb := *in.ValuedBy
	v, assumed, err := assessment.ExternalValue(vb, e)
	switch {
	case assumed:
		return fmt.Sprintf("skor %s kosong → dinilai %s (asumsi KemenPANRB)", vb.Index, assessment.FormatDecimal(v))
	case err != nil:
		return fmt.Sprintf("skor %s %s (konversi tidak tersedia)", vb.Index, yearText(e))
	}
	return fmt.Sprintf("skor %s %s → nilai konversi %s", vb.Index, yearText(e), assessment.FormatDecimal(v))
}
