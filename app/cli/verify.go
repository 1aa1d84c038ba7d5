package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func init() {
	register(command{
		name:    "verify",
		summary: "periksa bundel: verify BUNDEL.spbe [--pubkey BERKAS] [--json] — verify a signed bundle",
		run:     runVerify,
	})
}

// Verify statuses in --json: valid only when the signature was checked
// against a public key the user gave; signer_unchecked when the bundle is
// intact but nobody checked who signed it (exit code ExitUnchecked).
const (
	VerifyValid           = "valid"
	VerifySignerUnchecked = "signer_unchecked"
	VerifyInvalid         = "invalid"
)

// VerifyProblem is why a bundle was rejected (in --json output): the entry, the check and
// the message.
type VerifyProblem struct {
	Entry   string `json:"entry,omitempty"`
	Check   string `json:"check,omitempty"`
	Message string `json:"message"`
}

// checkError is implemented by the bundle package's typed error.
type checkError interface {
	EntryName() string
	CheckName() string
}

func problemOf(err error) *VerifyProblem {
	p := &VerifyProblem{Message: err.Error()}
	var ce checkError
	if errors.As(err, &ce) {
		p.Entry, p.Check = ce.EntryName(), ce.CheckName()
	}
	return p
}

func runVerify(env *Env, args []string) int {
	fs := newFlagSet(env, "verify")
	fs.String("data", "", "folder data (tidak dipakai)")
	pub := fs.String("pubkey", "", "berkas kunci publik OPD (dari `spbe-mandiri key export-public`)")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	rest, err := parseArgs(fs, args)
	if err != nil || len(rest) != 1 {
		return fail(env, usagef("pakai: spbe-mandiri verify BUNDEL.spbe [--pubkey BERKAS] [--json]"))
	}
	if env.Verifier == nil {
		return fail(env, errNoKeys)
	}
	rep, err := env.Verifier.Verify(context.Background(), rest[0], *pub)
	settle(&rep, err == nil)
	if *asJSON {
		var v any = rep
		if err != nil {
			v = struct {
				Status  string         `json:"status"`
				Valid   bool           `json:"valid"`
				Problem *VerifyProblem `json:"problem"`
			}{VerifyInvalid, false, problemOf(err)}
		}
		if code := writeJSON(env, v); code != ExitOK {
			return code
		}
	} else if err == nil {
		WriteVerifyReport(env.Stdout, rest[0], rep)
	}
	switch {
	case err != nil:
		if !*asJSON {
			fmt.Fprintf(env.Stderr, "BUNDEL TIDAK SAH: %s\n", assessment.InertLine(rest[0]))
		}
		return fail(env, err)
	case !rep.SignerKnown:
		return ExitUnchecked
	}
	return ExitOK
}

// settle derives the verdict from intact and SignerKnown alone, whatever
// the caller filled in: an intact bundle whose signature no given key
// checked is never "valid".
func settle(r *assessment.VerifyReport, intact bool) {
	r.IntegrityOK = intact
	r.Valid = r.IntegrityOK && r.SignerKnown
	switch {
	case r.Valid:
		r.Status = VerifyValid
	case r.IntegrityOK:
		r.Status = VerifySignerUnchecked
	default:
		r.Status = VerifyInvalid
	}
}

// WriteVerifyReport writes the human-readable summary of an intact bundle
// (also used by the GUI's verify hook). Without a checked signer it says
// so first and labels key id and fingerprint as what the bundle claims:
// anyone can write any fingerprint into a bundle.
func WriteVerifyReport(w io.Writer, path string, r assessment.VerifyReport) {
	path = assessment.InertLine(path)
	if r.SignerKnown {
		fmt.Fprintf(w, "BUNDEL SAH: %s\n", path)
	} else {
		fmt.Fprintf(w, "INTEGRITAS UTUH, PENANDA TANGAN TIDAK DIPERIKSA: %s\n", path)
	}
	fmt.Fprintf(w, "  OPD          : %s — %s (%s)\n", assessment.InertLine(r.OPDKode), assessment.InertLine(r.OPDNama), assessment.InertLine(r.Instansi))
	fmt.Fprintf(w, "  Periode      : %d\n", r.Periode)
	fmt.Fprintf(w, "  Nomor urut   : %d\n", r.Sequence)
	fmt.Fprintf(w, "  Bundle ID    : %s\n", r.BundleID)
	if r.Supersedes != "" {
		fmt.Fprintf(w, "  Menggantikan : %s\n", r.Supersedes)
	}
	fmt.Fprintf(w, "  Katalog      : %s\n", assessment.InertLine(r.Catalog))
	fmt.Fprintf(w, "  Dibuat       : %s (jam perangkat OPD, hanya informasi)\n", r.CreatedAt)
	writeVerifySigner(w, r)
	fmt.Fprintf(w, "  Digest isi   : %s\n", groupDigest(r.ContentDigest))
	idx := "–"
	if x, ok := new(big.Rat).SetString(r.Index); ok {
		idx = assessment.FormatDecimal(x)
	}
	status := "final"
	if !r.Complete {
		status = "sementara"
	}
	fmt.Fprintf(w, "  Indeks       : %s %s (%s; %d dari %d indikator dijawab)\n", idx, assessment.InertLine(r.Predicate), status, r.Answered, r.Total)
	fmt.Fprintf(w, "  Berkas (%d):\n", len(r.Files))
	for _, f := range r.Files {
		name := ""
		if f.OriginalName != "" {
			name = "  ← " + assessment.InertLine(f.OriginalName)
		}
		fmt.Fprintf(w, "    %-9s %12d  %s%s\n", f.Role, f.Size, assessment.InertLine(f.Path), name)
	}
}

func writeVerifySigner(w io.Writer, r assessment.VerifyReport) {
	if r.SignerKnown {
		fmt.Fprintf(w, "  Key ID       : %s\n", r.KeyID)
		fmt.Fprintf(w, "  Sidik jari   : %s\n", r.Fingerprint)
		signer := r.SignerIs
		if signer == "" {
			signer = "kunci publik yang diberikan"
		}
		fmt.Fprintln(w, "  Penanda tangan: COCOK dengan "+signer)
		return
	}
	fmt.Fprintf(w, "  Key ID yang DIKLAIM bundel, belum diperiksa    : %s\n", assessment.InertLine(r.KeyID))
	fmt.Fprintf(w, "  Sidik jari yang DIKLAIM bundel, belum diperiksa: %s\n", assessment.InertLine(r.Fingerprint))
	fmt.Fprintln(w, "  Penanda tangan: TIDAK DIPERIKSA — siapa pun dapat menulis sidik jari apa pun ke dalam bundel;")
	if r.UncheckedAdvice != "" {
		fmt.Fprintln(w, "                  "+r.UncheckedAdvice)
		return
	}
	fmt.Fprintln(w, "                  periksa lagi dengan --pubkey BERKAS (kunci publik OPD yang sidik jarinya sudah")
	fmt.Fprintln(w, "                  dicocokkan dengan formulir pendaftaran kunci) atau impor ke ruang kerja asesor")
}
