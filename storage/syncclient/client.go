// Package syncclient pushes a signed bundle file (.spbe) to the collection
// server (docs/sync.md): the signed manifest first (with answers.json and
// report.pdf inline), then each file the server still misses, resumably at
// the offset the server acknowledges, then complete. It retries through a
// link that drops, with exponential back-off and full jitter, reset
// whenever a byte was acknowledged; a refusal by the server (ditolak) is
// final and returned as the answer. Evidence is read straight from the
// bundle's Store entries (zip DataOffset): nothing is unpacked.
package syncclient

import (
	"archive/zip"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
)

// Config is where and how to push.
type Config struct {
	Server string // base URL, e.g. https://sync.sigikab.go.id
	Pemda  string // kode wilayah, e.g. 72.10
	HTTP   *http.Client
	// Chunk is the PATCH body size (0: 8 MiB): a drop loses at most one.
	Chunk int64
	// BackoffBase and BackoffCap bound the wait between failed attempts
	// (0: 2 s and 10 min).
	BackoffBase, BackoffCap time.Duration
	// MaxFailures stops after this many failures in a row without
	// progress (0: only ctx stops).
	MaxFailures int
	// Progress, if set, gets the bytes acknowledged of those missing.
	Progress func(done, total int64)
	// ReceiptKey, if set, is the server's receipt key from the server
	// configuration file: a decided answer whose receipt it does not
	// verify is an error wrapping ErrReceipt (the OPD's outbox requires it).
	ReceiptKey ed25519.PublicKey
}

// Result is the server's final answer and what the transfer cost.
type Result struct {
	Answer   syncapi.Answer
	Status   int
	Sent     int64 // evidence bytes acknowledged by the server in this push
	Failures int   // attempts that failed and were retried
}

// Push pushes the bundle file at path until the server decides it (or
// refuses it), ctx ends, or MaxFailures is reached.
func Push(ctx context.Context, cfg Config, path string) (Result, error) {
	cfg = withDefaults(cfg)
	zr, err := zip.OpenReader(path)
	if err != nil {
		return Result{}, fmt.Errorf("bundel %s tidak dapat dibaca: %w", path, err)
	}
	defer zr.Close()
	f, err := os.Open(path)
	if err != nil {
		return Result{}, err
	}
	defer f.Close()
	p := &push{cfg: cfg, entries: map[string]*zip.File{}, raw: f}
	for _, e := range zr.File {
		p.entries[e.Name] = e
	}
	res, err := p.run(ctx)
	if err == nil && cfg.ReceiptKey != nil {
		err = p.checkReceipt()
	}
	return res, err
}

// checkReceipt verifies the receipt of a decided answer against the
// server key and this bundle's manifest; a refusal (ditolak) has none.
func (p *push) checkReceipt() error {
	a := p.res.Answer
	if a.Error != nil || a.Outcome == syncapi.OutcomeWaiting {
		return nil
	}
	r, done, err := p.entryReader(bundle.EntryManifest, 0)
	if err != nil {
		return err
	}
	h := sha256.New()
	_, err = io.Copy(h, r)
	done()
	if err != nil {
		return err
	}
	_, err = VerifyReceipt(a.Receipt, p.cfg.ReceiptKey, p.cfg.Pemda, a.BundleID, hex.EncodeToString(h.Sum(nil)))
	return err
}

func withDefaults(c Config) Config {
	if c.HTTP == nil {
		c.HTTP = &http.Client{Transport: defaultTransport()}
	}
	if c.Chunk == 0 {
		c.Chunk = 8 << 20
	}
	if c.BackoffBase == 0 {
		c.BackoffBase = 2 * time.Second
	}
	if c.BackoffCap == 0 {
		c.BackoffCap = 10 * time.Minute
	}
	return c
}

// defaultTransport: connect timeout, proxy from the environment, and
// "Expect: 100-continue" honoured, so a refused PATCH costs no body.
func defaultTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ExpectContinueTimeout = 5 * time.Second
	t.ResponseHeaderTimeout = 2 * time.Minute
	return t
}

// push is one bundle in flight.
type push struct {
	cfg     Config
	entries map[string]*zip.File
	raw     *os.File
	res     Result
	total   int64
	id      string
	acked   map[string]int64 // per missing file, the offset the server acknowledged
}

// errRetry marks a failure worth retrying (network, 5xx, offset, locked).
type errRetry struct{ err error }

func (e errRetry) Error() string { return e.err.Error() }
func (e errRetry) Unwrap() error { return e.err }

func (p *push) run(ctx context.Context) (Result, error) {
	failures := 0
	for {
		progressed, done, err := p.attempt(ctx)
		if done || err == nil {
			return p.res, err
		}
		var re errRetry
		if !errors.As(err, &re) {
			return p.res, err
		}
		p.res.Failures++
		if progressed {
			failures = 0
		}
		failures++
		if p.cfg.MaxFailures > 0 && failures >= p.cfg.MaxFailures {
			return p.res, fmt.Errorf("server tidak dapat dijangkau setelah %d percobaan: %w", failures, err)
		}
		if err := sleep(ctx, p.backoff(failures)); err != nil {
			return p.res, err
		}
	}
}

// backoff is full jitter: uniform in [0, min(cap, base·2^n)).
func (p *push) backoff(n int) time.Duration {
	d := p.cfg.BackoffBase << min(n, 30)
	if d <= 0 || d > p.cfg.BackoffCap {
		d = p.cfg.BackoffCap
	}
	return time.Duration(rand.Int64N(int64(d)) + 1)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// attempt is announce, upload what is missing, complete. done: the server
// gave a final answer (in p.res).
func (p *push) attempt(ctx context.Context) (progressed, done bool, err error) {
	status, a, err := p.announce(ctx)
	if err != nil {
		return false, false, err
	}
	if a.Outcome != syncapi.OutcomeWaiting {
		p.res.Answer, p.res.Status = a, status
		return false, true, nil
	}
	if p.total == 0 {
		p.total = a.MissingBytes
	}
	for _, f := range a.Missing {
		moved, err := p.upload(ctx, f)
		progressed = progressed || moved
		if err != nil {
			return progressed, false, err
		}
	}
	status, a, err = p.post(ctx, "/bundles/"+a.BundleID+"/complete", nil, "")
	if err != nil {
		return progressed, false, err
	}
	if a.Error != nil && a.Error.Retry {
		return progressed, false, errRetry{fmt.Errorf("complete: %s", a.Error.Reason)}
	}
	p.res.Answer, p.res.Status = a, status
	return progressed, true, nil
}

// entryReader reads a bundle entry from offset off: Store entries as a
// section of the file (no decompression, no copy), others decompressed.
func (p *push) entryReader(path string, off int64) (io.Reader, func(), error) {
	e := p.entries[path]
	if e == nil {
		return nil, nil, fmt.Errorf("bundel tidak memuat %s", path)
	}
	if e.Method == zip.Store {
		start, err := e.DataOffset()
		if err != nil {
			return nil, nil, err
		}
		return io.NewSectionReader(p.raw, start+off, int64(e.UncompressedSize64)-off), func() {}, nil
	}
	rc, err := e.Open()
	if err != nil {
		return nil, nil, err
	}
	if _, err := io.CopyN(io.Discard, rc, off); err != nil {
		rc.Close()
		return nil, nil, err
	}
	return rc, func() { rc.Close() }, nil
}
