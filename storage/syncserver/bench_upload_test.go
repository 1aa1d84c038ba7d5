package syncserver

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/storage/bundle"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// pseudoFile is size deterministic bytes, generated, never held whole.
func pseudoFile(seed uint64, size int64) io.Reader {
	return io.LimitReader(&prngReader{r: rand.New(rand.NewPCG(seed, seed))}, size)
}

type prngReader struct{ r *rand.Rand }

func (p *prngReader) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = byte(p.r.Uint32())
	}
	return len(b), nil
}

// bigBundleFile writes a bundle with one generated evidence file of size
// bytes to disk with the real writer, streaming.
func bigBundleFile(b testing.TB, size int64) string {
	h := sha256.New()
	if _, err := io.Copy(h, pseudoFile(1, size)); err != nil {
		b.Fatal(err)
	}
	sha := hex.EncodeToString(h.Sum(nil))
	c := catalog(b)
	ev := []assessment.Evidence{{ID: 1, Indicator: c.Indicators[0].Number, Blob: assessment.Blob{SHA256: sha, Size: size, MediaType: "application/pdf"},
		OriginalName: "pindaian.pdf", Level: 3}}
	snap := assessment.Snapshot{
		Profile: assessment.Profile{Instansi: "Pemerintah Kabupaten Sigi", OPDKode: "DISKOMINFO", OPDNama: "Dinas DISKOMINFO", Operator: "Rina"},
		Assessment: assessment.Assessment{ID: "a-1", CatalogID: c.ID, CatalogVersion: c.Version, CatalogSHA256: c.SHA256(),
			Periode: 2026, Status: assessment.AssessmentDraft},
		Catalog: c, Answers: everyAspect(c, 3), Evidence: ev,
	}
	in := bundle.Input{BundleID: "01968f2a-5b3c-7d4e-8f90-0000000000b1", CreatedAt: time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC), Sequence: 1,
		App: bundle.App{Name: "spbe-mandiri", Version: "test"}, Snapshot: snap,
		OpenBlob: func(string) (io.ReadCloser, error) { return io.NopCloser(pseudoFile(1, size)), nil },
		Report: func(info bundle.ReportInfo) ([]byte, string, error) {
			return fmt.Appendf(nil, "%%PDF-1.7\n%% %s\n%%%%EOF\n", info.ContentDigest), "", nil
		}}
	p := filepath.Join(b.TempDir(), "SPBE_DISKOMINFO_2026_1.spbe")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := bundle.Write(context.Background(), f, in, opdKey); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkBigBundleMemory pushes a bundle with one 256 MiB evidence file
// (client and server in this process, both streaming) and reports the
// peak Go heap while it travels: flat, not the file size.
func BenchmarkBigBundleMemory(b *testing.B) {
	const size = 256 << 20
	e := newEnvB(b)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	path := bigBundleFile(b, size)
	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}
	}()
	b.ResetTimer()
	start := time.Now()
	res, err := syncclient.Push(context.Background(), syncclient.Config{Server: e.url, Pemda: pemdaKode}, path)
	elapsed := time.Since(start)
	close(stop)
	if err != nil || res.Answer.Outcome != syncapi.OutcomeNew {
		b.Fatalf("%v %+v", err, res.Answer)
	}
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(size)/(1<<20)/elapsed.Seconds(), "MiB/s")
}

// BenchmarkThrottledLink pushes a bundle with an 8 MiB evidence file over
// a link throttled to 2 MiB/s and reports the upload time against the raw
// transfer time of the same evidence bytes at that rate.
func BenchmarkThrottledLink(b *testing.B) {
	const size, rate = 8 << 20, 2 << 20
	e := newEnvB(b)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	m := makeBundle(b, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-0000000000b2", seq: 1, evidence: [][]byte{randomBytes(size)}})
	path := filepath.Join(b.TempDir(), "SPBE_DISKOMINFO_2026_1.spbe")
	if err := os.WriteFile(path, m.file, 0o600); err != nil {
		b.Fatal(err)
	}
	p := newProxyB(b, strings.TrimPrefix(e.http.URL, "http://"))
	p.setRate(rate)
	b.ResetTimer()
	start := time.Now()
	res, err := syncclient.Push(context.Background(), syncclient.Config{Server: p.url(), Pemda: pemdaKode,
		HTTP: &http.Client{}}, path)
	elapsed := time.Since(start)
	if err != nil || res.Answer.Outcome != syncapi.OutcomeNew {
		b.Fatalf("%v %+v", err, res.Answer)
	}
	raw := rawTransfer(b, int64(len(m.file)), rate)
	b.ReportMetric(elapsed.Seconds(), "s-upload")
	b.ReportMetric(raw.Seconds(), "s-raw")
	b.ReportMetric(elapsed.Seconds()/raw.Seconds(), "x-raw")
}

// rawTransfer is the time to send n bytes in one plain HTTP PUT through
// the same throttled proxy to a server that only discards them.
func rawTransfer(b *testing.B, n, rate int64) time.Duration {
	sink := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
	}))
	defer sink.Close()
	p := newProxyB(b, strings.TrimPrefix(sink.URL, "http://"))
	p.setRate(rate)
	start := time.Now()
	req, _ := http.NewRequest(http.MethodPut, p.url(), io.LimitReader(pseudoFile(2, n), n))
	req.ContentLength = n
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	resp.Body.Close()
	return time.Since(start)
}
