package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/tabular"
)

func init() {
	register(command{
		name: "review",
		summary: "asesor: telaah indikator: review --bundle ID --indicator N [--value V] --status diterima|revisi [--reason …] [--note …] | " +
			"review --bundle ID --item I4-L1-02 --status diterima|revisi [--reason tidak-tepat|belum-diunggah] [--note …] | " +
			"review show --bundle ID [--json | --xlsx BERKAS.xlsx] — assessor: review a bundle",
		run: runReview,
	})
}

const reviewUsage = "pakai: spbe-mandiri review --bundle ID --indicator N [--value V] --status diterima|revisi [--reason ALASAN] [--note CATATAN] [--reviewer NAMA]\n" +
	"       spbe-mandiri review --bundle ID --item I4-L1-02 --status diterima|revisi [--reason tidak-tepat|belum-diunggah] [--note CATATAN] [--reviewer NAMA]\n" +
	"       spbe-mandiri review show --bundle ID [--json | --xlsx BERKAS.xlsx [--force]]\n" +
	"ALASAN revisi: \"bukti tidak tepat\" (tidak-tepat) | \"belum diunggah\" (belum-diunggah) | \"ditolak otomatis\" (ditolak-otomatis; bukan untuk butir)\n" +
	"V: nilai 1–5, desimal boleh (1,25); kosong = nilai terhitung dari butir, atau tingkat OPD"

// ReviewSheetRow is one indicator: the OPD's answer beside the review.
type ReviewSheetRow struct {
	Indicator     int                     `json:"indicator"`
	Answered      bool                    `json:"answered"`
	Level         int                     `json:"level,omitempty"`
	Justification string                  `json:"justification,omitempty"`
	Evidence      []tabular.EvidenceJSON  `json:"evidence"`
	Review        *assessment.ReviewEntry `json:"review,omitempty"`
	Revisions     int                     `json:"revisions"`
	// Items are the evidence items judged on the answer (cascade
	// applied); Computed the value they give; Counted the value the
	// recap and the consolidation count (the set one, else the computed
	// one, else the OPD level, when diterima).
	Items    []ReviewSheetItem `json:"items,omitempty"`
	Computed string            `json:"computed_value,omitempty"`
	Counted  string            `json:"value_counted,omitempty"`
}

// ReviewSheet is a bundle under review.
type ReviewSheet struct {
	BundleID  string           `json:"bundle_id"`
	OPDKode   string           `json:"opd_kode"`
	OPDNama   string           `json:"opd_nama"`
	Periode   int              `json:"periode"`
	Sequence  uint64           `json:"sequence"`
	Status    string           `json:"status"` // accepted | superseded | conflict
	KeyStatus string           `json:"key_status"`
	Index     string           `json:"index"`
	Predicate string           `json:"predicate"`
	Rows      []ReviewSheetRow `json:"indicators"`
}

