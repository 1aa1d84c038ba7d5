package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// fmtVerb matches one fmt verb (not %%), with an optional explicit
// argument index, flags, width and precision.
var fmtVerb = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?([a-zA-Z%])`)

// verbArgs is how many arguments format consumes: the number of verbs, or
// the highest explicit index where one is used.
func verbArgs(format string) int {
	n, top := 0, 0
	for _, m := range fmtVerb.FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		if m[1] != "" {
			i, _ := strconv.Atoi(m[1])
			n = i // the following verbs count on from an explicit index
		} else {
			n++
		}
		top = max(top, n)
	}
	return top
}

func TestVerbArgs(t *testing.T) {
	for format, want := range map[string]int{
		"": 0, "100%%": 0, "%s": 1, "%s dari %d": 2, "%.1f %%": 1, "%[2]s %[1]s": 2, "%[1]s %s": 2, "%-8s|%5.2f": 2,
	} {
		if got := verbArgs(format); got != want {
			t.Errorf("verbArgs(%q) = %d, want %d", format, got, want)
		}
	}
}

// Every trf call in the GUI (tests included: a test that copies a wrong
// call hides the mistake) passes as many arguments as the translated
// format has verbs, in both languages — otherwise the user reads
// "%!s(MISSING)" or "%!(EXTRA …)".
func TestTranslatedFormatsGetTheirArguments(t *testing.T) {
	langs := map[string]map[string]any{langID: translations(t, langID), langEN: translations(t, langEN)}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	calls := 0
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !isTrf(call) {
				return true
			}
			key, ok := literalKey(call)
			if !ok {
				return true
			}
			calls++
			args := len(call.Args) - 1
			for code, m := range langs {
				format, _ := m[key].(string)
				if want := verbArgs(format); want != args {
					t.Errorf("%s: trf(%q) passes %d arguments, %s.json's text has %d verbs", fset.Position(call.Pos()), key, args, code, want)
				}
			}
			return true
		})
	}
	if calls < 50 {
		t.Fatalf("found only %d trf calls: is the scan still looking at the GUI's files?", calls)
	}
}

func isTrf(call *ast.CallExpr) bool {
	id, ok := call.Fun.(*ast.Ident)
	return ok && id.Name == "trf" && len(call.Args) > 0 && !call.Ellipsis.IsValid()
}

func literalKey(call *ast.CallExpr) (string, bool) {
	lit, ok := call.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
