package app

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/fakestore"
)

// Duplicating a Pemdi assessment keeps each file's evidence items and the
// agency score of an externally valued indicator.
func TestDuplicateKeepsItemsAndExternal(t *testing.T) {
	ctx := t.Context()
	st, lib := fakestore.New(), library(t)
	cat, err := lib.Latest("pemdi-2026")
	if err != nil {
		t.Fatal(err)
	}
	src, _ := st.CreateAssessment(ctx, cat, 2026)
	ev, err := st.AddEvidence(ctx, src.ID, 4, assessment.EvidenceInput{Name: "sk.pdf", Reader: strings.NewReader("sk"), Level: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetEvidenceItems(ctx, cat, ev.ID, []string{"I4-L2-01", "I4-L1-01"}, "Rina"); err != nil {
		t.Fatal(err)
	}
	sdi := &assessment.ExternalScore{Score: "25", Year: 2025}
	if err := st.SetExternalScore(ctx, cat, src.ID, 5, sdi, "Rina"); err != nil {
		t.Fatal(err)
	}
	res, err := duplicateAssessment(ctx, st, lib, src, 2027, "Rina")
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := st.Evidence(ctx, res.created.ID)
	if len(evs) != 1 || !cmp.Equal(evs[0].Items, []string{"I4-L1-01", "I4-L2-01"}) {
		t.Errorf("copied evidence %+v", evs)
	}
	answers, _ := st.Answers(ctx, res.created.ID)
	var got *assessment.ExternalScore
	for _, a := range answers {
		if a.Indicator == 5 {
			got = a.External
		}
	}
	if !cmp.Equal(got, sdi) {
		t.Errorf("copied external score %+v, want %+v", got, sdi)
	}
}
