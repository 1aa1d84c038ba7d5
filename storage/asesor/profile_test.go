package asesor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReviewerNameProfile: the assessor's name lives in the workspace,
// survives reopening, and only a one-line name of sensible length is
// stored.
func TestReviewerNameProfile(t *testing.T) {
	dir := t.TempDir()
	w, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if name, err := w.ReviewerName(t.Context()); err != nil || name != "" {
		t.Fatalf("fresh workspace: %q, %v", name, err)
	}
	for _, bad := range []string{"", "   ", "Siti\nRahmawati", strings.Repeat("a", 101)} {
		if err := w.SetReviewerName(t.Context(), bad); err == nil {
			t.Errorf("name %q stored", bad)
		}
	}
	if err := w.SetReviewerName(t.Context(), "  Siti Rahmawati "); err != nil {
		t.Fatal(err)
	}
	w.Close()
	w, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if name, err := w.ReviewerName(t.Context()); err != nil || name != "Siti Rahmawati" {
		t.Fatalf("after reopening: %q, %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, ProfileFileName), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := w.ReviewerName(t.Context()); err == nil || !strings.Contains(err.Error(), "rusak") {
		t.Errorf("damaged profile: %v", err)
	}
}
