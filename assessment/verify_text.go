package assessment

import (
	"fmt"
	"io"
	"math/big"
	"strings"
)

// WriteVerifyReport writes the human-readable summary of an intact bundle
// (`verify` and the GUI's check of its own bundle). Without a checked signer it says
// so first and labels key id and fingerprint as what the bundle claims:
// anyone can write any fingerprint into a bundle.
func WriteVerifyReport(w io.Writer, path string, r VerifyReport) {
	path = InertLine(path)
	if r.SignerKnown {
		fmt.Fprintf(w, "BUNDEL SAH: %s\n", path)
	} else {
		fmt.Fprintf(w, "INTEGRITAS UTUH, PENANDA TANGAN TIDAK DIPERIKSA: %s\n", path)
	}
	fmt.Fprintf(w, "  OPD          : %s — %s (%s)\n", InertLine(r.OPDKode), InertLine(r.OPDNama), InertLine(r.Instansi))
	fmt.Fprintf(w, "  Periode      : %d\n", r.Periode)
	fmt.Fprintf(w, "  Nomor urut   : %d\n", r.Sequence)
	fmt.Fprintf(w, "  Bundle ID    : %s\n", r.BundleID)
	if r.Supersedes != "" {
		fmt.Fprintf(w, "  Menggantikan : %s\n", r.Supersedes)
	}
	fmt.Fprintf(w, "  Katalog      : %s\n", InertLine(r.Catalog))
	fmt.Fprintf(w, "  Dibuat       : %s (jam perangkat OPD, hanya informasi)\n", r.CreatedAt)
	writeVerifySigner(w, r)
	fmt.Fprintf(w, "  Digest isi   : %s\n", GroupDigest(r.ContentDigest))
	idx := "–"
	if x, ok := new(big.Rat).SetString(r.Index); ok {
		idx = FormatDecimal(x)
	}
	status := "final"
	if !r.Complete {
		status = "sementara"
	}
	fmt.Fprintf(w, "  Indeks       : %s %s (%s; %d dari %d indikator dijawab)\n", idx, InertLine(r.Predicate), status, r.Answered, r.Total)
	fmt.Fprintf(w, "  Berkas (%d):\n", len(r.Files))
	for _, f := range r.Files {
		name := ""
		if f.OriginalName != "" {
			name = "  ← " + InertLine(f.OriginalName)
		}
		fmt.Fprintf(w, "    %-9s %12d  %s%s\n", f.Role, f.Size, InertLine(f.Path), name)
	}
}

func writeVerifySigner(w io.Writer, r VerifyReport) {
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
	fmt.Fprintf(w, "  Key ID yang DIKLAIM bundel, belum diperiksa    : %s\n", InertLine(r.KeyID))
	fmt.Fprintf(w, "  Sidik jari yang DIKLAIM bundel, belum diperiksa: %s\n", InertLine(r.Fingerprint))
	fmt.Fprintln(w, "  Penanda tangan: TIDAK DIPERIKSA — siapa pun dapat menulis sidik jari apa pun ke dalam bundel;")
	if r.UncheckedAdvice != "" {
		fmt.Fprintln(w, "                  "+r.UncheckedAdvice)
		return
	}
	fmt.Fprintln(w, "                  periksa lagi dengan --pubkey BERKAS (kunci publik OPD yang sidik jarinya sudah")
	fmt.Fprintln(w, "                  dicocokkan dengan formulir pendaftaran kunci) atau impor ke ruang kerja asesor")
}

// GroupDigest writes a hex digest in groups of 8 for reading aloud.
func GroupDigest(d string) string {
	var parts []string
	for len(d) > 8 {
		parts = append(parts, d[:8])
		d = d[8:]
	}
	return strings.Join(append(parts, d), " ")
}
