package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/tabular"
)

func init() {
	register(command{
		name: "consolidate",
		summary: "asesor: konsolidasi instansi: consolidate show --periode P [--json|--csv|--xlsx BERKAS.xlsx|--pdf BERKAS] | set --periode P --indicator N --value V [--from-bundle ID] | " +
			"responsible --periode P --indicator N [--opd K1,K2] — assessor: the instansi's assessment",
		run: runConsolidate,
	})
}

const consolidateUsage = "pakai: spbe-mandiri consolidate show --periode P [--json | --csv | --xlsx BERKAS.xlsx [--force]]\n" +
	"       spbe-mandiri consolidate [show] --periode P --pdf BERKAS [--force] [--passphrase-file BERKAS]   (laporan PDF bertanda tangan kunci asesor)\n" +
	"       spbe-mandiri consolidate set --periode P --indicator N --value V [--from-bundle ID] [--note CATATAN] [--by NAMA]   (--value \"\" menghapus penetapan)\n" +
	"       spbe-mandiri consolidate responsible --periode P --indicator N [--opd KODE1,KODE2]   (tanpa --opd: semua OPD)"

func runConsolidate(env *Env, args []string) int {
	args, implicit := implicitShow(args)
	sub, rest, err := withData(args)
	if err != nil {
		return fail(env, err)
	}
	if _, ok := consolidateFlags[sub]; !ok {
		return fail(env, usagef("%s", consolidateUsage))
	}
	fs := newFlagSet(env, "consolidate "+sub)
	dataDir := fs.String("data", "", "folder data")
	periode := fs.Int("periode", 0, "periode (tahun)")
	indicator := fs.Int("indicator", 0, "nomor indikator")
	value := fs.String("value", "", "nilai instansi 1–5, desimal boleh")
	from := fs.String("from-bundle", "", "bundel OPD asal nilai (jejak)")
	note := fs.String("note", "", "catatan")
	by := fs.String("by", "", "nama asesor (bawaan: nama pengguna sistem)")
	opd := fs.String("opd", "", "kode OPD penanggung jawab, dipisah koma")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	asCSV := fs.Bool("csv", false, "keluaran CSV")
	pdfOut := fs.String("pdf", "", "tulis laporan konsolidasi PDF bertanda tangan ke BERKAS")
	force := fs.Bool("force", false, forceFlagText+" (dengan --pdf atau --xlsx)")
	xlsxOut := fs.String("xlsx", "", "tulis konsolidasi sebagai buku kerja Excel ke BERKAS.xlsx")
	passFile := fs.String("passphrase-file", "", "berkas berisi frasa sandi kunci asesor (\"-\" = masukan standar)")
	pos, err := parseArgs(fs, rest)
	if err == nil {
		err = foreignFlags(fs, sub, implicit)
	}
	if err != nil {
		return fail(env, err)
	}
	if !consolidateArgsOK(sub, pos, *periode, *indicator, *asJSON, *asCSV, *pdfOut, *xlsxOut, *passFile) {
		return fail(env, usagef("%s", consolidateUsage))
	}
	if err := hasAsesor(env); err != nil {
		return fail(env, err)
	}
	ctx := context.Background()
	switch sub {
	case "responsible":
		return runConsolidateResponsible(env, *dataDir, *periode, *indicator, *opd)
	case "set":
		return runConsolidateSet(env, *dataDir, assessment.SettleRequest{Periode: *periode, Indicator: *indicator, Value: *value,
			FromBundle: *from, Note: *note, SetBy: *by})
	}
	if *pdfOut != "" {
		return runConsolidatedPDF(env, *dataDir, assessment.ConsolidatedPDFRequest{Periode: *periode, Out: *pdfOut, Force: *force}, *passFile)
	}
	if *xlsxOut != "" {
		return runSheet(env, *dataDir, assessment.SheetRequest{View: assessment.SheetConsolidation, Periode: *periode, Out: *xlsxOut, Force: *force})
	}
	c, err := callAsesor(env, *dataDir, func(ws asesorport.Workspace) (assessment.ConsolidationView, error) {
		c, _, err := ws.Consolidation(ctx, *periode)
		return c, err
	})
	if err != nil {
		return fail(env, err)
	}
	return printConsolidation(env, c, *asJSON, *asCSV)
}

// implicitShow makes `consolidate --periode P …` mean
// `consolidate show --periode P …` (implicit true).
func implicitShow(args []string) (_ []string, implicit bool) {
	if a, _, err := splitGlobalData(args); err == nil && len(a) > 0 && strings.HasPrefix(a[0], "-") {
		return slices.Insert(slices.Clone(args), len(args)-len(a), "show"), true
	}
	return args, false
}

// consolidateArgsOK: no positional arguments, a periode, an indicator for
// set and responsible, at most one output format, a passphrase file only
// with --pdf.
func consolidateArgsOK(sub string, pos []string, periode, indicator int, asJSON, asCSV bool, pdfOut, xlsxOut, passFile string) bool {
	return len(pos) == 0 && periode != 0 && (sub == "show" || indicator >= 1) &&
		atMostOne(asJSON, asCSV, pdfOut != "", xlsxOut != "") && (passFile == "" || pdfOut != "")
}

