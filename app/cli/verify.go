package cli

import (
	"context"
	"errors"
	"fmt"

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
		assessment.WriteVerifyReport(env.Stdout, rest[0], rep)
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
