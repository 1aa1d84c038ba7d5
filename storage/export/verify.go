package export

import (
	"context"
	"crypto/ed25519"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// Verify checks the bundle file at path (`verify`); pubkeyFile "" leaves
// the signer unknown. A non-nil error means the bundle is invalid or
// unreadable.
func Verify(_ context.Context, path, pubkeyFile string) (assessment.VerifyReport, error) {
	var key ed25519.PublicKey
	if pubkeyFile != "" {
		id, err := keys.ReadPublic(pubkeyFile)
		if err != nil {
			return assessment.VerifyReport{}, err
		}
		key = id.PublicKey
	}
	v, f, err := VerifyWith(path, key) // infile refuses what is not a regular file
	if err != nil {
		return assessment.VerifyReport{}, err
	}
	f.Close()
	return Report(v), nil
}

// Report is the verified bundle as `verify` and the GUI show it.
func Report(v *bundle.Verified) assessment.VerifyReport {
	m, s := v.Manifest, v.Answers.Score
	r := assessment.VerifyReport{
		Valid: true, SignerKnown: v.SignerKnown, BundleID: m.BundleID, OPDKode: m.OPD.Kode, OPDNama: m.OPD.Nama,
		Instansi: m.Instansi, Periode: m.Periode, Sequence: m.Sequence, CreatedAt: m.CreatedAt,
		Catalog: m.Catalog.ID + " versi " + m.Catalog.Version, KeyID: m.Signer.KeyID, Fingerprint: m.Signer.Fingerprint,
		ManifestSHA256: v.ManifestSHA256, ContentDigest: m.ContentDigest,
		Index: s.Index, Predicate: s.Predicate, Complete: s.Complete, Answered: s.Answered, Total: s.Total,
	}
	if m.Supersedes != nil {
		r.Supersedes = m.Supersedes.BundleID
	}
	for _, f := range m.Files {
		r.Files = append(r.Files, assessment.VerifyFile{Path: f.Path, Role: f.Role, Size: f.Size, OriginalName: f.OriginalName})
	}
	return r
}

// Verifier is assessment.BundleVerifier (cli.Env.Verifier): Verify.
type Verifier struct{}

var _ assessment.BundleVerifier = Verifier{}

// Verify is the package's Verify.
func (Verifier) Verify(ctx context.Context, path, pubkeyFile string) (assessment.VerifyReport, error) {
	return Verify(ctx, path, pubkeyFile)
}
