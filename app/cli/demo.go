package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func init() {
	register(command{
		name:    "demo",
		summary: "data contoh: demo --data DIR — creates a sample data folder (fictional Diskominfo Sigi)",
		run:     runDemo,
	})
}

// demoNote is stored with every sample evidence file.
const demoNote = "Contoh data fiktif (dibuat oleh spbe-mandiri demo)"

func runDemo(env *Env, args []string) int {
	fs := newFlagSet(env, "demo")
	dataDir := fs.String("data", "", "folder data baru untuk data contoh, mis. /tmp/spbe-demo")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return fail(env, err)
	}
	// --data is required: sample data must never land in the operator's
	// default (real) data folder by accident.
	if len(rest) > 0 || strings.TrimSpace(*dataDir) == "" {
		return fail(env, usagef("pakai: spbe-mandiri demo --data FOLDER (folder baru, mis. /tmp/spbe-demo)"))
	}
	svc, err := openData(env, *dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	ctx := context.Background()
	if err := demoRefuseUsed(ctx, svc); err != nil {
		return fail(env, err)
	}
	sum, err := writeDemo(ctx, svc)
	if err != nil {
		return fail(env, fmt.Errorf("%w — data contoh belum lengkap; hapus folder %s lalu ulangi", err, svc.DataDir))
	}
	p := demoProfile
	fmt.Fprintf(env.Stdout, "data contoh (fiktif) dibuat di %s\n", svc.DataDir)
	fmt.Fprintf(env.Stdout, "  profil: %s — %s (%s), operator %s\n", p.Instansi, p.OPDNama, p.OPDKode, p.Operator)
	for _, s := range sum {
		fmt.Fprintf(env.Stdout, "  penilaian %s: %d indikator dijawab, %d berkas bukti\n", s.id, s.answers, s.evidence)
	}
	fmt.Fprintf(env.Stdout, "buka aplikasinya: spbe-mandiri --data %s\n", svc.DataDir)
	return ExitOK
}

// demoRefuseUsed refuses a data folder that already holds a profile or
// assessments: the demo never mixes sample data into real data.
func demoRefuseUsed(ctx context.Context, svc *Services) error {
	p, err := svc.Store.Profile(ctx)
	switch {
	case err == nil:
		return fmt.Errorf("folder data %s sudah berisi profil (%s — %s); data contoh hanya dibuat di folder baru yang kosong, mis. --data /tmp/spbe-demo",
			svc.DataDir, p.Instansi, p.OPDKode)
	case !errors.Is(err, assessment.ErrNotFound):
		return err
	}
	list, err := svc.Store.Assessments(ctx)
	if err != nil {
		return err
	}
	if len(list) > 0 {
		return fmt.Errorf("folder data %s sudah berisi %d penilaian; data contoh hanya dibuat di folder baru yang kosong, mis. --data /tmp/spbe-demo",
			svc.DataDir, len(list))
	}
	return nil
}

// demoSummary is what was created for one sample assessment.
type demoSummary struct {
	id                string
	answers, evidence int
}

// writeDemo saves the sample profile and assessments through the store.
func writeDemo(ctx context.Context, svc *Services) ([]demoSummary, error) {
	if err := svc.Store.SaveProfile(ctx, demoProfile); err != nil {
		return nil, err
	}
	var sum []demoSummary
	for _, da := range demoAssessments {
		c, err := svc.Library.Latest(da.Catalog)
		if err != nil {
			return sum, err
		}
		a, err := svc.Store.CreateAssessment(ctx, c, da.Periode)
		if err != nil {
			return sum, err
		}
		s := demoSummary{id: a.ID}
		seen := map[int]bool{}
		for _, ans := range da.Answers {
			if seen[ans.Indicator] {
				return sum, fmt.Errorf("data contoh %s: indikator %d dua kali", da.Catalog, ans.Indicator)
			}
			seen[ans.Indicator] = true
			n, err := writeDemoAnswer(ctx, svc.Store, c, a.ID, ans)
			if err != nil {
				return sum, fmt.Errorf("penilaian %s indikator %d: %w", a.ID, ans.Indicator, err)
			}
			s.answers++
			s.evidence += n
		}
		sum = append(sum, s)
	}
	return sum, nil
}

// writeDemoAnswer records one answer: level, justification, then each
// generated PDF. It returns the number of evidence files added.
func writeDemoAnswer(ctx context.Context, st assessment.Store, c *assessment.Catalog, id string, ans demoAnswer) (int, error) {
	op := demoProfile.Operator
	just, err := demoJustification(c, ans)
	if err != nil {
		return 0, err
	}
	if err := st.SetLevel(ctx, id, ans.Indicator, ans.Level, op); err != nil {
		return 0, err
	}
	if err := st.SetJustification(ctx, id, ans.Indicator, just, op); err != nil {
		return 0, err
	}
	for i, d := range ans.Docs {
		b, err := demoPDF(d, demoProfile.Instansi)
		if err != nil {
			return i, fmt.Errorf("berkas contoh %s: %w", d.File, err)
		}
		if _, err := st.AddEvidence(ctx, id, ans.Indicator, assessment.EvidenceInput{
			Name: d.File, Reader: bytes.NewReader(b), Level: d.Level, Note: demoNote, Operator: op,
		}); err != nil {
			return i, err
		}
	}
	return len(ans.Docs), nil
}

// demoJustification writes the answer's explanation as FAKTA → ANALISIS →
// JUSTIFIKASI LEVEL, the structure the app's template uses.
func demoJustification(c *assessment.Catalog, ans demoAnswer) (string, error) {
	in, ok := c.Indicator(ans.Indicator)
	if !ok {
		return "", fmt.Errorf("indikator %d tidak ada di katalog %s", ans.Indicator, c.ID)
	}
	name := c.LevelName(in, ans.Level)
	if name == "" {
		return "", fmt.Errorf("tingkat %d tidak ada pada indikator %d", ans.Level, ans.Indicator)
	}
	var b strings.Builder
	b.WriteString("FAKTA:\n")
	for _, f := range ans.Facts {
		b.WriteString("- " + f + "\n")
	}
	b.WriteString("\nANALISIS:\n")
	for _, a := range ans.Analysis {
		b.WriteString("- " + a + "\n")
	}
	fmt.Fprintf(&b, "\nJUSTIFIKASI LEVEL:\n- Level %d (%s) karena %s", ans.Level, name, ans.Because)
	return b.String(), nil
}
