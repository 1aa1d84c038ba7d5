package syncserver

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
)

// push is POST /v1/pemda/{p}/bundles: the signed manifest first. The
// signature, the signer's key, the strict manifest, the catalog and the
// policy (bundle id, key status, KUNCI BERBEDA, sequence) are checked on
// these few kilobytes before a byte of evidence is sent. Files the Pemda
// already holds are not asked for; with none missing the bundle is
// completed at once.
func (s *Server) push(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pemda(w, r)
	if !ok {
		return
	}
	r.Body = s.withIdleTimeout(w, r)
	man, sig, mr, err := readSignedPair(w, r)
	if err != nil {
		s.refuse(w, syncapi.CodeBadRequest, err.Error(), false)
		return
	}
	v, a := s.verifyAnnounced(r, p, man, sig)
	if a != nil {
		s.answer(w, *a)
		return
	}
	b, err := s.cfg.DB.BundleByManifest(r.Context(), v.ManifestSHA256)
	switch {
	case err == nil && b.PemdaID == p.ID:
		if b.Status == "staging" { // a retry of the announcement
			_ = s.receiveInline(context.WithoutCancel(r.Context()), p, v, mr)
		}
		s.answerStored(w, r, p, b, v)
	case err != nil && !errors.Is(err, assessment.ErrNotFound):
		s.internal(w, r, err)
	default:
		s.announceNew(w, r, p, v, man, sig, mr)
	}
}

