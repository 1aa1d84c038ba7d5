package testsvc

import (
	"errors"
	"os"
	"testing"
)

// Main runs the tests and then stops the engines this binary started.
// Call it from TestMain: func TestMain(m *testing.M) { testsvc.Main(m) }.
func Main(m *testing.M) {
	code := m.Run()
	if pg != nil {
		pg.stop()
	}
	if s3srv != nil {
		s3srv.stop()
	}
	os.Exit(code)
}

func isMissing(err error) bool { return errors.Is(err, errMissing) }
