package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func init() {
	register(command{
		name:    "assessment",
		summary: "penilaian: new --catalog ID --periode TAHUN | list [--trashed] | show ID | trash ID | restore ID — assessments",
		run:     runAssessment,
	})
}

var assessmentSubcommands = map[string]func(env *Env, args []string) int{
	"new":     assessmentNew,
	"list":    assessmentList,
	"show":    assessmentShow,
	"trash":   assessmentTrash,
	"restore": assessmentRestore,
}

func runAssessment(env *Env, args []string) int {
	sub, rest, err := withData(args)
	if err != nil {
		return fail(env, err)
	}
	run, ok := assessmentSubcommands[sub]
	if !ok {
		return fail(env, usagef("pakai: spbe-mandiri assessment new --catalog ID --periode TAHUN | list [--trashed] | show ID | trash ID | restore ID"))
	}
	return run(env, rest)
}

func assessmentNew(env *Env, args []string) int {
	fs := newFlagSet(env, "assessment new")
	dataDir := fs.String("data", "", "folder data")
	catalogID := fs.String("catalog", "", "id katalog, mis. spbe-2020 (lihat `catalog list`)")
	periode := fs.Int("periode", 0, "tahun periode penilaian, mis. 2025")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return fail(env, err)
	}
	if len(rest) > 0 || *catalogID == "" || *periode == 0 {
		return fail(env, usagef("pakai: spbe-mandiri assessment new --catalog ID --periode TAHUN"))
	}
	svc, err := openData(env, *dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	c, err := svc.Library.Latest(*catalogID)
	if err != nil {
		return fail(env, err)
	}
	a, err := svc.Store.CreateAssessment(context.Background(), c, *periode)
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		return writeJSON(env, a)
	}
	fmt.Fprintln(env.Stdout, a.ID)
	return ExitOK
}

func assessmentList(env *Env, args []string) int {
	fs := newFlagSet(env, "assessment list")
	dataDir := fs.String("data", "", "folder data")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	trashed := fs.Bool("trashed", false, "isi Sampah: penilaian yang dihapus")
	if rest, err := parseArgs(fs, args); err != nil || len(rest) > 0 {
		return fail(env, usagef("pakai: spbe-mandiri assessment list [--trashed] [--json]"))
	}
	svc, err := openData(env, *dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	listOf := svc.Store.Assessments
	if *trashed {
		listOf = svc.Store.TrashedAssessments
	}
	list, err := listOf(context.Background())
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		if list == nil {
			list = []assessment.Assessment{}
		}
		return writeJSON(env, list)
	}
	if len(list) == 0 && *trashed {
		fmt.Fprintln(env.Stdout, "Sampah kosong")
		return ExitOK
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stdout, "belum ada penilaian; buat dengan `spbe-mandiri assessment new --catalog ID --periode TAHUN`")
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPERIODE\tKATALOG\tSTATUS\tDIUBAH")
	for _, a := range list {
		fmt.Fprintf(tw, "%s\t%d\t%s %s\t%s\t%s\n", a.ID, a.Periode, a.CatalogID, a.CatalogVersion, a.Status, a.UpdatedAt.Local().Format("2006-01-02 15:04"))
	}
	tw.Flush()
	return ExitOK
}

// showResult is the JSON of `assessment show`.
type showResult struct {
	Assessment   assessment.Assessment `json:"assessment"`
	Catalog      catalogRef            `json:"catalog"`
	Answers      []assessment.Answer   `json:"answers"`
	Evidence     []assessment.Evidence `json:"evidence"`
	Completeness completeness          `json:"completeness"`
	Score        any                   `json:"score"`

	score assessment.Score // exact, for display
}

type catalogRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
	Title   string `json:"title"`
}

// completeness counts what is still missing before the assessment can be
// submitted.
type completeness struct {
	Total             int   `json:"total"`
	Answered          int   `json:"answered"`
	WithJustification int   `json:"with_justification"`
	WithEvidence      int   `json:"with_evidence"`
	Unanswered        []int `json:"unanswered"`
}

