package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
)

// TestCLIQuietUnderCLocale runs a CLI command in a fresh process of this
// binary (which links Fyne, as the real one does) under LANG=C.UTF-8: on
// success stderr stays empty — Fyne's "Error parsing user locale C" is
// printed while packages initialise, so only a new process shows it.
func TestCLIQuietUnderCLocale(t *testing.T) {
	if os.Getenv("SPBE_QUIET_CHILD") == "1" {
		os.Exit(cli.Run(cliEnv(), []string{"catalog", "list", "--data", os.Getenv("SPBE_QUIET_DATA")}))
	}
	for _, lang := range []string{"C.UTF-8", "POSIX.UTF-8", "C", ""} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCLIQuietUnderCLocale$")
		cmd.Env = append(withoutLocale(os.Environ()), "SPBE_QUIET_CHILD=1", "SPBE_QUIET_DATA="+t.TempDir(), "LANG="+lang)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("LANG=%q: %v\n%s", lang, err, stderr.String())
		}
		if stderr.Len() != 0 || !bytes.Contains(stdout.Bytes(), []byte("pemdi-2026")) {
			t.Errorf("LANG=%q: stderr %q, stdout %q", lang, stderr.String(), stdout.String())
		}
	}
}

func withoutLocale(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "LANG") && !strings.HasPrefix(kv, "LC_") {
			out = append(out, kv)
		}
	}
	return out
}
