package fakestore

import (
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/storetest"
)

// TestStoreContract runs the assessment.Store contract on the fake, the
// same suite the SQLite store runs (storage/store_contract_test.go).
func TestStoreContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) assessment.Store {
		s := New()
		now := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { now = now.Add(time.Second); return now }
		return s
	})
}
