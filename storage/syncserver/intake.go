package syncserver

import (
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
)

// intakeBundle is what the shared import decision (intake.Decide) needs
// of a verified bundle. Before the parts arrive (announce) answers.json is
// not read yet: the answer count and claimed score are then zero, which
// Storable accepts, and Complete decides again with them.
func intakeBundle(v *bundle.Verified, withAnswers bool) intake.Bundle {
	m := v.Manifest
	b := intake.Bundle{BundleID: m.BundleID, ManifestSHA256: v.ManifestSHA256, OPDKode: m.OPD.Kode, Periode: m.Periode,
		Sequence: m.Sequence, KeyID: m.Signer.KeyID, Fingerprint: m.Signer.Fingerprint, CreatedAt: m.CreatedAt}
	if m.Supersedes != nil {
		b.Supersedes = &intake.Ref{BundleID: m.Supersedes.BundleID, ManifestSHA256: m.Supersedes.ManifestSHA256}
	}
	if withAnswers {
		s := v.Answers.Score
		b.Answers = len(v.Answers.Answers)
		b.Score = intake.ScoreClaim{Index: s.Index, Answered: s.Answered, Total: s.Total}
	}
	return b
}
