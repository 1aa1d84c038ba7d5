package cli

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// TestReviewItemCommand: `review --item` records a verdict on one item
// with the short reason spellings; the indicator follows from the code;
// the cascade's refusal reaches the assessor; --value stays an indicator
// flag; `review show` lists the items.
func TestReviewItemCommand(t *testing.T) {
	var got []assessment.ItemReviewEntry
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb, OpenAsesor: (&asesorStub{
		ReviewItem: func(_ context.Context, _ string, e assessment.ItemReviewEntry) (assessment.ItemReviewEntry, error) {
			got = append(got, e)
			if e.Code == "I4-L3-01" && e.Status == "diterima" {
				return e, errors.New("butir I4-L3-01 tidak dapat diterima selama tingkat 2 ditolak")
			}
			e.Computed = "1"
			return e, nil
		},
		ReviewSheet: func(_ context.Context, _, id string) (assessment.ReviewBundle, []assessment.ReviewItem, error) {
			return assessment.ReviewBundle{BundleID: id}, []assessment.ReviewItem{{Indicator: 4, Answered: true, Level: 3,
				Items: []assessment.ReviewEvidenceItem{
					{Code: "I4-L1-02", Level: 1, Status: "revisi", Reason: "bukti tidak tepat", Note: "SK lama"},
					{Code: "I4-L3-01", Level: 3, AutoRejected: true},
					{Code: "I4-L1-01", Level: 1},
				}, Computed: "1", Counted: "1.25",
				Reviewed: true, Status: "diterima", Value: "1.25"}}, nil
		},
		Operator: func() string { return "Budi" },
	}).open}
	run := func(args ...string) int { out.Reset(); errb.Reset(); return Run(env, args) }
	if code := run("review", "--bundle", "01968f2a", "--item", "I4-L1-02", "--status", "revisi", "--reason", "tidak-tepat", "--note", "SK lama"); code != ExitOK {
		t.Fatalf("item review: %d %s", code, errb.String())
	}
	if len(got) != 1 || got[0].Indicator != 4 || got[0].Reason != "bukti tidak tepat" || got[0].Reviewer != "Budi" || got[0].Note != "SK lama" {
		t.Fatalf("got %+v", got)
	}
	if !strings.Contains(out.String(), "I4-L1-02: revisi (bukti tidak tepat)") || !strings.Contains(out.String(), "indikator 4 dari butir: 1") {
		t.Fatalf("output %s", out.String())
	}
	if code := run("review", "--bundle", "01968f2a", "--item", "I4-L2-01", "--status", "revisi", "--reason", "belum-diunggah"); code != ExitOK || got[1].Reason != "belum diunggah" {
		t.Fatalf("belum-diunggah: %d %+v", code, got)
	}
	if code := run("review", "--bundle", "01968f2a", "--item", "I4-L3-01", "--status", "diterima"); code == ExitOK || !strings.Contains(errb.String(), "tidak dapat diterima") {
		t.Fatalf("refusal: %d %s", code, errb.String())
	}
	for _, args := range [][]string{
		{"review", "--bundle", "01968f2a", "--item", "I4-L1-02", "--status", "diterima", "--value", "1,25"},
		{"review", "--bundle", "01968f2a", "--item", "I4-1-02", "--status", "diterima"},
		{"review", "--bundle", "01968f2a", "--item", "I4-L1-02"},
	} {
		if code := run(args...); code != ExitUsage {
			t.Errorf("%v: %d, want usage", args, code)
		}
	}
	if code := run("review", "show", "--bundle", "01968f2a"); code != ExitOK {
		t.Fatalf("show: %d", code)
	}
	for _, want := range []string{"I4-L1-02 (tingkat 1): revisi (bukti tidak tepat) — SK lama",
		"I4-L3-01 (tingkat 3): ditolak otomatis — Otomatis ditolak karena tingkat kematangan sebelumnya ditolak",
		"I4-L1-01 (tingkat 1): belum ditelaah", "Nilai terhitung dari butir: 1", "Nilai dihitung di rekap: 1,25"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("show lacks %q:\n%s", want, out.String())
		}
	}
}