// reviewSheetJSON is the review sheet as `review show --json` prints it.
func reviewSheetJSON(b assessment.ReviewBundle, items []assessment.ReviewItem) ReviewSheet {
	out := ReviewSheet{BundleID: b.BundleID, OPDKode: b.OPDKode, OPDNama: b.OPDNama, Periode: b.Periode,
		Sequence: b.Sequence, Status: b.Status, KeyStatus: string(b.KeyStatus), Index: b.Index, Predicate: b.Predicate,
		Rows: []ReviewSheetRow{}}
	for _, it := range items {
		row := ReviewSheetRow{Indicator: it.Indicator, Evidence: tabular.Evidence(it.Evidence), Revisions: it.Revisions,
			Items: sheetItems(it.Items), Computed: it.Computed, Counted: it.Counted}
		if it.Answered {
			row.Answered, row.Level, row.Justification = true, it.Level, it.Justification
		}
		if it.Reviewed {
			row.Review = &assessment.ReviewEntry{BundleID: b.BundleID, Indicator: it.Indicator, Value: it.Value, Status: it.Status,
				Reason: it.Reason, Note: it.Note, Reviewer: it.Reviewer, ReviewedAt: it.ReviewedAt}
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

func runReview(env *Env, args []string) int {
	rest, dataDir, show, err := optionalSub(args, "show")
	if err != nil {
		return fail(env, err)
	}
	fs := newFlagSet(env, "review")
	fs.StringVar(&dataDir, "data", dataDir, "folder data")
	bundleID := fs.String("bundle", "", "id bundel (atau awalannya, minimal 8 karakter)")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	xlsxOut := fs.String("xlsx", "", "review show: tulis telaah sebagai buku kerja Excel ke BERKAS.xlsx")
	force := fs.Bool("force", false, forceFlagText+" (dengan --xlsx)")
	indicator := fs.Int("indicator", 0, "nomor indikator")
	item := fs.String("item", "", "kode butir bukti dukung (mis. I4-L1-02): telaah per butir")
	value := fs.String("value", "", "nilai asesor 1–5, desimal boleh (mis. 2,5)")
	status := fs.String("status", "", "diterima | revisi")
	reason := fs.String("reason", "", "alasan revisi")
	note := fs.String("note", "", "catatan untuk OPD")
	by := fs.String("reviewer", "", "nama asesor; yang pertama diberikan disimpan di profil ruang kerja dan menjadi bawaan")
	fs.StringVar(by, "by", "", "sama dengan --reviewer")
	pos, err := parseArgs(fs, rest)
	if err != nil || len(pos) != 0 || *bundleID == "" || !reviewOutputOK(show, *asJSON, *xlsxOut) {
		return fail(env, usagef("%s", reviewUsage))
	}
	if err := hasAsesor(env); err != nil {
		return fail(env, err)
	}
	ctx := context.Background()
	if show {
		return runReviewShow(env, dataDir, *bundleID, *asJSON, assessment.SheetRequest{Out: *xlsxOut, Force: *force})
	}
	if *status != "diterima" && *status != "revisi" {
		return fail(env, usagef("%s", reviewUsage))
	}
	if *item != "" {
		if *value != "" {
			return fail(env, usagef("--value berlaku untuk indikator, bukan untuk butir\n%s", reviewUsage))
		}
		return runReviewItem(env, dataDir, assessment.ItemDecision{BundleID: *bundleID, Indicator: *indicator, Code: *item,
			Status: *status, Reason: reviewReason(*reason), Note: *note}, *by, *asJSON)
	}
	if *indicator < 1 {
		return fail(env, usagef("%s", reviewUsage))
	}
	e, err := callAsesor(env, dataDir, func(ws asesorport.Workspace) (assessment.ReviewEntry, error) {
		reviewer, err := reviewerName(ctx, ws, *by)
		if err != nil {
			return assessment.ReviewEntry{}, err
		}
		return ws.Review(ctx, assessment.ReviewDecision{BundleID: *bundleID, Indicator: *indicator, Value: *value,
			Status: *status, Reason: reviewReason(*reason), Note: *note, Reviewer: reviewer})
	})
	if err != nil {
		return fail(env, err)
	}
	return printReviewEntry(env, e, *asJSON)
}

// printReviewEntry reports a recorded review decision.
func printReviewEntry(env *Env, e assessment.ReviewEntry, asJSON bool) int {
	if asJSON {
		return writeJSON(env, e)
	}
	fmt.Fprintf(env.Stdout, "Telaah dicatat: bundel %.13s…, indikator %d: %s\n", e.BundleID, e.Indicator, reviewStatusText(&e))
	return ExitOK
}

// reviewOutputOK: --xlsx belongs to `review show` and excludes --json.
func reviewOutputOK(show, asJSON bool, xlsxOut string) bool {
	return xlsxOut == "" || (show && !asJSON)
}

// runReviewShow is `review show`: the sheet as text, JSON or a workbook.
func runReviewShow(env *Env, dataDir, bundleID string, asJSON bool, xlsx assessment.SheetRequest) int {
	if xlsx.Out != "" {
		xlsx.View, xlsx.BundleID = assessment.SheetReview, bundleID
		return runSheet(env, dataDir, xlsx)
	}
	sheet, err := callAsesor(env, dataDir, func(ws asesorport.Workspace) (ReviewSheet, error) {
		b, items, err := ws.ReviewSheet(context.Background(), bundleID)
		if err != nil {
			return ReviewSheet{}, err
		}
		return reviewSheetJSON(b, items), nil
	})
	if err != nil {
		return fail(env, err)
	}
	if asJSON {
		return writeJSON(env, sheet)
	}
	printReviewSheet(env, sheet)
	return ExitOK
}

// reviewerName is who a decision is recorded under: --reviewer, else the
// workspace profile's name, else (for scripts written before the profile)
// the OS user. A name given while the profile has none is stored there,
// so it is asked once, as in the GUI.
func reviewerName(ctx context.Context, ws asesorport.Workspace, given string) (string, error) {
	given = strings.TrimSpace(given)
	stored, err := ws.ReviewerName(ctx)
	if err != nil {
		return "", err
	}
	switch {
	case given != "" && stored == "":
		return given, ws.SetReviewerName(ctx, given)
	case given != "":
		return given, nil
	case stored != "":
		return stored, nil
	}
	return ws.Operator(), nil
}

func reviewStatusText(e *assessment.ReviewEntry) string {
	if e == nil {
		return "belum ditelaah"
	}
	s := e.Status
	if e.Reason != "" {
		s += " (" + e.Reason + ")"
	}
	if e.Value != "" {
		s += ", nilai " + strings.Replace(e.Value, ".", ",", 1)
	}
	if e.Note != "" {
		s += " — " + indented(e.Note)
	}
	return s
}

// indented is multi-line text from outside (a justification, a note) with
// every further line indented, so none can pass for a line of the program.
func indented(s string) string {
	return strings.ReplaceAll(assessment.InertText(s), "\n", "\n               ")
}

func printReviewSheet(env *Env, s ReviewSheet) {
	w := env.Stdout
	fmt.Fprintf(w, "Bundel   : %s (%s)\n", s.BundleID, s.Status)
	fmt.Fprintf(w, "OPD      : %s — %s, periode %d, nomor urut %d, kunci %s\n", assessment.InertLine(s.OPDKode), assessment.InertLine(s.OPDNama),
		s.Periode, s.Sequence, keyStatusLabel(s.KeyStatus))
	fmt.Fprintf(w, "Indeks   : %s %s (menurut OPD)\n", recapIndex(s.Index), assessment.InertLine(s.Predicate))
	for _, r := range s.Rows {
		fmt.Fprintln(w)
		if r.Answered {
			fmt.Fprintf(w, "Indikator %d — tingkat OPD %d\n", r.Indicator, r.Level)
			if r.Justification != "" {
				fmt.Fprintf(w, "  Penjelasan : %s\n", indented(r.Justification))
			}
		} else {
			fmt.Fprintf(w, "Indikator %d — tidak dijawab OPD\n", r.Indicator)
		}
		for _, e := range r.Evidence {
			fmt.Fprintf(w, "  Bukti      : %s (tingkat %d, %.12s)", assessment.InertLine(e.OriginalName), e.Level, e.SHA256)
			if e.Note != "" {
				fmt.Fprintf(w, " — %s", indented(e.Note))
			}
			fmt.Fprintln(w)
		}
		printSheetItems(env, r)
		fmt.Fprintf(w, "  Asesor     : %s", reviewStatusText(r.Review))
		if r.Revisions > 1 {
			fmt.Fprintf(w, " [%d keputusan tercatat]", r.Revisions)
		}
		fmt.Fprintln(w)
	}
}
