package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
)

func init() {
	register(command{
		name:    "answer",
		summary: "jawab: answer --assessment ID --indicator N [--level L] [--justification T] [--evidence F [--evidence-level L] [--item KODE]…]… [--external-score S [--external-year Y]] — answer an indicator",
		run:     runAnswer,
	})
}

// maxJustification caps --justification-file; a justification is prose,
// a few pages at most.
const maxJustification = 1 << 20

// evidenceArg is one --evidence FILE with its optional --evidence-level.
type evidenceArg struct {
	path  string
	level int
}

// evidenceFlags collects repeated --evidence; --evidence-level and --item
// apply to the --evidence before it (items and levelSet by its index).
type evidenceFlags struct {
	list     []evidenceArg
	items    map[int][]string
	levelSet map[int]bool
}

type evidenceFileFlag struct{ *evidenceFlags }

func (f evidenceFileFlag) String() string { return "" }
func (f evidenceFileFlag) Set(v string) error {
	f.list = append(f.list, evidenceArg{path: v})
	return nil
}

type evidenceLevelFlag struct{ *evidenceFlags }

func (f evidenceLevelFlag) String() string { return "" }
func (f evidenceLevelFlag) Set(v string) error {
	if len(f.list) == 0 {
		return fmt.Errorf("--evidence-level harus setelah --evidence BERKAS")
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 5 {
		return fmt.Errorf("tingkat bukti %q harus 0–5 (0 = umum)", v)
	}
	f.list[len(f.list)-1].level = n
	if f.levelSet == nil {
		f.levelSet = map[int]bool{}
	}
	f.levelSet[len(f.list)-1] = true
	return nil
}

// optionalInt is an int flag that remembers whether it was given.
type optionalInt struct {
	set bool
	n   int
}

func (o *optionalInt) String() string { return strconv.Itoa(o.n) }
func (o *optionalInt) Set(v string) error {
	n, err := strconv.Atoi(v)
	if err != nil {
		return fmt.Errorf("%q bukan angka", v)
	}
	o.set, o.n = true, n
	return nil
}

type answerArgs struct {
	dataDir, id, operator string
	indicator             int
	level                 optionalInt
	just, justFile        string
	justSet               bool
	evidence              evidenceFlags
	external              externalArgs
	asJSON                bool
}

func parseAnswerArgs(env *Env, args []string) (*answerArgs, error) {
	a := &answerArgs{}
	fs := newFlagSet(env, "answer")
	fs.StringVar(&a.dataDir, "data", "", "folder data")
	fs.StringVar(&a.id, "assessment", "", "id penilaian")
	fs.IntVar(&a.indicator, "indicator", 0, "nomor indikator")
	fs.Var(&a.level, "level", "tingkat 1–5 (0 menghapus pilihan)")
	fs.StringVar(&a.just, "justification", "", "teks justifikasi")
	fs.StringVar(&a.justFile, "justification-file", "", "berkas teks justifikasi (UTF-8)")
	fs.Var(evidenceFileFlag{&a.evidence}, "evidence", "berkas bukti (boleh berulang)")
	fs.Var(evidenceLevelFlag{&a.evidence}, "evidence-level", "tingkat yang didukung --evidence sebelumnya (0 = umum)")
	fs.Var(evidenceItemFlag{&a.evidence}, "item", "butir bukti yang didukung --evidence sebelumnya, mis. I4-L1-02 (boleh berulang atau dipisah koma)")
	fs.StringVar(&a.external.score, "external-score", "", "skor indeks instansi lain (mis. Indeks SDI 25); \"\" mengosongkan")
	fs.IntVar(&a.external.year, "external-year", 0, "tahun terbit skor --external-score")
	fs.BoolVar(&a.external.clear, "clear-external", false, "kosongkan skor indeks instansi lain")
	fs.StringVar(&a.operator, "operator", "", "nama operator (bawaan: dari profil)")
	fs.BoolVar(&a.asJSON, "json", false, "keluaran JSON")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return nil, err
	}
	fs.Visit(func(f *flag.Flag) {
		a.justSet = a.justSet || f.Name == "justification"
		a.external.scoreSet = a.external.scoreSet || f.Name == "external-score"
		a.external.yearSet = a.external.yearSet || f.Name == "external-year"
	})
	if len(rest) > 0 {
		return nil, usagef(answerUsage)
	}
	if err := a.check(); err != nil {
		return nil, err
	}
	return a, nil
}

const answerUsage = "pakai: spbe-mandiri answer --assessment ID --indicator N [--level L] [--justification TEKS | --justification-file F] [--evidence BERKAS [--evidence-level L] [--item KODE]…]… [--external-score SKOR [--external-year TAHUN] | --clear-external]"