func assessmentShow(env *Env, args []string) int {
	fs := newFlagSet(env, "assessment show")
	dataDir := fs.String("data", "", "folder data")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	rest, err := parseArgs(fs, args)
	if err != nil || len(rest) != 1 {
		return fail(env, usagef("pakai: spbe-mandiri assessment show ID [--json]"))
	}
	svc, err := openData(env, *dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	res, c, err := loadShow(context.Background(), svc, rest[0])
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		return writeJSON(env, res)
	}
	printShow(env, res, c)
	return ExitOK
}

func loadShow(ctx context.Context, svc *Services, id string) (showResult, *assessment.Catalog, error) {
	var res showResult
	a, err := svc.Store.Assessment(ctx, id)
	if err != nil {
		return res, nil, err
	}
	c, err := svc.Library.Pinned(a.CatalogID, a.CatalogVersion, a.CatalogSHA256)
	if err != nil {
		return res, nil, err
	}
	res = showResult{Assessment: a, Catalog: catalogRef{c.ID, c.Version, c.SHA256(), c.Title}}
	if res.Answers, err = svc.Store.Answers(ctx, id); err != nil {
		return res, nil, err
	}
	if res.Evidence, err = svc.Store.Evidence(ctx, id); err != nil {
		return res, nil, err
	}
	res.Answers = nonNil(res.Answers)
	res.Evidence = nonNil(res.Evidence)
	score, err := assessment.ScoreValues(c, assessment.AnswerValues(c, res.Answers))
	if err != nil {
		return res, nil, err
	}
	res.Score, res.score = ScoreJSON(score), score
	res.Completeness = measure(c, res.Answers, res.Evidence)
	return res, c, nil
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func measure(c *assessment.Catalog, answers []assessment.Answer, evidence []assessment.Evidence) completeness {
	byNum := map[int]assessment.Answer{}
	for _, a := range answers {
		byNum[a.Indicator] = a
	}
	withEv := map[int]bool{}
	for _, e := range evidence {
		withEv[e.Indicator] = true
	}
	m := completeness{Total: len(c.Indicators), WithEvidence: len(withEv), Unanswered: []int{}}
	for _, in := range c.Indicators {
		a := byNum[in.Number]
		switch {
		case a.Answered():
			m.Answered++
		default:
			m.Unanswered = append(m.Unanswered, in.Number)
		}
		if assessment.Justified(a.Justification) {
			m.WithJustification++
		}
	}
	return m
}

func printShow(env *Env, r showResult, c *assessment.Catalog) {
	w := env.Stdout
	a := r.Assessment
	fmt.Fprintf(w, "Penilaian %s — periode %d, status %s\n", a.ID, a.Periode, a.Status)
	fmt.Fprintf(w, "Katalog: %s versi %s (%s)\n\n", c.ID, c.Version, c.Title)
	answers := map[int]assessment.Answer{}
	for _, an := range r.Answers {
		answers[an.Indicator] = an
	}
	evidence := map[int][]assessment.Evidence{}
	for _, e := range r.Evidence {
		evidence[e.Indicator] = append(evidence[e.Indicator], e)
	}
	for _, in := range c.Indicators {
		printIndicator(env, c, in, answers[in.Number], evidence[in.Number])
	}
	m := r.Completeness
	fmt.Fprintf(w, "\nTerjawab %d dari %d; berjustifikasi %d; berbukti %d.\n", m.Answered, m.Total, m.WithJustification, m.WithEvidence)
	printScoreLine(env, r.score)
}

func printIndicator(env *Env, c *assessment.Catalog, in assessment.Indicator, an assessment.Answer, ev []assessment.Evidence) {
	level := "belum dijawab"
	if assessment.ExternallyValued(in) {
		level = "dinilai dari indeks instansi lain"
	}
	if an.Answered() {
		level = fmt.Sprintf("tingkat %d (%s)", an.Level, c.LevelName(in, an.Level))
	}
	fmt.Fprintf(env.Stdout, "%3d. %s — %s\n", in.Number, in.Name, level)
	if in.ValuedBy != nil && (an.External != nil || assessment.ExternallyValued(in)) {
		fmt.Fprintf(env.Stdout, "     %s\n", externalLine(in, an.External))
	}
	if an.Justification != "" {
		fmt.Fprintf(env.Stdout, "     justifikasi: %s\n", oneLine(an.Justification, 100))
	}
	for _, e := range ev {
		fmt.Fprintf(env.Stdout, "     bukti #%d: %s (%s, %s)%s\n", e.ID, e.OriginalName, e.Blob.ShortHash(), levelLabel(e.Level), itemsSaid(assessment.FileItems(in, e.Level, e.Items)))
	}
}

func printScoreLine(env *Env, s assessment.Score) {
	if s.Index == nil {
		fmt.Fprintln(env.Stdout, "Indeks: belum ada jawaban.")
		return
	}
	label := "Indeks"
	switch {
	case s.Complete:
	case s.Headline == assessment.HeadlineMissingAsOne:
		label = "Indeks sementara (indikator tanpa nilai dihitung 1, seperti yang diterbitkan KemenPANRB)"
	default:
		label = "Indeks sementara (dari indikator yang terjawab)"
	}
	fmt.Fprintf(env.Stdout, "%s: %s — %s\n", label, assessment.FormatDecimal(s.Index), s.Predicate)
	if s.Complete {
		return
	}
	if s.Headline == assessment.HeadlineMissingAsOne {
		fmt.Fprintf(env.Stdout, "Rata-rata indikator yang terjawab: %s — %s\n", assessment.FormatDecimal(s.Extrapolated), s.ExtrapolatedPredicate)
	}
	fmt.Fprintf(env.Stdout, "Rentang indeks akhir: %s–%s\n", assessment.FormatDecimal(s.Lowest), assessment.FormatDecimal(s.Highest))
}

func levelLabel(l int) string {
	if l == 0 {
		return "umum"
	}
	return fmt.Sprintf("tingkat %d", l)
}

// oneLine shortens text for a one-line listing.
func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max-1]) + "…"
	}
	return s
}

