package clitest_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
)

// runEmbedded runs the command line with the embedded catalogs (the demo
// needs spbe-2020 and pemdi-2026), as wiring_gui.go in package main does.
func runEmbedded(t *testing.T, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cli.Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Library: assets.Library,
		Services: func(dir string) (*cli.Services, error) {
			db, err := storage.Open(dir)
			if err != nil {
				return nil, err
			}
			lib, err := assets.Library()
			if err != nil {
				db.Close()
				return nil, err
			}
			return &cli.Services{DataDir: db.Dir(), Store: db, Library: lib}, nil
		},
	}
	code := cli.Run(env, args)
	return result{code, out.String(), errb.String()}
}

func TestDemo(t *testing.T) {
	t.Setenv(storage.EnvDataDir, "")
	dir := t.TempDir()
	r := runEmbedded(t, "demo", "--data", dir)
	if r.code != 0 {
		t.Fatalf("demo: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}

	ctx := context.Background()
	db, err := storage.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := db.Profile(ctx)
	if err != nil || p.Instansi != "Pemerintah Kabupaten Sigi" || p.OPDKode != "DISKOMINFO" || p.Operator == "" {
		t.Errorf("profile = %+v, %v", p, err)
	}
	list, err := db.Assessments(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("assessments = %+v, %v", list, err)
	}
	byCatalog := map[string]assessment.Assessment{}
	for _, a := range list {
		byCatalog[a.CatalogID] = a
	}
	for _, want := range []struct {
		catalog          string
		periode          int
		minAnswers, maxA int
	}{{"spbe-2020", 2025, 15, 25}, {"pemdi-2026", 2026, 2, 10}} {
		a, ok := byCatalog[want.catalog]
		if !ok || a.Periode != want.periode {
			t.Errorf("%s: assessment %+v", want.catalog, a)
			continue
		}
		answers, err := db.Answers(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(answers) < want.minAnswers || len(answers) > want.maxA {
			t.Errorf("%s: %d answers", want.catalog, len(answers))
		}
		for _, an := range answers {
			j := an.Justification
			if !an.Answered() || an.Operator != p.Operator ||
				!strings.HasPrefix(j, "FAKTA:\n") || !strings.Contains(j, "\nANALISIS:\n") || !strings.Contains(j, "\nJUSTIFIKASI LEVEL:\n- Level ") {
				t.Errorf("%s indicator %d: level %d, operator %q, justification %q", want.catalog, an.Indicator, an.Level, an.Operator, j)
			}
		}
		evidence, err := db.Evidence(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(evidence) == 0 {
			t.Errorf("%s: no evidence", want.catalog)
		}
		just := map[int]string{}
		for _, an := range answers {
			just[an.Indicator] = an.Justification
		}
		for _, e := range evidence {
			if !strings.Contains(just[e.Indicator], e.OriginalName) {
				t.Errorf("%s indicator %d: justification does not cite %s", want.catalog, e.Indicator, e.OriginalName)
			}
			if e.Blob.MediaType != "application/pdf" || !strings.HasSuffix(e.OriginalName, ".pdf") {
				t.Errorf("%s evidence %+v", want.catalog, e)
			}
			rc, err := db.OpenBlob(ctx, e.Blob.SHA256)
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) || int64(len(b)) != e.Blob.Size {
				t.Errorf("%s blob %s: %d bytes, %v", e.OriginalName, e.Blob.ShortHash(), len(b), err)
			}
		}
	}
	// Every aspect of SPBE 2020 has an answer.
	spbe := byCatalog["spbe-2020"]
	lib, _ := assets.Library()
	c, err := lib.Pinned(spbe.CatalogID, spbe.CatalogVersion, spbe.CatalogSHA256)
	if err != nil {
		t.Fatal(err)
	}
	answers, _ := db.Answers(ctx, spbe.ID)
	aspects := map[int]bool{}
	for _, an := range answers {
		in, _ := c.Indicator(an.Indicator)
		aspects[in.Aspect] = true
	}
	if len(aspects) != len(c.Aspects) {
		t.Errorf("answered aspects %v of %d", aspects, len(c.Aspects))
	}
	db.Close()

	// A second run refuses and changes nothing.
	r = runEmbedded(t, "--data", dir, "demo")
	if r.code != cli.ExitError || !strings.Contains(r.stderr, "sudah berisi profil") {
		t.Errorf("second demo: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runEmbedded(t, "demo"); r.code != cli.ExitUsage {
		t.Errorf("demo without --data: exit %d, stderr %q", r.code, r.stderr)
	}
}
