package syncserver

import (
	"crypto/ed25519"
	"io"
	"net/http"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
)

// postFeedback is POST /v1/pemda/{p}/feedback: a .spbe-umpan file signed
// by an enrolled Tim Asesor key, for a bundle the server decided (same id
// and manifest). It is relayed as it is: the OPD verifies it with the
// assessor key it trusts, exactly as from a stick.
func (s *Server) postFeedback(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pemda(w, r)
	if !ok {
		return
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, feedback.MaxSize))
	if err != nil {
		s.refuse(w, syncapi.CodeTooLarge, "berkas umpan balik terlalu besar atau terputus", false)
		return
	}
	asesor, err := s.cfg.DB.AsesorKeys(r.Context(), p.ID)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	signer, _ := feedback.Signer(data)
	pub := asesor[signer]
	if pub == nil {
		s.refuse(w, syncapi.CodeUnknownKey, "umpan balik tidak ditandatangani kunci Tim Asesor yang terdaftar untuk "+p.Nama, false)
		return
	}
	m, err := feedback.Verify(data, pub)
	if err != nil {
		s.refuse(w, syncapi.CodeInvalid, err.Error(), false)
		return
	}
	b, err := s.cfg.DB.BundleByID(r.Context(), p.ID, m.Bundle.ID)
	if err != nil || b.Status == "staging" || b.ManifestSHA256 != m.Bundle.ManifestSHA256 {
		s.refuse(w, syncapi.CodeNotFound, "umpan balik untuk bundel yang tidak diterima server ini", false)
		return
	}
	sha, _ := feedback.PayloadSHA256(data)
	added, err := s.cfg.DB.AddFeedback(r.Context(), sha, b.BundleID, signer, data)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if added {
		w.WriteHeader(http.StatusCreated)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// getFeedback is GET …/bundles/{id}/feedback: the feedback on a bundle,
// only for the OPD key that signed it (a request signed like the
// assessor's, with that key): `{"feedback": [<envelope>, …]}`.
func (s *Server) getFeedback(w http.ResponseWriter, r *http.Request) {
	p, b, ok := s.bundleOf(w, r)
	if !ok {
		return
	}
	lookup := func(keyid string) ed25519.PublicKey {
		if keyid != b.KeyID {
			return nil
		}
		k, err := s.cfg.DB.KeyByID(r.Context(), s.cfg.DB.Pool, p.ID, keyid)
		if err != nil || k == nil {
			return nil
		}
		return k.PublicKey
	}
	if !s.signedBy(w, r, "SPBE-OPD", lookup) {
		return
	}
	envs, err := s.cfg.DB.Feedback(r.Context(), b.BundleID)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = jsonEncode(w, syncapi.FeedbackList{Feedback: envs})
}
