package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// duplicateResult tells what duplicateAssessment copied.
type duplicateResult struct {
	created           assessment.Assessment
	answers, evidence int
	skipped           int // answers of indicators the newer catalog lacks
}

// duplicateAssessment starts an assessment of another periode from src:
// on the newest version of src's catalog, with src's levels,
// justifications and evidence links (evidence is content-addressed, so
// no file is stored twice). It runs on a worker goroutine. If a copy
// fails, the half-made assessment goes to the trash.
func duplicateAssessment(ctx context.Context, st assessment.Store, lib *assessment.Library, src assessment.Assessment, periode int, operator string) (duplicateResult, error) {
	var res duplicateResult
	cat, err := lib.Latest(src.CatalogID)
	if err != nil {
		return res, err
	}
	res.created, err = st.CreateAssessment(ctx, cat, periode)
	if err != nil {
		return res, err
	}
	if err := copyAnswers(ctx, st, cat, src.ID, res.created.ID, operator, &res); err != nil {
		return res, trashAfter(ctx, st, res.created.ID, err)
	}
	if err := copyEvidence(ctx, st, cat, src.ID, res.created.ID, operator, &res); err != nil {
		return res, trashAfter(ctx, st, res.created.ID, err)
	}
	return res, nil
}

func trashAfter(ctx context.Context, st assessment.Store, id string, cause error) error {
	if err := st.TrashAssessment(context.WithoutCancel(ctx), id); err != nil {
		return fmt.Errorf("%w (%w)", cause, err)
	}
	return cause
}

func copyAnswers(ctx context.Context, st assessment.Store, cat *assessment.Catalog, from, to, operator string, res *duplicateResult) error {
	answers, err := st.Answers(ctx, from)
	if err != nil {
		return err
	}
	for _, an := range answers {
		if _, ok := cat.Indicator(an.Indicator); !ok {
			res.skipped++
			continue
		}
		if an.Answered() {
			if err := st.SetLevel(ctx, to, an.Indicator, an.Level, operator); err != nil {
				return err
			}
		}
		if an.Justification != "" {
			if err := st.SetJustification(ctx, to, an.Indicator, an.Justification, operator); err != nil {
				return err
			}
		}
		if err := copyExternal(ctx, st, cat, to, an, operator); err != nil {
			return err
		}
		res.answers++
	}
	return nil
}

func copyEvidence(ctx context.Context, st assessment.Store, cat *assessment.Catalog, from, to, operator string, res *duplicateResult) error {
	evidence, err := st.Evidence(ctx, from)
	if err != nil {
		return err
	}
	for _, e := range evidence {
		if _, ok := cat.Indicator(e.Indicator); !ok {
			continue
		}
		rc, err := st.OpenBlob(ctx, e.Blob.SHA256)
		if err != nil {
			return err
		}
		added, err := st.AddEvidence(ctx, to, e.Indicator, assessment.EvidenceInput{
			Name: e.OriginalName, Reader: rc, Level: e.Level, Note: e.Note, Operator: operator,
		})
		rc.Close()
		if err != nil {
			return err
		}
		if err := copyItems(ctx, st, cat, added, e.Items, operator); err != nil {
			return err
		}
		res.evidence++
	}
	return nil
}

// parsePeriode reads a year such as "2025".
func parsePeriode(s string) (int, error) {
	p, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || !assessment.ValidPeriode(p) {
		return 0, &assessment.InputError{Msg: trf("new.badPeriode", strings.TrimSpace(s))}
	}
	return p, nil
}

// formatTime writes a time the Indonesian way: "27/11/2025 10.42".
func formatTime(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.Local().Format("02/01/2006 15.04")
}
