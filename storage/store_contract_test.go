package storage

import (
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/storetest"
)

// TestStoreContract runs the assessment.Store contract on the SQLite
// store; assessment/fakestore runs the same suite on the fake.
func TestStoreContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) assessment.Store { return openTest(t) })
}
