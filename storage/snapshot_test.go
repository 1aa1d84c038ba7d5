package storage

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// TestReadTxIsOneState: inside ReadTx every read sees the database as it
// was at the first one, although another connection changes a level in
// between; the export's snapshot cannot mix two states.
func TestReadTxIsOneState(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := openAt(t, dir)
	a, err := db.CreateAssessment(ctx, testCatalog(t), 2025)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetLevel(ctx, a.ID, 1, 2, "Ani"); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite", fileURI(filepath.Join(dir, dbFileName))+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var inside []int
	err = db.ReadTx(ctx, func(r assessment.SnapshotSource) error {
		for round := 0; round < 2; round++ {
			list, err := r.Answers(ctx, a.ID)
			if err != nil {
				return err
			}
			inside = append(inside, list[0].Level)
			if round == 0 {
				if _, err := other.ExecContext(ctx, `UPDATE answer SET level = 4 WHERE assessment_id = ? AND indicator = 1`, a.ID); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if inside[0] != 2 || inside[1] != 2 {
		t.Errorf("levels read inside one ReadTx = %v, want [2 2]", inside)
	}
	after, err := db.Answers(ctx, a.ID)
	if err != nil || after[0].Level != 4 {
		t.Errorf("after ReadTx: %+v %v (the other connection's write is there)", after, err)
	}
}