// announceNew decides a manifest not stored yet on the current state,
// stages it if it would not be refused, and takes the inline files.
func (s *Server) announceNew(w http.ResponseWriter, r *http.Request, p serverdb.Pemda, v *bundle.Verified, man, sig []byte, mr *multipart.Reader) {
	pre := serverdb.BundleOf(p.ID, v, man, sig)
	d, err := s.cfg.DB.PreDecide(r.Context(), pre, intakeBundle(v, false))
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if d.Kind == intake.KindRejected {
		s.answer(w, rejected(pre, d.Code, d.Reason))
		return
	}
	b, err := s.cfg.DB.Announce(r.Context(), p.ID, v, man, sig)
	if errors.Is(err, serverdb.ErrBundleIDReused) {
		s.answer(w, rejected(pre, syncapi.CodeBundleID, fmt.Sprintf(
			"bundle id %s sudah dipakai bundel lain dengan isi berbeda; bundel ini tidak disimpan", pre.BundleID)))
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	s.cfg.Log.Info("announced", "pemda", p.Kode, "bundle", b.BundleID, "opd", b.OPDKode, "sequence", b.Sequence)
	if err := s.receiveInline(context.WithoutCancel(r.Context()), p, v, mr); err != nil && !errors.Is(err, errHash) && !errors.Is(err, errTooLarge) {
		s.cfg.Log.Warn("inline files", "bundle", b.BundleID, "err", err) // they stay missing: the client PATCHes them
	}
	s.answerStored(w, r, p, b, v)
}

// verifyAnnounced finds the signer's key in the Pemda's registry and runs
// the verifier's steps 3–5 and the catalog check. A non-nil answer is the
// refusal.
func (s *Server) verifyAnnounced(r *http.Request, p serverdb.Pemda, man, sig []byte) (*bundle.Verified, *syncapi.Answer) {
	keyid := peekKeyID(sig)
	key, err := s.cfg.DB.KeyByID(r.Context(), s.cfg.DB.Pool, p.ID, keyid)
	if err != nil {
		a := syncapi.Answer{Error: &syncapi.Error{Code: syncapi.CodeUnavailable, Reason: "server sedang bermasalah; coba lagi nanti", Retry: true}}
		s.cfg.Log.Error("key lookup", "err", err)
		return nil, &a
	}
	var opt bundle.Options
	if key != nil {
		opt.Keys = []ed25519.PublicKey{key.PublicKey}
	}
	v, err := bundle.VerifyManifest(sig, man, opt)
	if err != nil {
		a := invalid(err)
		return nil, &a
	}
	if key == nil {
		// The signature cannot be checked; the decision still tells
		// KUNCI BERBEDA (the OPD has another key) from an unknown key.
		b := serverdb.BundleOf(p.ID, v, man, sig)
		d, err := s.cfg.DB.PreDecide(r.Context(), b, intakeBundle(v, false))
		if err != nil || d.Kind != intake.KindRejected {
			d = intake.Decision{Kind: intake.KindRejected, Code: intake.RejectUnknownKey, Reason: fmt.Sprintf(
				"kunci %.16s… tidak ada di daftar kunci Tim Asesor %s", keyid, p.Nama)}
		}
		a := rejected(b, d.Code, d.Reason)
		return nil, &a
	}
	if code, reason := knownCatalog(s.cfg.Library, v.Manifest.Catalog); code != "" {
		a := rejected(serverdb.BundleOf(p.ID, v, man, sig), code, reason)
		return nil, &a
	}
	return v, nil
}

// answerStored answers for a stored bundle: its decision and receipt, or
// the files still missing. v is the manifest this request verified (nil
// for a bundle looked up by id): b was found or stored by v's hash, so
// these are the same bytes, and completing need not verify them again.
func (s *Server) answerStored(w http.ResponseWriter, r *http.Request, p serverdb.Pemda, b serverdb.Bundle, v *bundle.Verified) {
	if b.Status != "staging" {
		s.answer(w, syncapi.Answer{Outcome: syncapi.OutcomeDuplicate, BundleID: b.BundleID, ManifestSHA256: b.ManifestSHA256, Receipt: b.Receipt})
		return
	}
	missing, err := s.cfg.DB.Missing(r.Context(), p.ID, b.BundleID)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if len(missing) == 0 {
		s.completeBundle(w, r, p, b, v)
		return
	}
	s.answer(w, waiting(b, missing))
}

func waiting(b serverdb.Bundle, missing []syncapi.MissingFile) syncapi.Answer {
	a := syncapi.Answer{Outcome: syncapi.OutcomeWaiting, BundleID: b.BundleID, ManifestSHA256: b.ManifestSHA256, Missing: missing}
	for _, f := range missing {
		a.MissingBytes += f.Size
	}
	return a
}

func rejected(b serverdb.Bundle, code, reason string) syncapi.Answer {
	return syncapi.Answer{Outcome: syncapi.OutcomeRejected, BundleID: b.BundleID, ManifestSHA256: b.ManifestSHA256,
		Error: &syncapi.Error{Code: code, Reason: reason}}
}

// invalid is the verifier's refusal, with its check and entry.
func invalid(err error) syncapi.Answer {
	e := &syncapi.Error{Code: syncapi.CodeInvalid, Reason: "bundel tidak sah: " + err.Error()}
	var be *bundle.Error
	if errors.As(err, &be) {
		e.Check, e.Entry = be.CheckName(), be.EntryName()
	}
	return syncapi.Answer{Outcome: syncapi.OutcomeRejected, Error: e}
}

// MaxInline bounds answers.json and report.pdf sent inline with the
// announcement (larger ones, and all evidence, go by PATCH).
const MaxInline = 1 << 20

// readSignedPair reads the start of the multipart body: manifest.json and
// manifest.sig.json, raw, each within the verifier's limits, in this order.
// Parts after them (inline answers.json / report.pdf) stay unread in the
// returned reader until the manifest has passed.
func readSignedPair(w http.ResponseWriter, r *http.Request) (man, sig []byte, mr *multipart.Reader, err error) {
	lim := bundle.DefaultLimits
	r.Body = http.MaxBytesReader(w, r.Body, lim.MaxManifestSize+lim.MaxSignatureSize+2*MaxInline+64<<10)
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return nil, nil, nil, errors.New("isi permintaan harus multipart/form-data dengan manifest.json dan manifest.sig.json")
	}
	mr = multipart.NewReader(r.Body, params["boundary"])
	if man, err = readPart(mr, bundle.EntryManifest, lim.MaxManifestSize); err == nil {
		sig, err = readPart(mr, bundle.EntrySignature, lim.MaxSignatureSize)
	}
	return man, sig, mr, err
}