// runConsolidateResponsible is `consolidate responsible`: the OPDs that
// answer an indicator (none listed: every OPD).
func runConsolidateResponsible(env *Env, dataDir string, periode, indicator int, opd string) int {
	var kodes []string
	for _, k := range strings.Split(opd, ",") {
		if k = strings.TrimSpace(k); k != "" {
			kodes = append(kodes, k)
		}
	}
	if err := doAsesor(env, dataDir, func(ws asesorport.Workspace) error {
		return ws.SetResponsible(context.Background(), periode, indicator, kodes)
	}); err != nil {
		return fail(env, err)
	}
	if len(kodes) == 0 {
		fmt.Fprintf(env.Stdout, "Indikator %d periode %d: dijawab semua OPD.\n", indicator, periode)
	} else {
		fmt.Fprintf(env.Stdout, "Indikator %d periode %d: dijawab oleh %s.\n", indicator, periode, strings.Join(kodes, ", "))
	}
	return ExitOK
}

// runConsolidateSet is `consolidate set`: settles (or, with an empty
// value, unsettles) the instansi's value of an indicator, under --by or
// else the operator's name.
func runConsolidateSet(env *Env, dataDir string, req assessment.SettleRequest) int {
	if err := doAsesor(env, dataDir, func(ws asesorport.Workspace) error {
		if req.SetBy == "" {
			req.SetBy = ws.Operator()
		}
		return ws.Settle(context.Background(), req)
	}); err != nil {
		return fail(env, err)
	}
	if req.Value == "" {
		fmt.Fprintf(env.Stdout, "Penetapan indikator %d dihapus: usulan bawaan berlaku lagi.\n", req.Indicator)
	} else {
		fmt.Fprintf(env.Stdout, "Nilai instansi indikator %d ditetapkan: %s.\n", req.Indicator, strings.Replace(req.Value, ".", ",", 1))
	}
	return ExitOK
}

// printConsolidation writes the consolidation as JSON, CSV or a table.
func printConsolidation(env *Env, c assessment.ConsolidationView, asJSON, asCSV bool) int {
	switch {
	case asJSON:
		if err := tabular.WriteConsolidationJSON(env.Stdout, c); err != nil {
			return fail(env, err)
		}
		return ExitOK
	case asCSV:
		if err := tabular.WriteConsolidationCSV(env.Stdout, c); err != nil {
			return fail(env, err)
		}
		return ExitOK
	}
	state := ""
	if !c.Score.Complete {
		state = " (sementara)"
	}
	fmt.Fprintf(env.Stdout, "Periode %d, katalog %s: indeks instansi %s %s%s — %d/%d indikator bernilai\n\n",
		c.Periode, c.CatalogID, recapIndex(tabular.Index(c.Score.Index)), c.Score.Predicate, state, c.Score.Answered, c.Score.Total)
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "IND\tNILAI\tSUMBER\tDARI OPD\tPENANGGUNG JAWAB")
	for _, r := range c.Rows {
		v := "–"
		if r.Value != "" {
			v = strings.Replace(r.Value, ".", ",", 1)
		}
		resp := "semua"
		if len(r.Responsible) > 0 {
			resp = strings.Join(r.Responsible, ", ")
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", r.Indicator, v, r.Source, r.FromOPD, resp)
	}
	if err := tw.Flush(); err != nil {
		return fail(env, err)
	}
	if len(c.ExcludedRevoked) > 0 {
		fmt.Fprintf(env.Stdout, "\nTidak dihitung (kunci OPD dicabut): %s — minta bundel baru yang ditandatangani kunci penggantinya.\n",
			strings.Join(c.ExcludedRevoked, ", "))
	}
	return ExitOK
}

// consolidateFlags are the flags each subcommand takes (besides --data).
var consolidateFlags = map[string][]string{
	"show":        {"periode", "json", "csv", "xlsx", "pdf", "force", "passphrase-file"},
	"set":         {"periode", "indicator", "value", "from-bundle", "note", "by"},
	"responsible": {"periode", "indicator", "opd"},
}

// foreignFlags refuses a flag given to a subcommand that does not take
// it. fs.Visit sees every flag set on the command line, also one set to
// its default (`--value ""`), so a forgotten `set` is never silently a
// `show`.
func foreignFlags(fs *flag.FlagSet, sub string, implicit bool) error {
	var bad []string
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "data" && !slices.Contains(consolidateFlags[sub], f.Name) {
			bad = append(bad, "--"+f.Name)
		}
	})
	if len(bad) == 0 {
		return nil
	}
	if implicit {
		return usagef("%s tidak berlaku untuk `consolidate show` (tanpa sub-perintah, consolidate berarti show); "+
			"untuk menetapkan nilai tulis `spbe-mandiri consolidate set …`, untuk penanggung jawab `consolidate responsible …`\n%s",
			strings.Join(bad, ", "), consolidateUsage)
	}
	return usagef("%s tidak berlaku untuk `consolidate %s`\n%s", strings.Join(bad, ", "), sub, consolidateUsage)
}
