package syncserver

import (
	"crypto/ed25519"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle/strictjson"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
)

// maxClockSkew bounds how old (or how far ahead) a signed assessor request
// may be.
const maxClockSkew = 5 * time.Minute

// asesorOnly authorises a Tim Asesor request: the header
//
//	Authorization: SPBE-Asesor <keyid>:<unix seconds>:<base64 signature>
//
// where the signature is Ed25519 by an enrolled assessor key of the Pemda
// over syncapi.SignedRequestText(method, path+query, time). Reads of
// bundles and evidence need it; a request copied within the clock window
// can only repeat the same read.
func (s *Server) asesorOnly(w http.ResponseWriter, r *http.Request, p serverdb.Pemda) bool {
	ks, err := s.cfg.DB.AsesorKeys(r.Context(), p.ID)
	if err != nil {
		s.internal(w, r, err)
		return false
	}
	return s.signedBy(w, r, "SPBE-Asesor", func(keyid string) ed25519.PublicKey { return ks[keyid] })
}

// signedBy checks a request signed with the scheme's header by a key
// lookup returns, within the clock window; it answers 401 itself.
func (s *Server) signedBy(w http.ResponseWriter, r *http.Request, scheme string, lookup func(keyid string) ed25519.PublicKey) bool {
	keyid, ts, sig, ok := parseSignedAuth(r.Header.Get("Authorization"), scheme)
	if ok {
		ok = time.Since(time.Unix(ts, 0)).Abs() <= maxClockSkew
	}
	if ok {
		pub := lookup(keyid)
		ok = pub != nil && keys.VerifySignature(pub, bundle.PAE(syncapi.SignedRequestType,
			syncapi.SignedRequestText(r.Method, r.URL.RequestURI(), ts)), sig) == nil
	}
	if !ok {
		w.Header().Set("WWW-Authenticate", scheme)
		s.answer(w, syncapi.Answer{Error: &syncapi.Error{Code: syncapi.CodeUnauthorized,
			Reason: "permintaan harus ditandatangani kunci yang berhak (periksa jam komputer)"}})
	}
	return ok
}

func parseSignedAuth(h, scheme string) (keyid string, ts int64, sig []byte, ok bool) {
	rest, found := strings.CutPrefix(h, scheme+" ")
	parts := strings.Split(rest, ":")
	if !found || len(parts) != 3 || !keys.ValidKeyID(parts[0]) {
		return "", 0, nil, false
	}
	ts, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return "", 0, nil, false
	}
	sig, err = strictjson.DecodeBase64(parts[2])
	return parts[0], ts, sig, err == nil && len(sig) == ed25519.SignatureSize
}

// log is GET /v1/pemda/{p}/log?after=N&limit=M: decided bundles after the
// cursor, in commit order (the assessor's pull).
func (s *Server) log(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pemda(w, r)
	if !ok || !s.asesorOnly(w, r, p) {
		return
	}
	after, _ := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64)
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit <= 0 || limit > 500 {
		limit = 500
	}
	entries, err := s.cfg.DB.Log(r.Context(), p.ID, after, limit)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = jsonEncode(w, entries)
}

// container is GET …/bundles/{id}/container: the .spbe rebuilt from the
// stored parts (bundle.WriteParts), which the assessor imports with the
// unchanged desktop import — so the server can withhold a bundle but not
// forge one.
func (s *Server) container(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pemda(w, r)
	if !ok || !s.asesorOnly(w, r, p) {
		return
	}
	b, err := s.cfg.DB.BundleByID(r.Context(), p.ID, r.PathValue("id"))
	if err != nil || b.Status == "staging" {
		s.refuse(w, syncapi.CodeNotFound, "bundel belum diterima server", false)
		return
	}
	v, err := bundle.VerifyManifest(b.Signature, b.Manifest, bundle.Options{})
	if err != nil {
		s.internal(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="`+bundle.FileName(b.OPDKode, b.Periode, b.Sequence)+`"`)
	err = bundle.WriteParts(w, b.Manifest, b.Signature, &v.Manifest, func(sha string) (io.ReadCloser, error) {
		return s.openBlob(r.Context(), sha)
	})
	if err != nil && r.Context().Err() == nil {
		s.cfg.Log.Error("container", "bundle", b.BundleID, "err", err) // headers are out: the client sees a truncated ZIP
	}
}
