package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func TestReviewCommands(t *testing.T) {
	var got []assessment.ReviewEntry
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb, OpenAsesor: (&asesorStub{
		Review: func(_ context.Context, dir string, e assessment.ReviewEntry) (assessment.ReviewEntry, error) {
			got = append(got, e)
			e.BundleID = "01968f2a-5b3c-7d4e-8f90-000000000001"
			return e, nil
		},
		ReviewSheet: func(_ context.Context, dir, id string) (assessment.ReviewBundle, []assessment.ReviewItem, error) {
			return assessment.ReviewBundle{BundleID: id, OPDKode: "BAPPEDA", Periode: 2026, Status: "accepted", KeyStatus: "verified", Index: "2.5"},
				[]assessment.ReviewItem{
					{Indicator: 1, Answered: true, Level: 3, Justification: "Ada SK", Evidence: []assessment.ReviewEvidence{{Name: "SK.pdf", Level: 3, SHA256: "ab"}},
						Reviewed: true, Status: "revisi", Reason: "bukti tidak tepat", Note: "SK lama", Value: "2.5", Revisions: 2},
					{Indicator: 2, Answered: true, Level: 1},
				}, nil
		},
		Operator: func() string { return "Budi" },
	}).open}
	if code := Run(env, []string{"review", "--bundle", "01968f2a", "--indicator", "1"}); code != ExitUsage {
		t.Fatalf("no status: %d", code)
	}
	if code := Run(env, []string{"--data", "D", "review", "--bundle", "01968f2a", "--indicator", "1", "--value", "2,5", "--status", "revisi",
		"--reason", "bukti tidak tepat", "--note", "SK lama"}); code != ExitOK {
		t.Fatalf("review: %d %s", code, errb.String())
	}
	if len(got) != 1 || got[0].Reviewer != "Budi" || got[0].Value != "2,5" || got[0].Reason != "bukti tidak tepat" || got[0].BundleID != "01968f2a" {
		t.Fatalf("got %+v", got)
	}
	out.Reset()
	if code := Run(env, []string{"review", "show", "--bundle", "01968f2a"}); code != ExitOK {
		t.Fatalf("show: %d", code)
	}
	for _, want := range []string{"Indikator 1 — tingkat OPD 3", "SK.pdf (tingkat 3", "revisi (bukti tidak tepat), nilai 2,5 — SK lama [2 keputusan tercatat]",
		"Indikator 2 — tingkat OPD 1", "belum ditelaah"} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("show lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if code := Run(env, []string{"review", "show", "--bundle", "01968f2a", "--json"}); code != ExitOK || !strings.Contains(out.String(), `"reason": "bukti tidak tepat"`) {
		t.Fatalf("json: %d %s", code, out.String())
	}
}
