package syncserver

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/minio/minio-go/v7"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
	"github.com/spbe-mandiri/spbe-mandiri/storage/signedjson"
)

// complete is POST /v1/pemda/{p}/bundles/{id}/complete (idempotent).
func (s *Server) complete(w http.ResponseWriter, r *http.Request) {
	p, b, ok := s.bundleOf(w, r)
	if !ok {
		return
	}
	if b.Status != "staging" {
		s.answerStored(w, r, p, b, nil)
		return
	}
	missing, err := s.cfg.DB.Missing(r.Context(), p.ID, b.BundleID)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if len(missing) > 0 {
		a := waiting(b, missing)
		a.Outcome = ""
		a.Error = &syncapi.Error{Code: syncapi.CodeIncomplete, Reason: "masih ada berkas yang belum terkirim", Retry: true}
		s.answer(w, a)
		return
	}
	s.completeBundle(w, r, p, b, nil)
}

// status is GET /v1/pemda/{p}/bundles/{id}: the decision, or what is
// missing (for a client that lost its own state).
func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	p, b, ok := s.bundleOf(w, r)
	if !ok {
		return
	}
	if b.Status != "staging" {
		s.answer(w, syncapi.Answer{Outcome: syncapi.OutcomeDuplicate, BundleID: b.BundleID, ManifestSHA256: b.ManifestSHA256, Receipt: b.Receipt})
		return
	}
	missing, err := s.cfg.DB.Missing(r.Context(), p.ID, b.BundleID)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	s.answer(w, waiting(b, missing))
}

func (s *Server) bundleOf(w http.ResponseWriter, r *http.Request) (serverdb.Pemda, serverdb.Bundle, bool) {
	p, ok := s.pemda(w, r)
	if !ok {
		return p, serverdb.Bundle{}, false
	}
	b, err := s.cfg.DB.BundleByID(r.Context(), p.ID, r.PathValue("id"))
	if errors.Is(err, assessment.ErrNotFound) {
		s.refuse(w, syncapi.CodeNotFound, "bundel "+r.PathValue("id")+" tidak dikenal server; kirim manifestnya dulu", false)
		return p, b, false
	}
	if err != nil {
		s.internal(w, r, err)
		return p, b, false
	}
	return p, b, true
}

// completeBundle runs the verifier's steps 6–7 over the stored parts
// (answers.json and report.pdf read back from the bucket; evidence was
// hashed on arrival), then decides in one transaction and answers with the
// signed receipt. A bundle that fails is removed: nothing of it is kept.
//
// announced is the manifest verified moments ago in this same request
// (push completing at once), or nil: then it is verified again from the
// stored bytes against the signer's key.
func (s *Server) completeBundle(w http.ResponseWriter, r *http.Request, p serverdb.Pemda, b serverdb.Bundle, announced *bundle.Verified) {
	v, err := announced, error(nil)
	if v == nil {
		key, kerr := s.cfg.DB.KeyByID(r.Context(), s.cfg.DB.Pool, p.ID, b.KeyID)
		if kerr != nil || key == nil {
			s.internal(w, r, errors.Join(kerr, errors.New("signer key vanished")))
			return
		}
		v, err = bundle.VerifyManifest(b.Signature, b.Manifest, bundle.Options{Keys: []ed25519.PublicKey{key.PublicKey}})
	}
	src := s.parts(r, p)
	if err == nil {
		err = bundle.VerifyParts(v, src, bundle.Options{}) // only Limits matter here: the defaults
	}
	if *src.failed != nil {
		s.internal(w, r, *src.failed) // the store failed, not the bundle: keep it, the client retries
		return
	}
	var be *bundle.Error
	if errors.As(err, &be) {
		if derr := s.cfg.DB.Discard(r.Context(), b.BundleID); derr != nil {
			s.internal(w, r, derr)
			return
		}
		a := invalid(err)
		a.BundleID, a.ManifestSHA256 = b.BundleID, b.ManifestSHA256
		s.answer(w, a)
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	out, d, err := s.cfg.DB.Complete(r.Context(), b, intakeBundle(v, true), s.receipt(p))
	if err != nil {
		s.internal(w, r, err)
		return
	}
	s.cfg.Log.Info("decided", "pemda", p.Kode, "bundle", out.BundleID, "opd", out.OPDKode, "outcome", d.Kind, "code", d.Code)
	a := syncapi.Answer{Outcome: string(d.Kind), BundleID: out.BundleID, ManifestSHA256: out.ManifestSHA256,
		Supersedes: d.Supersedes, ConflictWith: d.ConflictWith, Receipt: out.Receipt, Warnings: d.Warnings}
	if d.Kind == intake.KindRejected {
		a.Receipt, a.Error = nil, &syncapi.Error{Code: d.Code, Reason: d.Reason}
	}
	s.answer(w, a)
}

// receipt signs what the server decided, with the server's clock.
func (s *Server) receipt(p serverdb.Pemda) serverdb.Signer {
	return func(b serverdb.Bundle, d intake.Decision, completed time.Time) []byte {
		body, _ := json.Marshal(syncapi.Receipt{Format: "spbe-receipt", Server: s.cfg.Name, Pemda: p.Kode, BundleID: b.BundleID,
			ManifestSHA256: b.ManifestSHA256, Outcome: string(d.Kind), AnnouncedAt: b.AnnouncedAt.UTC().Format(time.RFC3339Nano),
			CompletedAt: completed.UTC().Format(time.RFC3339Nano)})
		return signedjson.Sign(syncapi.ReceiptPayloadType, body, s.cfg.Key)
	}
}

// storedParts reads a bundle's files back from the bucket.
type storedParts struct {
	s      *Server
	r      *http.Request
	p      serverdb.Pemda
	failed *error // the first storage error: the bucket, not the bundle
}

func (s *Server) parts(r *http.Request, p serverdb.Pemda) storedParts {
	return storedParts{s: s, r: r, p: p, failed: new(error)}
}

// Proven: the Pemda uploaded the file and the server hashed it then.
func (sp storedParts) Proven(f bundle.File) bool {
	ok, err := sp.s.cfg.DB.HasBlob(sp.r.Context(), sp.p.ID, f.SHA256)
	return ok && err == nil
}

func (sp storedParts) Open(f bundle.File) (io.ReadCloser, error) {
	rc, err := sp.s.openBlob(sp.r.Context(), f.SHA256)
	if err != nil {
		sp.note(err)
		return nil, err
	}
	return readNoting{rc, sp}, nil
}

// openBlob reads a stored file: from PostgreSQL when it was small and
// inline (small_blob), else from the bucket.
func (s *Server) openBlob(ctx context.Context, sha string) (io.ReadCloser, error) {
	data, ok, err := s.cfg.DB.SmallBlob(ctx, sha)
	if err != nil {
		return nil, err
	}
	if ok {
		return io.NopCloser(bytes.NewReader(data)), nil
	}
	return s.cfg.S3.GetObject(ctx, s.cfg.Bucket, blobKey(sha), minio.GetObjectOptions{})
}

func (sp storedParts) note(err error) {
	if *sp.failed == nil {
		*sp.failed = err
	}
}

// readNoting records read errors of the bucket (io.EOF is not one).
type readNoting struct {
	io.ReadCloser
	sp storedParts
}

func (rn readNoting) Read(p []byte) (int, error) {
	n, err := rn.ReadCloser.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		rn.sp.note(err)
	}
	return n, err
}

// blobKey is a file's content address in the bucket.
func blobKey(sha string) string { return "sha256/" + sha[:4] + "/" + sha }