// assessmentTrash moves an assessment to the trash (Sampah): nothing is
// deleted, `assessment restore ID` brings it back.
func assessmentTrash(env *Env, args []string) int {
	return setTrashed(env, "trash", args, true)
}

// assessmentRestore takes an assessment out of the trash with the status
// it had.
func assessmentRestore(env *Env, args []string) int {
	return setTrashed(env, "restore", args, false)
}

func setTrashed(env *Env, sub string, args []string, trash bool) int {
	fs := newFlagSet(env, "assessment "+sub)
	dataDir := fs.String("data", "", "folder data")
	rest, err := parseArgs(fs, args)
	if err != nil || len(rest) != 1 {
		return fail(env, usagef("pakai: spbe-mandiri assessment %s ID", sub))
	}
	svc, err := openData(env, *dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	ctx, id := context.Background(), rest[0]
	a, err := svc.Store.Assessment(ctx, id)
	if err != nil {
		return fail(env, err)
	}
	if trash {
		err = svc.Store.TrashAssessment(ctx, id)
	} else {
		err = svc.Store.RestoreAssessment(ctx, id)
	}
	if err != nil {
		return fail(env, err)
	}
	if trash {
		fmt.Fprintf(env.Stdout, "penilaian %s (periode %d) dipindahkan ke Sampah; pulihkan dengan `spbe-mandiri assessment restore %s`\n", id, a.Periode, id)
	} else {
		fmt.Fprintf(env.Stdout, "penilaian %s (periode %d) dipulihkan dari Sampah\n", id, a.Periode)
	}
	return ExitOK
}
