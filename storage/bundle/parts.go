package bundle

import (
	"bufio"
	"context"
	"io"
)

// VerifyManifest runs steps 3–5 of docs/bundle-format.md on the signed pair
// alone — the signature over the raw manifest bytes, then the strict
// manifest — without the ZIP around them. The collection server calls it on
// the few kilobytes a client announces before any evidence is sent; with
// VerifyParts afterwards, a bundle sent in parts gets the same checks, in
// the same order and with the same check names, as Verify gives the file.
func VerifyManifest(sig, manifest []byte, opt Options) (*Verified, error) {
	lim := DefaultLimits
	if opt.Limits != nil {
		lim = *opt.Limits
	}
	if int64(len(sig)) > lim.MaxSignatureSize {
		return nil, fail(EntrySignature, CheckTooLarge, "lebih dari %d byte", lim.MaxSignatureSize)
	}
	if int64(len(manifest)) > lim.MaxManifestSize {
		return nil, fail(EntryManifest, CheckTooLarge, "lebih dari %d byte", lim.MaxManifestSize)
	}
	v := &Verified{ManifestSHA256: sha256Hex(manifest)}
	env, err := parseEnvelope(sig)
	if err != nil {
		return nil, err
	}
	if err := checkSignature(env, manifest, opt.Keys, v); err != nil {
		return nil, err
	}
	if err := parseManifest(manifest, env, v); err != nil {
		return nil, err
	}
	return v, nil
}

// PartSource supplies the files of a bundle sent in parts.
type PartSource interface {
	// Proven reports that the store already holds exactly f.Size bytes
	// with SHA-256 f.SHA256 (content-addressed and hashed on arrival), so
	// reading it again would prove nothing new.
	Proven(f File) bool
	// Open returns the content of f.
	Open(f File) (io.ReadCloser, error)
}

// VerifyParts runs steps 6–7 on a manifest VerifyManifest accepted: every
// listed file is present with its size and SHA-256 (read and hashed unless
// the source has proven it), answers.json is strict and agrees with the
// manifest, the content digest matches, and report.pdf embeds the
// certificate report.cert_sha256 names. answers.json and report.pdf are
// always read (they are checked for more than their hash). On success
// v.Answers is filled.
func VerifyParts(v *Verified, src PartSource, opt Options) error {
	lim := DefaultLimits
	if opt.Limits != nil {
		lim = *opt.Limits
	}
	m := &v.Manifest
	var scan *certScan
	if m.Report.CertSHA256 != "" {
		scan = newCertScan(m.Report.CertSHA256)
	}
	var answers []byte
	buf := make([]byte, copyBufSize)
	for _, f := range m.Files {
		read := f.Role == RoleAnswers || f.Role == RoleReport || !src.Proven(f)
		if !read {
			continue
		}
		var extra io.Writer
		if scan != nil && f.Role == RoleReport {
			extra = scan
		}
		data, err := hashPart(src, f, f.Role == RoleAnswers, lim, buf, extra)
		if err != nil {
			return err
		}
		if f.Role == RoleAnswers {
			answers = data
		}
	}
	if err := parseAnswers(answers, v, lim); err != nil {
		return err
	}
	if got := ContentDigest(m); got != m.ContentDigest {
		return fail(EntryManifest, CheckDigest, "dihitung %.16s…, manifest menyatakan %.16s…", got, m.ContentDigest)
	}
	if scan != nil && !scan.found {
		return fail(EntryReport, CheckReportCert, "tidak memuat sertifikat dengan SHA-256 %.16s… (report.cert_sha256)", m.Report.CertSHA256)
	}
	return nil
}

// hashPart is hashEntry for a part: read through LimitReader(size+1),
// check length and SHA-256, keep the bytes if asked.
func hashPart(src PartSource, want File, keep bool, lim Limits, buf []byte, extra io.Writer) ([]byte, error) {
	if keep && want.Size > lim.MaxAnswersSize {
		return nil, fail(want.Path, CheckTooLarge, "%d byte, maksimum %d", want.Size, lim.MaxAnswersSize)
	}
	rc, err := src.Open(want)
	if err != nil {
		return nil, fail(want.Path, CheckFileSet, "tercantum di manifest tetapi tidak tersedia: %v", err)
	}
	defer rc.Close()
	return checkRead(rc, want.Path, want, keep, buf, extra)
}

// WriteParts writes the container of a bundle kept in parts (the server's
// copy) with the writer's own layout — entries, order, methods, times — so
// the result verifies exactly like the original (only manifest.json's bytes
// are signed; with the same build it is byte-identical). open returns a
// file's content by SHA-256; answers.json and report.pdf are read into
// memory (they are small), evidence is streamed and hashed on the way.
func WriteParts(w io.Writer, manifest, sig []byte, m *Manifest, open func(sha256 string) (io.ReadCloser, error)) error {
	p := &planned{manifest: manifest, signature: sig}
	lim := DefaultLimits
	for _, f := range m.Files {
		switch f.Role {
		case RoleAnswers, RoleReport:
			data, err := readWhole(open, f, lim.MaxAnswersSize)
			if err != nil {
				return err
			}
			if f.Role == RoleAnswers {
				p.answers = data
			} else {
				p.report = data
			}
		default:
			p.evidence = append(p.evidence, f)
		}
	}
	bw := bufio.NewWriterSize(w, copyBufSize)
	if err := p.writeZip(bw, open, &progress{ctx: context.Background()}); err != nil {
		return err
	}
	return bw.Flush()
}

func readWhole(open func(string) (io.ReadCloser, error), f File, limit int64) ([]byte, error) {
	if f.Size > max(limit, 64<<20) {
		return nil, fail(f.Path, CheckTooLarge, "%d byte", f.Size)
	}
	rc, err := open(f.SHA256)
	if err != nil {
		return nil, &Error{Entry: f.Path, Check: CheckEvidence, Detail: err.Error(), Err: err}
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, f.Size+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) != f.Size || sha256Hex(data) != f.SHA256 {
		return nil, fail(f.Path, CheckEvidence, "isi tersimpan tidak sama dengan manifest")
	}
	return data, nil
}
