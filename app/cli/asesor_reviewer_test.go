package cli

import (
	"bytes"
	"context"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// TestReviewerFromWorkspaceProfile: the first --reviewer is stored in the
// workspace profile and is the default afterwards, before the OS user.
func TestReviewerFromWorkspaceProfile(t *testing.T) {
	var got []assessment.ReviewEntry
	stored := ""
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb, OpenAsesor: (&asesorStub{
		Review: func(_ context.Context, _ string, e assessment.ReviewEntry) (assessment.ReviewEntry, error) {
			got = append(got, e)
			return e, nil
		},
		ReviewerName:    func(context.Context, string) (string, error) { return stored, nil },
		SetReviewerName: func(_ context.Context, _, name string) error { stored = name; return nil },
		Operator:        func() string { return "root" },
	}).open}
	review := []string{"review", "--bundle", "01968f2a", "--indicator", "1", "--status", "diterima"}
	if code := Run(env, append(review, "--reviewer", "Siti Rahmawati")); code != ExitOK {
		t.Fatalf("review --reviewer: %d %s", code, errb.String())
	}
	if stored != "Siti Rahmawati" {
		t.Errorf("profile holds %q", stored)
	}
	if code := Run(env, review); code != ExitOK {
		t.Fatalf("review: %d %s", code, errb.String())
	}
	if len(got) != 2 || got[0].Reviewer != "Siti Rahmawati" || got[1].Reviewer != "Siti Rahmawati" {
		t.Fatalf("recorded as %+v, want the profile's name, not the OS user", got)
	}
	// a later --by for one decision does not replace the profile
	if code := Run(env, append(review, "--by", "Budi")); code != ExitOK || got[2].Reviewer != "Budi" || stored != "Siti Rahmawati" {
		t.Errorf("--by Budi: %d, %+v, profile %q", code, got, stored)
	}
}
