package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
)

// ReviewSheetItem is one evidence item of a review sheet row.
type ReviewSheetItem struct {
	Code   string `json:"code"`
	Level  int    `json:"level"`
	Linked bool   `json:"linked"` // the OPD linked a file to it
	// Status is what the item counts as: diterima, revisi, "ditolak
	// otomatis" (a lower level is rejected) or "" (not reviewed yet);
	// OwnStatus the assessor's own verdict under an automatic rejection.
	Status    string `json:"status"`
	OwnStatus string `json:"own_status,omitempty"`
	Reason    string `json:"reason,omitempty"`
	Note      string `json:"note,omitempty"`
}

// sheetItems are the items of a sheet row as the JSON lists them (nil
// when the catalog has none for the indicator).
func sheetItems(items []assessment.ReviewEvidenceItem) []ReviewSheetItem {
	if items == nil {
		return nil
	}
	out := []ReviewSheetItem{}
	for _, s := range items {
		it := ReviewSheetItem{Code: s.Code, Level: s.Level, Linked: s.Linked, Status: s.Status, Reason: s.Reason, Note: s.Note}
		if s.AutoRejected {
			it.Status, it.OwnStatus = assessment.ReasonAutoRejected, s.Status
		}
		out = append(out, it)
	}
	return out
}

// reviewReasonAliases are the short spellings of the reasons for the
// command line (no quotes needed).
var reviewReasonAliases = map[string]string{
	"tidak-tepat":       assessment.ReasonWrongEvidence,
	"bukti-tidak-tepat": assessment.ReasonWrongEvidence,
	"belum-diunggah":    assessment.ReasonMissing,
	"ditolak-otomatis":  assessment.ReasonAutoRejected,
}

// reviewReason is the stored reason for what was typed.
func reviewReason(s string) string {
	s = strings.TrimSpace(s)
	if r, ok := reviewReasonAliases[strings.ToLower(s)]; ok {
		return r
	}
	return s
}

// runReviewItem is `review --item CODE --status …`: the indicator follows
// from the code when --indicator is not given.
func runReviewItem(env *Env, dataDir string, e assessment.ItemDecision, by string, asJSON bool) int {
	n, _, _, ok := assessment.ParseItemRef(e.Code)
	if !ok {
		return fail(env, usagef("kode butir %q tidak sah (bentuknya I4-L1-02)\n%s", e.Code, reviewUsage))
	}
	if e.Indicator == 0 {
		e.Indicator = n
	}
	ctx := context.Background()
	out, err := callAsesor(env, dataDir, func(ws asesorport.Workspace) (assessment.ItemReviewEntry, error) {
		reviewer, err := reviewerName(ctx, ws, by)
		if err != nil {
			return assessment.ItemReviewEntry{}, err
		}
		e.Reviewer = reviewer
		return ws.ReviewItem(ctx, e)
	})
	if err != nil {
		return fail(env, err)
	}
	if asJSON {
		return writeJSON(env, out)
	}
	s := out.Status
	if out.Reason != "" {
		s += " (" + out.Reason + ")"
	}
	fmt.Fprintf(env.Stdout, "Butir dicatat: bundel %.13s…, %s: %s\n", out.BundleID, out.Code, s)
	if out.Computed != "" {
		fmt.Fprintf(env.Stdout, "Nilai terhitung indikator %d dari butir: %s\n", out.Indicator, strings.Replace(out.Computed, ".", ",", 1))
	}
	return ExitOK
}

// printSheetItems lists an indicator's items under its review: code,
// level, what it counts as, and the note.
func printSheetItems(env *Env, r ReviewSheetRow) {
	if len(r.Items) == 0 {
		return
	}
	w := env.Stdout
	for _, it := range r.Items {
		s := it.Status
		switch {
		case s == "":
			s = "belum ditelaah"
		case it.Status == assessment.ReasonAutoRejected:
			s += " — " + assessment.ReasonAutoRejectedText
		case it.Reason != "":
			s += " (" + it.Reason + ")"
		}
		fmt.Fprintf(w, "  Butir      : %s (tingkat %d): %s", assessment.InertLine(it.Code), it.Level, s)
		if it.Note != "" && it.Status != assessment.ReasonAutoRejected {
			fmt.Fprintf(w, " — %s", indented(it.Note))
		}
		fmt.Fprintln(w)
	}
	if r.Computed != "" {
		fmt.Fprintf(w, "  Nilai terhitung dari butir: %s\n", strings.Replace(r.Computed, ".", ",", 1))
	}
	if r.Counted != "" {
		fmt.Fprintf(w, "  Nilai dihitung di rekap: %s\n", strings.Replace(r.Counted, ".", ",", 1))
	}
}
