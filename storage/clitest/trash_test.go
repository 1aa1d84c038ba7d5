package clitest_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// `assessment trash ID` moves an assessment to the Sampah with its answers;
// `assessment list --trashed` shows it; `assessment restore ID` brings it
// back with the status it had.
func TestAssessmentTrashAndRestore(t *testing.T) {
	dir := initData(t)
	id := newAssessment(t, dir)
	mustRun(t, "answer", "--assessment", id, "--indicator", "1", "--level", "3", "--justification", "SK tim ada", "--data", dir)
	if out := mustRun(t, "assessment", "trash", id, "--data", dir); !strings.Contains(out, "Sampah") || !strings.Contains(out, "assessment restore "+id) {
		t.Errorf("trash says %q", out)
	}
	if out := mustRun(t, "assessment", "list", "--data", dir); strings.Contains(out, id) {
		t.Errorf("a trashed assessment is still listed: %q", out)
	}
	var trashed []assessment.Assessment
	if err := json.Unmarshal([]byte(mustRun(t, "assessment", "list", "--trashed", "--json", "--data", dir)), &trashed); err != nil {
		t.Fatal(err)
	}
	if len(trashed) != 1 || trashed[0].ID != id || trashed[0].TrashedAt.IsZero() {
		t.Fatalf("list --trashed = %+v", trashed)
	}
	mustRun(t, "assessment", "restore", id, "--data", dir)
	if out := mustRun(t, "assessment", "list", "--trashed", "--data", dir); !strings.Contains(out, "Sampah kosong") {
		t.Errorf("after restore the trash lists %q", out)
	}
	var s struct {
		Assessment   assessment.Assessment  `json:"assessment"`
		Completeness struct{ Answered int } `json:"completeness"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "assessment", "show", id, "--json", "--data", dir)), &s); err != nil {
		t.Fatal(err)
	}
	if s.Assessment.Status != assessment.AssessmentDraft || !s.Assessment.TrashedAt.IsZero() || s.Completeness.Answered != 1 {
		t.Errorf("restored %+v with %d answers", s.Assessment, s.Completeness.Answered)
	}
	if r := run(t, "assessment", "trash", "tidak-ada", "--data", dir); r.code == 0 {
		t.Error("trashing an unknown id succeeded")
	}
}
