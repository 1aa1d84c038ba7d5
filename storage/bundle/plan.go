package bundle

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

// plan builds answers.json, the evidence list, the content digest, the
// report and the signed manifest: everything but the evidence bytes.
func plan(in Input, priv ed25519.PrivateKey) (*planned, error) {
	if len(priv) != ed25519.PrivateKeySize {
		return nil, fail("", CheckInput, "kunci privat tidak valid")
	}
	s := in.Snapshot
	if err := checkProfileCode(s.Profile.OPDKode); err != nil {
		return nil, err
	}
	evidence, paths, err := evidenceFiles(s.Evidence)
	if err != nil {
		return nil, err
	}
	answers, err := marshalJSON(buildAnswers(s, paths))
	if err != nil {
		return nil, err
	}
	m := &Manifest{
		Format: Format, FormatVersion: FormatVersion, BundleID: in.BundleID,
		OPD: OPD{Kode: s.Profile.OPDKode, Nama: s.Profile.OPDNama}, Instansi: s.Profile.Instansi,
		Periode: s.Assessment.Periode, Sequence: in.Sequence, Supersedes: in.Supersedes,
		CreatedAt: in.CreatedAt.UTC().Format(time.RFC3339),
		Catalog:   CatalogRef{ID: s.Assessment.CatalogID, Version: s.Assessment.CatalogVersion, SHA256: s.Assessment.CatalogSHA256},
		App:       in.App, Signer: signerOf(priv),
	}
	m.Files = append([]File{{Path: EntryAnswers, Role: RoleAnswers, MediaType: MediaJSON,
		Size: int64(len(answers)), SHA256: sha256Hex(answers)}}, evidence...)
	sortFiles(m.Files)
	m.ContentDigest = ContentDigest(m)
	report, err := renderReport(in, m)
	if err != nil {
		return nil, err
	}
	return finish(m, priv, answers, report, evidence)
}

func renderReport(in Input, m *Manifest) ([]byte, error) {
	if in.Report == nil {
		return nil, fail(EntryReport, CheckInput, "tidak ada pembuat laporan PDF")
	}
	pdf, cert, err := in.Report(ReportInfo{
		BundleID: m.BundleID, OPDKode: m.OPD.Kode, OPDNama: m.OPD.Nama, Instansi: m.Instansi,
		Periode: m.Periode, Sequence: m.Sequence, ContentDigest: m.ContentDigest,
		KeyID: m.Signer.KeyID, Fingerprint: m.Signer.Fingerprint, CreatedAt: in.CreatedAt,
	})
	if err != nil {
		return nil, &Error{Entry: EntryReport, Check: CheckInput, Detail: "membuat laporan PDF: " + err.Error(), Err: err}
	}
	m.Report = Report{SHA256: sha256Hex(pdf), CertSHA256: cert}
	m.Files = append(m.Files, File{Path: EntryReport, Role: RoleReport, MediaType: MediaPDF,
		Size: int64(len(pdf)), SHA256: m.Report.SHA256})
	sortFiles(m.Files)
	return pdf, nil
}

// finish validates the manifest exactly as a verifier will, then signs it.
func finish(m *Manifest, priv ed25519.PrivateKey, answers, report []byte, evidence []File) (*planned, error) {
	if err := m.validate(); err != nil {
		var e *Error
		if !errors.As(err, &e) {
			return nil, err
		}
		e.Check, e.Entry = CheckInput, ""
		return nil, e
	}
	manifest, err := marshalJSON(m)
	if err != nil {
		return nil, err
	}
	sig, err := signManifest(priv, manifest)
	if err != nil {
		return nil, err
	}
	return &planned{
		manifest: manifest, signature: sig, answers: answers, report: report, evidence: evidence,
		result: Result{BundleID: m.BundleID, Sequence: m.Sequence, ManifestSHA256: sha256Hex(manifest),
			ContentDigest: m.ContentDigest, KeyID: m.Signer.KeyID, Fingerprint: m.Signer.Fingerprint,
			Files: len(m.Files)},
	}, nil
}

// evidenceFiles lists each distinct blob once, named after its first
// original name (evidence is sorted by indicator, then id), sorted by path.
func evidenceFiles(list []assessment.Evidence) ([]File, map[string]string, error) {
	paths := map[string]string{}
	var files []File
	for _, ev := range list {
		b := ev.Blob
		if _, seen := paths[b.SHA256]; seen {
			continue
		}
		if !hexSHA256.MatchString(b.SHA256) || b.Size < 0 {
			return nil, nil, fail("", CheckInput, "bukti %q: sha256/ukuran tidak valid", ev.OriginalName)
		}
		mt, _, _ := strings.Cut(strings.ToLower(b.MediaType), ";")
		mt = strings.TrimSpace(mt)
		if !mediaType.MatchString(mt) {
			mt = "application/octet-stream"
		}
		name := ev.OriginalName
		if !plainText(name, maxText) {
			name = SanitiseName(name)
		}
		f := File{Path: EvidencePath(b.SHA256, ev.OriginalName), Role: RoleEvidence, MediaType: mt,
			Size: b.Size, SHA256: b.SHA256, OriginalName: name}
		paths[b.SHA256] = f.Path
		files = append(files, f)
	}
	sortFiles(files)
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			return nil, nil, fail(files[i].Path, CheckInput, "dua bukti berbeda dengan nama entri sama")
		}
	}
	return files, paths, nil
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
