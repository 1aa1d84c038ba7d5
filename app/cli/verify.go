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

// VerifyReport summarises a bundle that passed (or the reason it failed).
type VerifyReport struct {
	Valid          bool         `json:"valid"`
	SignerKnown    bool         `json:"signer_known"`
	BundleID       string       `json:"bundle_id,omitempty"`
	OPDKode        string       `json:"opd_kode,omitempty"`
	OPDNama        string       `json:"opd_nama,omitempty"`
	Instansi       string       `json:"instansi,omitempty"`
	Periode        int          `json:"periode,omitempty"`
	Sequence       uint64       `json:"sequence,omitempty"`
	Supersedes     string       `json:"supersedes,omitempty"`
	CreatedAt      string       `json:"created_at,omitempty"`
	Catalog        string       `json:"catalog,omitempty"` // "id versi"
	KeyID          string       `json:"keyid,omitempty"`
	Fingerprint    string       `json:"fingerprint,omitempty"`
	ManifestSHA256 string       `json:"manifest_sha256,omitempty"`
	ContentDigest  string       `json:"content_digest,omitempty"`
	Files          []VerifyFile `json:"files,omitempty"`
	Index          string       `json:"index,omitempty"`
	Predicate      string       `json:"predicate,omitempty"`
	Complete       bool         `json:"complete"`
	Answered       int          `json:"answered"`
	Total          int          `json:"total"`
}

// VerifyFile is one file in the bundle.
type VerifyFile struct {
	Path         string `json:"path"`
	Role         string `json:"role"`
	Size         int64  `json:"size"`
	OriginalName string `json:"original_name,omitempty"`
}

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
	deps, err := exportDeps(env)
	if err != nil {
		return fail(env, err)
	}
	rep, err := deps.Verify(context.Background(), rest[0], *pub)
	if *asJSON {
		var v any = rep
		if err != nil {
			v = struct {
				Valid   bool           `json:"valid"`
				Problem *VerifyProblem `json:"problem"`
			}{false, problemOf(err)}
		}
		if code := writeJSON(env, v); code != ExitOK {
			return code
		}
	} else if err == nil {
		WriteVerifyReport(env.Stdout, rest[0], rep)
	}
	if err != nil {
		if !*asJSON {
			fmt.Fprintf(env.Stderr, "BUNDEL TIDAK SAH: %s\n", rest[0])
		}
		return fail(env, err)
	}
	return ExitOK
}

// WriteVerifyReport writes the human-readable summary of a valid bundle
// (also used by the GUI's verify hook).
func WriteVerifyReport(w io.Writer, path string, r VerifyReport) {
	if r.SignerKnown {
		fmt.Fprintf(w, "BUNDEL SAH: %s\n", path)
	} else {
		fmt.Fprintf(w, "BUNDEL UTUH, PENANDA TANGAN TIDAK DIKENAL: %s\n", path)
	}
	fmt.Fprintf(w, "  OPD          : %s — %s (%s)\n", r.OPDKode, r.OPDNama, r.Instansi)
	fmt.Fprintf(w, "  Periode      : %d\n", r.Periode)
	fmt.Fprintf(w, "  Nomor urut   : %d\n", r.Sequence)
	fmt.Fprintf(w, "  Bundle ID    : %s\n", r.BundleID)
	if r.Supersedes != "" {
		fmt.Fprintf(w, "  Menggantikan : %s\n", r.Supersedes)
	}
	fmt.Fprintf(w, "  Katalog      : %s\n", r.Catalog)
	fmt.Fprintf(w, "  Dibuat       : %s (jam perangkat OPD, hanya informasi)\n", r.CreatedAt)
	fmt.Fprintf(w, "  Key ID       : %s\n", r.KeyID)
	fmt.Fprintf(w, "  Sidik jari   : %s\n", r.Fingerprint)
	if r.SignerKnown {
		fmt.Fprintln(w, "  Penanda tangan: COCOK dengan kunci publik yang diberikan")
	} else {
		fmt.Fprintln(w, "  Penanda tangan: TIDAK DIKENAL — tanda tangan tidak diperiksa; cocokkan sidik jari di atas dengan")
		fmt.Fprintln(w, "                  formulir pendaftaran kunci OPD, lalu periksa lagi dengan --pubkey BERKAS")
	}
	fmt.Fprintf(w, "  Digest isi   : %s\n", groupDigest(r.ContentDigest))
	idx := "–"
	if x, ok := new(big.Rat).SetString(r.Index); ok {
		idx = assessment.FormatDecimal(x)
	}
	status := "final"
	if !r.Complete {
		status = "sementara"
	}
	fmt.Fprintf(w, "  Indeks       : %s %s (%s; %d dari %d indikator dijawab)\n", idx, r.Predicate, status, r.Answered, r.Total)
	fmt.Fprintf(w, "  Berkas (%d):\n", len(r.Files))
	for _, f := range r.Files {
		name := ""
		if f.OriginalName != "" {
			name = "  ← " + f.OriginalName
		}
		fmt.Fprintf(w, "    %-9s %12d  %s%s\n", f.Role, f.Size, f.Path, name)
	}
}
