package export

import (
	"crypto/ed25519"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// OwnVerifyReport is the GUI's Periksa bundel: the report of the bundle at
// path, checked against this installation's own key own (nil: none yet),
// saying whose key signed it and, when it was not this OPD's, how the
// assessor checks it.
func OwnVerifyReport(path string, own ed25519.PublicKey) (assessment.VerifyReport, error) {
	v, f, err := VerifyOwn(path, own)
	if err != nil {
		return assessment.VerifyReport{}, err
	}
	f.Close()
	rep := Report(v)
	if rep.SignerKnown {
		rep.SignerIs = "kunci penanda tangan OPD ini (instalasi ini)"
	} else {
		rep.UncheckedAdvice = "bundel ini tidak ditandatangani kunci OPD ini; asesor memeriksanya dengan kunci OPD " +
			"pengirim yang terdaftar di ruang kerja asesor"
	}
	return rep, nil
}
