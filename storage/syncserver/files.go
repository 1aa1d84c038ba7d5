package syncserver

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
)

// tusVersion is the tus protocol version of the per-file upload (core
// protocol; creation is implicit: the signed manifest declares each file).
const tusVersion = "1.0.0"

// MaxPatch bounds one PATCH body; the client sends chunks of this or less.
const MaxPatch = 64 << 20

// fileOf resolves {p}, {id}, {sha}: a file listed by a staging bundle of
// that Pemda (only those may be uploaded).
func (s *Server) fileOf(w http.ResponseWriter, r *http.Request) (serverdb.Pemda, string, int64, bool) {
	p, ok := s.pemda(w, r)
	if !ok {
		return p, "", 0, false
	}
	sha := r.PathValue("sha")
	size, ok, err := s.cfg.DB.StagedFile(r.Context(), p.ID, r.PathValue("id"), sha)
	if err != nil {
		s.internal(w, r, err)
		return p, "", 0, false
	}
	if !ok {
		s.refuse(w, syncapi.CodeNotFound, "berkas ini tidak tercantum di manifest bundel yang sedang dikirim", false)
		return p, "", 0, false
	}
	return p, sha, size, true
}

// headFile is HEAD …/files/{sha}: the acknowledged offset.
func (s *Server) headFile(w http.ResponseWriter, r *http.Request) {
	p, sha, size, ok := s.fileOf(w, r)
	if !ok {
		return
	}
	off, err := s.uploads.offset(r.Context(), p.ID, sha, size)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Tus-Resumable", tusVersion)
	h.Set("Upload-Offset", strconv.FormatInt(off, 10))
	h.Set("Upload-Length", strconv.FormatInt(size, 10))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
}

// patchFile is PATCH …/files/{sha}: append at Upload-Offset.
func (s *Server) patchFile(w http.ResponseWriter, r *http.Request) {
	// A refusal may come before the body is read: it closes the
	// connection, so a client that sent "Expect: 100-continue" knows at
	// once not to send the body. Only success keeps the connection.
	w.Header().Set("Connection", "close")
	p, sha, size, ok := s.fileOf(w, r)
	if !ok {
		return
	}
	if r.Header.Get("Content-Type") != "application/offset+octet-stream" {
		s.refuse(w, syncapi.CodeBadRequest, "Content-Type harus application/offset+octet-stream", false)
		return
	}
	off, err := strconv.ParseInt(r.Header.Get("Upload-Offset"), 10, 64)
	if err != nil || off < 0 {
		s.refuse(w, syncapi.CodeBadRequest, "Upload-Offset tidak sah", false)
		return
	}
	if r.ContentLength > MaxPatch || (r.ContentLength > 0 && off+r.ContentLength > size) {
		s.refuse(w, syncapi.CodeTooLarge, "isi melebihi ukuran berkas di manifest atau batas satu permintaan", false)
		return
	}
	r.Body = http.MaxBytesReader(w, s.withIdleTimeout(w, r), MaxPatch)
	// Not the request's context: when the link drops mid-PATCH, what
	// arrived is still fsynced, shipped and recorded.
	got, err := s.uploads.write(context.WithoutCancel(r.Context()), p.ID, sha, size, off, r.Body)
	w.Header().Set("Tus-Resumable", tusVersion)
	w.Header().Set("Upload-Offset", strconv.FormatInt(got, 10))
	switch {
	case err == nil:
		w.Header().Del("Connection")
		w.WriteHeader(http.StatusNoContent)
	case errors.Is(err, errOffset):
		s.refuse(w, syncapi.CodeOffset, "offset tidak sama dengan yang diterima server ("+strconv.FormatInt(got, 10)+"); tanyakan dengan HEAD", true)
	case errors.Is(err, errLocked):
		s.refuse(w, syncapi.CodeLocked, "berkas ini sedang dikirim oleh permintaan lain", true)
	case errors.Is(err, errTooLarge):
		s.refuse(w, syncapi.CodeTooLarge, "isi melebihi ukuran berkas di manifest", false)
	case errors.Is(err, errHash):
		s.answer(w, syncapi.Answer{Error: &syncapi.Error{Code: syncapi.CodeInvalid, Check: "hash", Entry: sha,
			Reason: "hash SHA-256 berkas yang diterima tidak sesuai manifest; berkas dibuang, kirim ulang dari awal", Retry: true}})
	default:
		s.internal(w, r, err)
	}
}