// check refuses a command line that is incomplete or contradicts itself.
func (a *answerArgs) check() error {
	switch {
	case a.id == "" || a.indicator < 1:
		return usagef(answerUsage)
	case a.justSet && a.justFile != "":
		return usagef("pakai --justification atau --justification-file, tidak keduanya")
	case a.external.clear && a.external.scoreSet:
		return usagef("pakai --external-score atau --clear-external, tidak keduanya")
	case a.external.yearSet && (!a.external.scoreSet || a.external.externalScore() == nil):
		return usagef("--external-year hanya bersama --external-score SKOR")
	case !a.level.set && !a.justSet && a.justFile == "" && len(a.evidence.list) == 0 && !a.external.given():
		return usagef("tidak ada yang diubah: beri --level, --justification, --evidence atau --external-score")
	}
	return nil
}

// answerResult is the JSON of `answer`: what was saved.
type answerResult struct {
	Assessment string                `json:"assessment"`
	Answer     *assessment.Answer    `json:"answer"`
	Evidence   []assessment.Evidence `json:"evidence_added"`
}

// runAnswer applies the level, then the justification, then each evidence
// file; each is its own durable transaction, so exit code 0 means all of
// them are on disk, and a failure reports what was already saved.
func runAnswer(env *Env, args []string) int {
	a, err := parseAnswerArgs(env, args)
	if err != nil {
		return fail(env, err)
	}
	just, err := a.justification()
	if err != nil {
		return fail(env, err)
	}
	svc, err := openData(env, a.dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	ctx := context.Background()
	op, err := operatorFor(ctx, svc.Store, a.operator)
	if err != nil {
		return fail(env, err)
	}
	cat, err := a.catalogChecks(ctx, svc)
	if err != nil {
		return fail(env, err)
	}
	res, err := a.apply(ctx, env, svc.Store, cat, op, just)
	if err != nil {
		return fail(env, err)
	}
	if a.asJSON {
		return writeJSON(env, res)
	}
	return ExitOK
}

func (a *answerArgs) justification() (*string, error) {
	switch {
	case a.justSet:
		return &a.just, nil
	case a.justFile == "":
		return nil, nil
	}
	f, err := infile.Open(a.justFile)
	if err != nil {
		return nil, fmt.Errorf("berkas justifikasi tidak dapat dibuka: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxJustification+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("berkas justifikasi tidak dapat dibaca: %w", err)
	case len(b) > maxJustification:
		return nil, fmt.Errorf("berkas justifikasi terlalu besar (maksimum %d KB)", maxJustification>>10)
	case !utf8.Valid(b):
		return nil, fmt.Errorf("berkas justifikasi %s bukan teks UTF-8; simpan ulang sebagai UTF-8", a.justFile)
	}
	s := string(b)
	return &s, nil
}

func (a *answerArgs) apply(ctx context.Context, env *Env, s assessment.Store, cat *assessment.Catalog, op string, just *string) (answerResult, error) {
	res := answerResult{Assessment: a.id, Evidence: []assessment.Evidence{}}
	say := func(format string, v ...any) {
		if !a.asJSON {
			fmt.Fprintf(env.Stdout, format+"\n", v...)
		}
	}
	if a.level.set {
		if err := s.SetLevel(ctx, a.id, a.indicator, a.level.n, op); err != nil {
			return res, err
		}
		say("tersimpan: indikator %d tingkat %d", a.indicator, a.level.n)
	}
	if just != nil {
		if err := s.SetJustification(ctx, a.id, a.indicator, *just, op); err != nil {
			return res, fmt.Errorf("%w (perubahan sebelumnya sudah tersimpan)", err)
		}
		say("tersimpan: justifikasi indikator %d", a.indicator)
	}
	for i, ev := range a.evidence.list {
		e, err := addEvidenceFile(ctx, s, a.id, a.indicator, ev, op)
		if err != nil {
			return res, err
		}
		if err := applyItems(ctx, s, cat, &e, a.evidence.items[i], op); err != nil {
			return res, err
		}
		res.Evidence = append(res.Evidence, e)
		say("tersimpan: bukti #%d %s (sha256 %s…, %s)%s", e.ID, e.OriginalName, e.Blob.ShortHash(), levelLabel(e.Level),
			itemsSaid(fileItems(cat, a.indicator, e)))
	}
	if err := a.applyExternal(ctx, s, cat, op, say); err != nil {
		return res, err
	}
	return res, a.loadAnswer(ctx, s, &res)
}

func (a *answerArgs) loadAnswer(ctx context.Context, s assessment.Store, res *answerResult) error {
	answers, err := s.Answers(ctx, a.id)
	for i := range answers {
		if answers[i].Indicator == a.indicator {
			res.Answer = &answers[i]
		}
	}
	return err
}

func addEvidenceFile(ctx context.Context, s assessment.Store, id string, indicator int, ev evidenceArg, op string) (assessment.Evidence, error) {
	f, err := infile.Open(ev.path)
	if err != nil {
		return assessment.Evidence{}, fmt.Errorf("berkas bukti %s tidak dapat dibuka: %w", ev.path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return assessment.Evidence{}, fmt.Errorf("%s bukan berkas biasa; pilih berkas, bukan folder", ev.path)
	}
	return s.AddEvidence(ctx, id, indicator, assessment.EvidenceInput{
		Name: ev.path, Reader: f, Level: ev.level, Operator: op,
	})
}
