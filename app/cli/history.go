package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func init() {
	register(command{
		name:    "history",
		summary: "riwayat jawaban: history --assessment ID --indicator N [--json] — change history",
		run:     runHistory,
	})
}

func runHistory(env *Env, args []string) int {
	fs := newFlagSet(env, "history")
	dataDir := fs.String("data", "", "folder data")
	id := fs.String("assessment", "", "id penilaian")
	indicator := fs.Int("indicator", 0, "nomor indikator")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	rest, err := parseArgs(fs, args)
	if err != nil || len(rest) > 0 || *id == "" || *indicator < 1 {
		return fail(env, usagef("pakai: spbe-mandiri history --assessment ID --indicator N [--json]"))
	}
	svc, err := openData(env, *dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	changes, err := svc.Store.History(context.Background(), *id, *indicator)
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		return writeJSON(env, nonNil(changes))
	}
	if len(changes) == 0 {
		fmt.Fprintf(env.Stdout, "indikator %d belum pernah diubah\n", *indicator)
	}
	for _, c := range changes {
		printChange(env.Stdout, c)
	}
	return ExitOK
}

var fieldLabels = map[string]string{
	assessment.FieldLevel:         "tingkat",
	assessment.FieldJustification: "justifikasi",
	assessment.FieldEvidence:      "bukti",
	assessment.FieldExternal:      "skor eksternal",
}

// printChange writes one history entry; long texts go on their own lines
// so an earlier justification can be read (and copied back) in full.
func printChange(w io.Writer, c assessment.Change) {
	head := fmt.Sprintf("#%d  %s  %s  %s", c.ID, c.At.Local().Format("2006-01-02 15:04:05"), c.Operator, fieldLabels[c.Field])
	switch {
	case c.Field == assessment.FieldLevel:
		fmt.Fprintf(w, "%s: %s → %s\n", head, levelText(c.Old), levelText(c.New))
	case c.Field == assessment.FieldEvidence && c.Old == "":
		fmt.Fprintf(w, "%s ditambahkan: %s\n", head, c.New)
	case c.Field == assessment.FieldEvidence && c.New == "":
		fmt.Fprintf(w, "%s dilepas: %s\n", head, c.Old)
	default:
		fmt.Fprintf(w, "%s:\n    lama: %s\n    baru: %s\n", head, quoteText(c.Old), quoteText(c.New))
	}
}

func levelText(s string) string {
	if s == "0" || s == "" {
		return "(belum dipilih)"
	}
	return s
}

func quoteText(s string) string {
	if s == "" {
		return "(kosong)"
	}
	return s
}
