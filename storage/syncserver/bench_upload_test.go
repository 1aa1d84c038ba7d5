package syncserver

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
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
	i := 0
	for ; i+8 <= len(b); i += 8 { // 8 bytes per draw: 1 GiB in seconds
		binary.LittleEndian.PutUint64(b[i:], p.r.Uint64())
	}
	for ; i < len(b); i++ {
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

// BenchmarkBigBundleMemory pushes a bundle with one 1 GiB evidence file
// to a server in its own process (this test binary re-executed as the
// server, see serveChild) and samples that process's resident set
// (/proc/PID/status VmRSS) and Go heap every 100 ms while the file
// travels: flat, not the file size. The client's memory does not mix in.
// The bundle and the object store use about 2 GiB of disk in temp dirs.
func BenchmarkBigBundleMemory(b *testing.B) {
	const size = 1 << 30
	e := newEnvB(b)
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	var dsn string
	if err := e.db.Pool.QueryRow(b.Context(), `SELECT current_database()`).Scan(&dsn); err != nil {
		b.Fatal(err)
	}
	path := bigBundleFile(b, size)
	vars, addr := childVars(b, e, dsn)
	child := startChild(b, vars, addr)
	pid := child.Process.Pid
	time.Sleep(200 * time.Millisecond)
	startRSS, startHeap := vmRSS(pid), childHeap(addr)
	var peakRSS, peakHeap atomic.Int64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
				if r := vmRSS(pid); r > peakRSS.Load() {
					peakRSS.Store(r)
				}
				if h := childHeap(addr); h > peakHeap.Load() {
					peakHeap.Store(h)
				}
			}
		}
	}()
	b.ResetTimer()
	start := time.Now()
	res, err := syncclient.Push(context.Background(), syncclient.Config{Server: "http://" + addr, Pemda: pemdaKode}, path)
	elapsed := time.Since(start)
	close(stop)
	<-sampled
	if err != nil || res.Answer.Outcome != syncapi.OutcomeNew {
		b.Fatalf("%v %+v", err, res.Answer)
	}
	mib := func(n int64) float64 { return float64(n) / (1 << 20) }
	b.ReportMetric(mib(startRSS), "rss-start-MiB")
	b.ReportMetric(mib(peakRSS.Load()), "rss-peak-MiB")
	b.ReportMetric(mib(vmRSS(pid)), "rss-end-MiB")
	b.ReportMetric(mib(startHeap), "heap-start-MiB")
	b.ReportMetric(mib(peakHeap.Load()), "heap-peak-MiB")
	b.ReportMetric(float64(size)/(1<<20)/elapsed.Seconds(), "MiB/s")
}

// childHeap is the serving child's Go heap in use, in bytes.
func childHeap(addr string) int64 {
	resp, err := http.Get("http://" + addr + "/debug/heap-inuse")
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	n, _ := strconv.ParseInt(string(body), 10, 64)
	return n
}

// BenchmarkThrottledLink pushes a bundle with a 1 MiB evidence file over
// a link throttled to 256 kbit/s (32 000 B/s, the figure) and
// reports the upload time against the raw transfer time of the same
// bundle bytes in one plain PUT through the same proxy at that rate. 1 MiB
// keeps each of the two transfers near 33 s.
func BenchmarkThrottledLink(b *testing.B) {
	const size, rate = 1 << 20, 256_000 / 8
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
	b.ReportMetric(float64(len(m.file)), "bundle-bytes")
	b.ReportMetric(float64(p.sent.Load()), "link-bytes")
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
