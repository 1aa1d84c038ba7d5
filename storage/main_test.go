package storage

import (
	"os"
	"testing"
)

// TestMain doubles as the crash test's child process: when crashChildEnv
// is set the test binary runs the writer instead of the tests.
func TestMain(m *testing.M) {
	if dir := os.Getenv(crashChildEnv); dir != "" {
		os.Exit(crashChild(dir))
	}
	os.Exit(m.Run())
}
