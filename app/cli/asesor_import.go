package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

func init() {
	register(command{
		name:    "import",
		summary: "asesor: impor bundel OPD: import PATH... [--json] — assessor: import bundles (files or folders)",
		run:     runImport,
	})
}

const importUsage = "pakai: spbe-mandiri import BUNDEL.spbe|FOLDER... [--json]"

func runImport(env *Env, args []string) int {
	fs := newFlagSet(env, "import")
	dataDir := fs.String("data", "", "folder data")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return fail(env, err)
	}
	if len(paths) == 0 {
		return fail(env, usagef("%s", importUsage))
	}
	if err := hasAsesor(env); err != nil {
		return fail(env, err)
	}
	lines, err := callAsesor(env, *dataDir, func(ws asesorport.Workspace) ([]intake.Outcome, error) {
		return ws.Import(context.Background(), paths, nil)
	})
	if *asJSON {
		if lines == nil {
			lines = []intake.Outcome{}
		}
		if code := writeJSON(env, map[string]any{"bundles": lines, "rejected": countRejected(lines)}); code != ExitOK {
			return code
		}
	} else {
		writeImportLines(env.Stdout, lines)
	}
	if err != nil {
		return fail(env, err)
	}
	if n := countRejected(lines); n > 0 {
		if !*asJSON {
			fmt.Fprintf(env.Stderr, "galat: %d bundel ditolak; lihat alasannya di atas\n", n)
		}
		return ExitError
	}
	return ExitOK
}

func countRejected(lines []intake.Outcome) int { return intake.Count(lines)[intake.KindRejected] }

// writeImportLines prints one line per bundle, then a summary.
func writeImportLines(w io.Writer, lines []intake.Outcome) {
	if len(lines) == 0 {
		fmt.Fprintln(w, "Tidak ada bundel (*.spbe) ditemukan.")
		return
	}
	tally := intake.Count(lines)
	for _, l := range lines {
		name := filepath.Base(l.Path)
		if l.Rejected() {
			fmt.Fprintf(w, "%-13s  %s: %s\n", "DITOLAK", name, l.Reason)
			continue
		}
		extra := ""
		switch {
		case l.Supersedes != "":
			extra = " — menggantikan " + l.Supersedes
		case l.ConflictWith != "":
			extra = " — BERBEDA dengan bundel yang diterima " + l.ConflictWith + "; keduanya disimpan"
		}
		if l.KeyStatus == assessment.KeyPending {
			extra += " (kunci belum diverifikasi: belum final)"
		}
		fmt.Fprintf(w, "%-13s  %s: %s %d, nomor urut %d%s\n", l.Kind, name, l.OPDKode, l.Periode, l.Sequence, extra)
		for _, warn := range l.Warnings {
			fmt.Fprintf(w, "%-13s    peringatan: %s\n", "", warn)
		}
	}
	fmt.Fprintf(w, "%d bundel: %d baru, %d versi baru, %d konflik, %d sudah diimpor, %d ditolak\n", len(lines),
		tally[intake.KindNew], tally[intake.KindNewVersion], tally[intake.KindConflict], tally[intake.KindDuplicate], tally[intake.KindRejected])
	writeStickKeys(w, lines)
}

// writeStickKeys lists the keys this import registered from the key files
// on the stick: pending until their fingerprints are compared with the
// OPDs' signed forms or by phone.
func writeStickKeys(w io.Writer, lines []intake.Outcome) {
	first := true
	for _, l := range lines {
		if l.KeyFromStick == "" {
			continue
		}
		if first {
			fmt.Fprintln(w, "\nKunci baru dari flashdisk, MENUNGGU VERIFIKASI (impor tidak pernah memverifikasi kunci):")
			first = false
		}
		fmt.Fprintf(w, "  %-12s sidik jari %s  (%s)\n", l.OPDKode, l.Fingerprint, l.KeyFromStick)
	}
	if !first {
		fmt.Fprintln(w, "Cocokkan setiap sidik jari dengan Formulir Pendaftaran Kunci atau lewat telepon, lalu `spbe-mandiri keys verify KEYID --by NAMA --how CARA`.")
	}
}
