package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/spbe-mandiri/spbe-mandiri/assets"
)

func translations(t *testing.T, lang string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(assets.Translation(lang), &m); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return m
}

// Every key the code uses exists in both languages, and both files have
// the same keys.
func TestTranslationsComplete(t *testing.T) {
	id, en := translations(t, langID), translations(t, langEN)
	for k := range id {
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q", k)
		}
	}
	for k := range en {
		if _, ok := id[k]; !ok {
			t.Errorf("id.json lacks %q", k)
		}
	}
	prefixes := map[string]bool{}
	for k := range id {
		if i := strings.IndexByte(k, '.'); i > 0 {
			prefixes[k[:i]] = true
		}
	}
	lit := regexp.MustCompile(`"([a-z]+)\.([a-zA-Z]+)"`)
	files, _ := filepath.Glob("*.go")
	var missing []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lit.FindAllStringSubmatch(string(src), -1) {
			key := m[1] + "." + m[2]
			if _, ok := id[key]; !ok && prefixes[m[1]] {
				missing = append(missing, f+": "+key)
			}
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("key used but not translated: %s", m)
	}
}

// Fyne's own dialog words are translated into Indonesian.
func TestFyneDialogWordsInIndonesian(t *testing.T) {
	base, err := os.ReadFile(filepath.Join(fyneDir(t), "lang", "translations", "base.en.json"))
	if err != nil {
		t.Skip("Fyne source not in the module cache:", err)
	}
	var fyneKeys map[string]any
	if err := json.Unmarshal(base, &fyneKeys); err != nil {
		t.Fatal(err)
	}
	id := translations(t, langID)
	for k := range fyneKeys {
		if _, ok := id[k]; !ok {
			t.Errorf("id.json lacks Fyne's %q", k)
		}
	}
	test.NewTempApp(t)
	applyLanguage(langID)
	if got := tr("Cancel"); got != "Batal" {
		t.Errorf("Cancel in Indonesian = %q", got)
	}
	applyLanguage(langEN)
	if got := tr("Cancel"); got != "Cancel" {
		t.Errorf("Cancel in English = %q", got)
	}
	applyLanguage(langID)
}

func fyneDir(t *testing.T) string {
	t.Helper()
	gopath := os.Getenv("GOPATH")
	if gopath == "" {
		home, _ := os.UserHomeDir()
		gopath = filepath.Join(home, "go")
	}
	return filepath.Join(gopath, "pkg", "mod", "fyne.io", "fyne", "v2@v2.7.1")
}

// The checklist's rules have a passing and a failing text in both languages.
func TestChecklistTextsExist(t *testing.T) {
	id, en := translations(t, langID), translations(t, langEN)
	for _, c := range (&session{cat: library(t).Entries()[0].Catalog}).checklist() {
		for _, k := range []string{c.key, c.key + "Fail"} {
			if _, ok := id[k]; !ok {
				t.Errorf("id.json lacks %q", k)
			}
			if _, ok := en[k]; !ok {
				t.Errorf("en.json lacks %q", k)
			}
		}
	}
}
