// Package syncserver is the collection server's API v1 (docs/sync.md) over
// PostgreSQL (storage/serverdb) and an S3 bucket: manifest-first push,
// resumable per-file upload (tus core), complete with the desktop's import
// decision and a signed receipt, and the Tim Asesor's key registry.
package syncserver

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/minio/minio-go/v7"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
)

// Config is what a server needs.
type Config struct {
	DB      *serverdb.DB
	S3      *minio.Client
	Bucket  string
	Staging string             // local folder for upload tails (≤ one part per upload)
	Key     ed25519.PrivateKey // signs receipts
	Name    string             // the server's name in receipts (its public URL)
	Library *assessment.Library
	// PartSize is the S3 multipart part size (≥ 5 MiB; 0 = 8 MiB).
	PartSize int64
	Log      *slog.Logger
	// IdleTimeout cuts an upload body that sends nothing this long (0:
	// DefaultIdleTimeout).
	IdleTimeout time.Duration
}

// Server serves the API.
type Server struct {
	cfg     Config
	uploads *uploads
}

// MinPartSize is S3's smallest part (but the last).
const MinPartSize = 5 << 20

// New checks the configuration and prepares the staging folder.
func New(cfg Config) (*Server, error) {
	if cfg.PartSize == 0 {
		cfg.PartSize = 8 << 20
	}
	if cfg.PartSize < MinPartSize {
		return nil, errors.New("ukuran bagian S3 minimal 5 MiB")
	}
	if cfg.IdleTimeout == 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	if cfg.Key == nil || cfg.DB == nil || cfg.S3 == nil || cfg.Library == nil {
		return nil, errors.New("konfigurasi server tidak lengkap")
	}
	if err := os.MkdirAll(cfg.Staging, 0o700); err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg}
	s.uploads = &uploads{db: cfg.DB, core: &minio.Core{Client: cfg.S3}, bucket: cfg.Bucket, staging: cfg.Staging,
		partSize: cfg.PartSize, log: cfg.Log}
	return s, nil
}

// Handler is the HTTP API.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("POST /v1/pemda/{p}/bundles", s.push)
	mux.HandleFunc("GET /v1/pemda/{p}/bundles/{id}", s.status)
	mux.HandleFunc("HEAD /v1/pemda/{p}/bundles/{id}/files/{sha}", s.headFile)
	mux.HandleFunc("PATCH /v1/pemda/{p}/bundles/{id}/files/{sha}", s.patchFile)
	mux.HandleFunc("POST /v1/pemda/{p}/bundles/{id}/complete", s.complete)
	mux.HandleFunc("PUT /v1/pemda/{p}/registry", s.putRegistry)
	mux.HandleFunc("GET /v1/pemda/{p}/log", s.log)
	mux.HandleFunc("GET /v1/pemda/{p}/bundles/{id}/container", s.container)
	mux.HandleFunc("POST /v1/pemda/{p}/feedback", s.postFeedback)
	mux.HandleFunc("GET /v1/pemda/{p}/bundles/{id}/feedback", s.getFeedback)
	return mux
}

// healthz answers 200 when PostgreSQL and the bucket answer.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	if err := s.cfg.DB.Ping(ctx); err != nil {
		http.Error(w, "postgres: "+err.Error(), http.StatusServiceUnavailable)
		return
	}
	if _, err := s.cfg.S3.BucketExists(ctx, s.cfg.Bucket); err != nil {
		http.Error(w, "s3: "+err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

// pemda resolves the {p} of the path, answering 404 itself if unknown.
func (s *Server) pemda(w http.ResponseWriter, r *http.Request) (serverdb.Pemda, bool) {
	p, err := s.cfg.DB.PemdaByKode(r.Context(), r.PathValue("p"))
	if errors.Is(err, assessment.ErrNotFound) {
		s.refuse(w, syncapi.CodeUnknownPemda, "Pemda "+r.PathValue("p")+" tidak terdaftar di server ini", false)
		return p, false
	}
	if err != nil {
		s.internal(w, r, err)
		return p, false
	}
	return p, true
}

// answer writes an Answer with its status.
func (s *Server) answer(w http.ResponseWriter, a syncapi.Answer) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(syncapi.Status(a))
	_ = json.NewEncoder(w).Encode(a)
}

// refuse answers a request the server cannot serve (not a decision on a
// bundle: no outcome).
func (s *Server) refuse(w http.ResponseWriter, code, reason string, retry bool) {
	s.answer(w, syncapi.Answer{Error: &syncapi.Error{Code: code, Reason: reason, Retry: retry}})
}

// internal logs a server-side failure and tells the client to retry later.
func (s *Server) internal(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		return // the client went away
	}
	s.cfg.Log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	s.refuse(w, syncapi.CodeUnavailable, "server sedang bermasalah; coba lagi nanti", true)
}

func jsonEncode(w io.Writer, v any) error { return json.NewEncoder(w).Encode(v) }
