package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
)

func init() {
	register(command{
		name:    "papercheck",
		summary: "asesor: periksa laporan cetak dari teks QR: papercheck TEKS [--json] — assessor: check a printed report",
		run:     runPaperCheck,
	})
}

// PaperCheck is the outcome of `papercheck` as its --json prints it
// (assessment.PaperCheckResult flattened; the keys are the CLI's contract).
type PaperCheck struct {
	Text       string   `json:"text"`
	OPDKode    string   `json:"opd_kode"` // as printed
	Periode    int      `json:"periode"`
	Sequence   uint64   `json:"sequence"`
	Found      bool     `json:"found"`   // a bundle with the printed content digest is stored
	Matches    bool     `json:"matches"` // found, and code, periode, sequence and fingerprint agree
	Mismatches []string `json:"mismatches,omitempty"`
	BundleID   string   `json:"bundle_id,omitempty"`
	Status     string   `json:"status,omitempty"` // of the bundle: accepted | superseded | conflict
	KeyStatus  string   `json:"key_status,omitempty"`
	// NewerBundleID/NewerSequence: a later accepted version of the same OPD and periode.
	NewerBundleID string `json:"newer_bundle_id,omitempty"`
	NewerSequence uint64 `json:"newer_sequence,omitempty"`
}

func runPaperCheck(env *Env, args []string) int {
	fs := newFlagSet(env, "papercheck")
	dataDir := fs.String("data", "", "folder data")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	pos, err := parseArgs(fs, args)
	if err != nil || len(pos) != 1 {
		return fail(env, usagef("pakai: spbe-mandiri papercheck \"SPBE1:KODE:PERIODE:NOMOR:DIGEST:SIDIKJARI\" [--json]"))
	}
	if err := hasAsesor(env); err != nil {
		return fail(env, err)
	}
	r, err := callAsesor(env, *dataDir, func(ws asesorport.Workspace) (assessment.PaperCheckResult, error) {
		return ws.PaperCheck(context.Background(), pos[0])
	})
	if err != nil {
		return fail(env, err)
	}
	res := paperCheckView(pos[0], r)
	if *asJSON {
		writeJSON(env, res)
	} else {
		w := env.Stdout
		switch {
		case res.Matches:
			fmt.Fprintf(w, "COCOK: laporan ini dicetak dari bundel %s (%s periode %d, nomor urut %d, %s).\n",
				res.BundleID, res.OPDKode, res.Periode, res.Sequence, bundleStatusLabel(res.Status))
			if res.KeyStatus != "verified" {
				fmt.Fprintf(w, "Perhatian: kunci penanda tangan %s.\n", keyStatusLabel(res.KeyStatus))
			}
		case res.Found:
			fmt.Fprintf(w, "TIDAK COCOK: isi sesuai bundel %s, tetapi berbeda pada: %s.\n", res.BundleID, strings.Join(res.Mismatches, "; "))
		case res.BundleID != "":
			fmt.Fprintf(w, "TIDAK COCOK: bundel %s periode %d nomor urut %d ada (%s), tetapi isinya lain dari yang tercetak: laporan diubah atau bukan dari bundel ini.\n",
				res.OPDKode, res.Periode, res.Sequence, res.BundleID)
		default:
			fmt.Fprintf(w, "TIDAK DITEMUKAN: tidak ada bundel dengan isi ini di ruang kerja (%s periode %d nomor urut %d). Impor bundelnya, atau laporan ini tidak sah.\n",
				res.OPDKode, res.Periode, res.Sequence)
		}
		if res.NewerBundleID != "" {
			fmt.Fprintf(w, "Ada versi lebih baru yang diterima: nomor urut %d (bundel %s).\n", res.NewerSequence, res.NewerBundleID)
		}
	}
	if !res.Matches {
		return ExitError
	}
	return ExitOK
}

func paperCheckView(text string, r assessment.PaperCheckResult) PaperCheck {
	out := PaperCheck{Text: text, OPDKode: r.OPDKode, Periode: r.Periode, Sequence: r.Sequence,
		Found: r.Found, Matches: r.Matches, Mismatches: r.Mismatches, BundleID: r.Bundle.BundleID, Status: r.Bundle.Status,
		KeyStatus: string(r.Bundle.KeyStatus)}
	if r.Newer != nil {
		out.NewerBundleID, out.NewerSequence = r.Newer.BundleID, r.Newer.Sequence
	}
	return out
}

func bundleStatusLabel(s string) string {
	switch s {
	case "accepted":
		return "diterima"
	case "superseded":
		return "sudah digantikan"
	case "conflict":
		return "konflik"
	}
	return s
}
