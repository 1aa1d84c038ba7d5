package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncserver"
)

// serveConfig is serve's flags.
type serveConfig struct {
	db, listen, name, staging, keyFile, logFormat *string
	s3Endpoint, s3Access, s3Secret, s3Bucket      *string
	s3TLS, tlsCert, tlsKey, partSize, shutdown    *string
	idle                                          *string
}

func serveFlags(stderr io.Writer) (flagSet, *serveConfig) {
	f := newFlags("serve", stderr)
	c := &serveConfig{
		db:         f.db(),
		listen:     f.env("listen", "SPBE_SERVER_LISTEN", "127.0.0.1:8080", "alamat HTTP / listen address"),
		name:       f.env("name", "SPBE_SERVER_NAME", "", "URL publik server, dicantumkan di tanda terima / public URL, named in receipts"),
		staging:    f.env("staging", "SPBE_SERVER_STAGING", "/var/lib/spbe-server/staging", "folder ekor unggahan (≤ satu bagian S3 per unggahan)"),
		keyFile:    f.env("key", "SPBE_SERVER_KEY", "/var/lib/spbe-server/receipt.key", "kunci Ed25519 penanda tangan tanda terima (dibuat bila belum ada)"),
		logFormat:  f.env("log-format", "SPBE_SERVER_LOG_FORMAT", "json", "json | text"),
		s3Endpoint: f.env("s3-endpoint", "SPBE_S3_ENDPOINT", "127.0.0.1:7070", "host:port S3"),
		s3Access:   f.env("s3-access-key", "SPBE_S3_ACCESS_KEY", "", "S3 access key"),
		s3Secret:   f.env("s3-secret-key", "SPBE_S3_SECRET_KEY", "", "S3 secret key"),
		s3Bucket:   f.env("s3-bucket", "SPBE_S3_BUCKET", "spbe-blobs", "bucket"),
		s3TLS:      f.env("s3-tls", "SPBE_S3_TLS", "false", "HTTPS ke S3 / use HTTPS to S3"),
		tlsCert:    f.env("tls-cert", "SPBE_SERVER_TLS_CERT", "", "sertifikat TLS (kosong: HTTP, di belakang reverse proxy)"),
		tlsKey:     f.env("tls-key", "SPBE_SERVER_TLS_KEY", "", "kunci TLS"),
		partSize:   f.env("part-size", "SPBE_S3_PART_SIZE", "8388608", "ukuran bagian multipart S3 (byte, ≥ 5 MiB)"),
		shutdown:   f.env("shutdown-timeout", "SPBE_SERVER_SHUTDOWN_TIMEOUT", "30s", "waktu menyelesaikan permintaan saat berhenti"),
		idle:       f.env("idle-timeout", "SPBE_SERVER_IDLE_TIMEOUT", "60s", "unggahan yang diam selama ini diputus (yang sudah diterima tetap)"),
	}
	return f, c
}

// runServe serves API v1 until ctx ends (SIGINT/SIGTERM), then shuts down
// gracefully: no new requests, running ones get the shutdown timeout to
// finish; an upload cut then has its acknowledged bytes on disk and in
// PostgreSQL already, so the client resumes where the server stopped.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f, c := serveFlags(stderr)
	if err := f.parse(args); err != nil {
		return err
	}
	log := newLogger(*c.logFormat, stderr)
	srv, closeAll, err := buildServer(ctx, c, log)
	if err != nil {
		return err
	}
	defer closeAll()
	l, err := net.Listen("tcp", *c.listen)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "spbe-server: http://%s\n", l.Addr())
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 15 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	return serveUntil(ctx, hs, l, c, log)
}

func serveUntil(ctx context.Context, hs *http.Server, l net.Listener, c *serveConfig, log *slog.Logger) error {
	grace, err := time.ParseDuration(*c.shutdown)
	if err != nil {
		return fmt.Errorf("--shutdown-timeout: %w", err)
	}
	errc := make(chan error, 1)
	go func() {
		if *c.tlsCert != "" {
			errc <- hs.ServeTLS(l, *c.tlsCert, *c.tlsKey)
		} else {
			errc <- hs.Serve(l)
		}
	}()
	log.Info("serving", "addr", l.Addr().String(), "tls", *c.tlsCert != "")
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		log.Warn("requests cut at shutdown; their acknowledged offsets stand", "err", err)
		_ = hs.Close()
	}
	return nil
}

// buildServer connects PostgreSQL and S3 and loads the receipt key.
func buildServer(ctx context.Context, c *serveConfig, log *slog.Logger) (*syncserver.Server, func(), error) {
	if *c.db == "" || *c.name == "" {
		return nil, nil, errors.New("--db dan --name wajib / required")
	}
	key, err := loadOrCreateKey(*c.keyFile, log)
	if err != nil {
		return nil, nil, err
	}
	s3, err := minio.New(*c.s3Endpoint, &minio.Options{Creds: credentials.NewStaticV4(*c.s3Access, *c.s3Secret, ""), Secure: *c.s3TLS == "true"})
	if err != nil {
		return nil, nil, err
	}
	if err := ensureBucket(ctx, s3, *c.s3Bucket); err != nil {
		return nil, nil, err
	}
	part, err := strconv.ParseInt(*c.partSize, 10, 64)
	if err != nil {
		return nil, nil, fmt.Errorf("--part-size: %w", err)
	}
	idle, err := time.ParseDuration(*c.idle)
	if err != nil {
		return nil, nil, fmt.Errorf("--idle-timeout: %w", err)
	}
	lib, err := assets.Library()
	if err != nil {
		return nil, nil, err
	}
	db, err := serverdb.Open(ctx, *c.db)
	if err != nil {
		return nil, nil, err
	}
	srv, err := syncserver.New(syncserver.Config{DB: db, S3: s3, Bucket: *c.s3Bucket, Staging: *c.staging, Key: key,
		Name: *c.name, Library: lib, PartSize: part, Log: log, IdleTimeout: idle})
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return srv, db.Close, nil
}

func ensureBucket(ctx context.Context, s3 *minio.Client, bucket string) error {
	ok, err := s3.BucketExists(ctx, bucket)
	if err != nil {
		return fmt.Errorf("S3: %w", err)
	}
	if ok {
		return nil
	}
	return s3.MakeBucket(ctx, bucket, minio.MakeBucketOptions{})
}

// loadOrCreateKey reads the receipt key (base64 of the 32-byte seed) or
// creates it (0600, never overwritten). Its fingerprint goes into the
// server configuration file the Tim Asesor hands to OPDs.
func loadOrCreateKey(path string, log *slog.Logger) (ed25519.PrivateKey, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		seed := make([]byte, ed25519.SeedSize)
		if _, err := rand.Read(seed); err != nil {
			return nil, err
		}
		fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return nil, err
		}
		_, err = fh.WriteString(base64.StdEncoding.EncodeToString(seed) + "\n")
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
		data = []byte(base64.StdEncoding.EncodeToString(seed))
		log.Info("receipt key created", "path", path)
	} else if err != nil {
		return nil, err
	}
	seed, err := base64.StdEncoding.DecodeString(string(trimNL(data)))
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("%s: bukan kunci tanda terima (base64 32 byte)", path)
	}
	key := ed25519.NewKeyFromSeed(seed)
	log.Info("receipt key", "fingerprint", keys.Fingerprint(key.Public().(ed25519.PublicKey)))
	return key, nil
}

func trimNL(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

func newLogger(format string, w io.Writer) *slog.Logger {
	if format == "text" {
		return slog.New(slog.NewTextHandler(w, nil))
	}
	return slog.New(slog.NewJSONHandler(w, nil))
}
