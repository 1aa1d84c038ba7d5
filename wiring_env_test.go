package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

// clitestEnv is the file and function of storage/clitest's copy of
// cliEnv, on which the policy tests that left this package run.
var clitestEnv = struct{ file, fn string }{filepath.Join("storage", "clitest", "env_test.go"), "realEnv"}

// TestCLIEnvMatchesClitest: storage/clitest cannot import package main,
// and a package both could import that builds a cli.Env would be a second
// place that wires app/cli to storage (docs/architecture.md: only main
// does). So clitest keeps a copy, realEnv; this keeps the copy from
// drifting: its cli.Env literal must set exactly the fields cliEnv sets.
func TestCLIEnvMatchesClitest(t *testing.T) {
	var want []string
	v := reflect.ValueOf(cliEnv()).Elem()
	for i := range v.NumField() {
		if !v.Field(i).IsZero() {
			want = append(want, v.Type().Field(i).Name)
		}
	}
	got, err := envLiteralKeys(clitestEnv.file, clitestEnv.fn)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("%s's %s sets cli.Env fields %q; main's cliEnv sets %q", clitestEnv.file, clitestEnv.fn, got, want)
	}
}

// The reader finds what it compares: a literal with a field missing or
// added is told apart, and a file without the function is an error.
func TestEnvLiteralKeys(t *testing.T) {
	dir := t.TempDir()
	src := `package x
func realEnv() *cli.Env { return &cli.Env{Stdin: nil, Keys: opdkeys.Files{}, Sync: &cli.SyncDeps{Outbox: nil}} }
func other() *cli.Env { return &cli.Env{Output: nil} }
`
	p := filepath.Join(dir, "env_test.go")
	if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := envLiteralKeys(p, "realEnv")
	if err != nil || !slices.Equal(got, []string{"Stdin", "Keys", "Sync"}) {
		t.Errorf("keys %q %v, want Stdin Keys Sync (not the nested SyncDeps's, not other's)", got, err)
	}
	if _, err := envLiteralKeys(p, "missing"); err == nil {
		t.Error("no error for a missing function")
	}
}

// isSelector reports whether e is pkg.name.
func isSelector(e ast.Expr, pkg, name string) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == pkg
}

// envLiteralKeys is the keys of the one cli.Env composite literal in the
// function fn of the Go file path.
func envLiteralKeys(path, fn string) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return nil, err
	}
	var keys []string
	var found, literals int
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != fn || fd.Body == nil {
			continue
		}
		found++
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok || !isSelector(cl.Type, "cli", "Env") {
				return true
			}
			literals++
			for _, e := range cl.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						keys = append(keys, id.Name)
					}
				}
			}
			return false
		})
	}
	if found != 1 || literals != 1 {
		return nil, fmt.Errorf("%s: want one func %s with one cli.Env literal, found %d functions and %d literals", path, fn, found, literals)
	}
	return keys, nil
}
