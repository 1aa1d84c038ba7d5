package assessment_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// module is the module path of the repository.
const module = "github.com/spbe-mandiri/spbe-mandiri"

// importRule is one rule of docs/architecture.md: no package under from
// may depend, directly or through others, on a package the rule forbids.
type importRule struct {
	from      string
	rule      string
	forbidden func(dep string) bool
}

var importRules = []importRule{
	{module + "/assessment", "assessment/... imports only the standard library (and itself)",
		func(dep string) bool { return !standard(dep) && !within(dep, module+"/assessment") }},
	{module + "/app", "app/ and app/cli never import storage/... (only package main wires them)",
		func(dep string) bool { return within(dep, module+"/storage") }},
	{module + "/storage", "storage/... never imports app/... (storage implements, the UI calls)",
		func(dep string) bool { return within(dep, module+"/app") }},
}

// within reports whether path is pkg or a package below it.
func within(path, pkg string) bool { return path == pkg || strings.HasPrefix(path, pkg+"/") }

// standard reports whether an import path is the standard library's: its
// first element has no dot (module paths, this one included, have one).
func standard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// listedPackage is what `go list -json=ImportPath,Deps` prints per package.
type listedPackage struct {
	ImportPath string
	Deps       []string // transitive, sorted
}

// violations applies the rules to the listed packages.
func violations(pkgs []listedPackage) []string {
	var out []string
	for _, p := range pkgs {
		for _, r := range importRules {
			if !within(p.ImportPath, r.from) {
				continue
			}
			for _, d := range p.Deps {
				if r.forbidden(d) {
					out = append(out, p.ImportPath+" depends on "+d+": "+r.rule)
				}
			}
		}
	}
	return out
}

// TestImportRules checks the layering on the packages as the go tool sees
// them with the test command's build tag (non-test files: the rules are
// about the program). go list only reads files, so CGO_ENABLED=1 lists the
// cgo packages (package main, Fyne's drivers) without a C compiler, and
// the test itself runs with CGO_ENABLED=0.
func TestImportRules(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH; scripts/test.sh runs this test where there is one")
	}
	cmd := exec.Command(goTool, "list", "-tags", "migrated_fynedo", "-json=ImportPath,Deps", module+"/...")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1", "GOFLAGS=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	seen := map[string]bool{}
	for _, p := range pkgs {
		for _, r := range importRules {
			seen[r.from] = seen[r.from] || within(p.ImportPath, r.from)
		}
	}
	for _, r := range importRules {
		if !seen[r.from] {
			t.Errorf("go list showed no package under %s: the rule %q checks nothing", r.from, r.rule)
		}
	}
	for _, v := range violations(pkgs) {
		t.Error(v)
	}
}

// The rules catch what they are for: a made-up package list breaking each.
func TestImportRulesCatch(t *testing.T) {
	pkgs := []listedPackage{
		{module + "/assessment/x", []string{"fmt", "golang.org/x/text", module + "/assessment", module + "/assets"}},
		{module + "/app/cli", []string{"fmt", module + "/assessment", module + "/storage/keys"}},
		{module + "/app", []string{module + "/storagefoo"}}, // not storage/...
		{module + "/storage/bundle", []string{module + "/app/quietlocale"}},
		{module, []string{module + "/storage", module + "/app"}}, // main wires: allowed
	}
	got := violations(pkgs)
	want := []string{
		module + "/assessment/x depends on golang.org/x/text",
		module + "/assessment/x depends on " + module + "/assets",
		module + "/app/cli depends on " + module + "/storage/keys",
		module + "/storage/bundle depends on " + module + "/app/quietlocale",
	}
	if len(got) != len(want) {
		t.Fatalf("violations:\n%s\nwant %d", strings.Join(got, "\n"), len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]+":") {
			t.Errorf("violation %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
}
