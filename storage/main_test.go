package storage

import (
	"os"
	"testing"
)

// TestMain doubles as the crash tests' child processes: when crashChildEnv
// (or restoreChildEnv) is set the test binary runs the writer (or the
// restore) instead of the tests.
func TestMain(m *testing.M) {
	if dir := os.Getenv(crashChildEnv); dir != "" {
		os.Exit(crashChild(dir))
	}
	if dir := os.Getenv(restoreChildEnv); dir != "" {
		os.Exit(restoreChild(dir))
	}
	os.Exit(m.Run())
}