func readPart(mr *multipart.Reader, name string, limit int64) ([]byte, error) {
	part, err := mr.NextPart()
	if err != nil {
		return nil, fmt.Errorf("%s wajib dikirim (berurutan: manifest.json, manifest.sig.json): %w", name, err)
	}
	defer part.Close()
	if part.FormName() != name {
		return nil, fmt.Errorf("bagian %q, seharusnya %s", part.FormName(), name)
	}
	var buf bytes.Buffer
	if n, err := buf.ReadFrom(io.LimitReader(part, limit+1)); err != nil || n > limit {
		return nil, fmt.Errorf("bagian %s terlalu besar atau terputus", name)
	}
	return buf.Bytes(), nil
}

// receiveInline stores answers.json and report.pdf sent after the signed
// pair in PostgreSQL (small_blob), each once its size and SHA-256 match the
// manifest, all in one transaction: no tail file, no bucket object.
// Anything else, or a file that does not match, is skipped: the client
// then PATCHes what the answer still lists as missing.
func (s *Server) receiveInline(ctx context.Context, p serverdb.Pemda, v *bundle.Verified, mr *multipart.Reader) error {
	files := map[string]bundle.File{}
	for _, f := range v.Manifest.Files {
		if (f.Role == bundle.RoleAnswers || f.Role == bundle.RoleReport) && f.Size <= MaxInline {
			files[f.Path] = f
		}
	}
	var got []serverdb.SmallFile
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return errors.Join(err, s.cfg.DB.AddSmallBlobs(ctx, p.ID, got))
		}
		f, ok := files[part.FormName()]
		delete(files, part.FormName())
		if ok {
			if data, ok := readSmall(f, part); ok {
				got = append(got, serverdb.SmallFile{SHA256: f.SHA256, Data: data})
			}
		}
		part.Close()
	}
	return s.cfg.DB.AddSmallBlobs(ctx, p.ID, got)
}

// readSmall reads an inline file; ok only when its size and SHA-256 are
// the manifest's.
func readSmall(f bundle.File, r io.Reader) ([]byte, bool) {
	data, err := io.ReadAll(io.LimitReader(r, f.Size+1))
	if err != nil {
		return nil, false
	}
	sum := sha256.Sum256(data)
	return data, int64(len(data)) == f.Size && hex.EncodeToString(sum[:]) == f.SHA256
}

// peekKeyID reads the first signature's key id without trusting anything
// (a lookup hint: VerifyManifest then requires exactly that key).
func peekKeyID(sig []byte) string {
	var env struct {
		Signatures []struct {
			KeyID string `json:"keyid"`
		} `json:"signatures"`
	}
	if json.Unmarshal(sig, &env) != nil || len(env.Signatures) == 0 {
		return ""
	}
	return env.Signatures[0].KeyID
}

// knownCatalog is the desktop's known-catalog policy: the bundle's catalog
// id + version must be one this build ships, with the same content.
func knownCatalog(lib *assessment.Library, ref bundle.CatalogRef) (code, reason string) {
	sameVersion := false
	for _, e := range lib.Entries() {
		if e.Catalog.ID != ref.ID || e.Catalog.Version != ref.Version {
			continue
		}
		if e.Catalog.SHA256() == ref.SHA256 {
			return "", ""
		}
		sameVersion = true
	}
	if sameVersion {
		return syncapi.CodeCatalogMismatch, fmt.Sprintf("katalog %s versi %s di bundel ini berbeda isinya dari katalog resmi versi "+
			"yang sama: katalog telah diubah. Bundel tidak disimpan; ekspor ulang dengan SPBE Mandiri resmi", ref.ID, ref.Version)
	}
	return syncapi.CodeUnknownCatalog, fmt.Sprintf("katalog %s versi %s tidak dikenal server ini. Bundel tidak disimpan; "+
		"server perlu diperbarui ke versi yang memuat katalog itu", ref.ID, ref.Version)
}
