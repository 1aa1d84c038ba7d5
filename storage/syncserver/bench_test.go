package syncserver

import (
	"crypto/ed25519"
	"crypto/sha256"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
)

// BenchmarkIntakeEvidenceFree measures evidence-free bundles taken in per
// second over HTTP on PostgreSQL + versitygw, each a distinct OPD (its own
// key in the registry) pushed by 8 concurrent clients: announce (signature,
// manifest, policy), PATCH answers.json and report.pdf into S3, complete
// (parts re-verified, decided in one transaction, receipt signed). ODK
// Central documents 41 submissions/s on a 2 GB server.
func BenchmarkIntakeEvidenceFree(b *testing.B) {
	e := newEnvB(b)
	var regs []regEntry
	ms := make([]made, b.N)
	for i := range b.N {
		seed := sha256.Sum256(fmt.Appendf(nil, "opd-%d", i))
		k := ed25519.NewKeyFromSeed(seed[:])
		opd := fmt.Sprintf("OPD-%05d", i)
		regs = append(regs, regEntry{k, opd, "verified"})
		ms[i] = makeBundle(b, spec{bundleID: fmt.Sprintf("01968f2a-5b3c-7d4e-8f90-%012d", i), seq: 1, opd: opd, key: k})
	}
	if resp := e.register(regs...); resp.StatusCode != http.StatusNoContent {
		b.Fatalf("registry: %s", resp.Status)
	}
	var next, bad atomic.Int64
	b.SetParallelism(4) // 4 × GOMAXPROCS(2) = 8 clients
	b.ResetTimer()
	start := time.Now()
	rt := &timingRT{}
	defer func() {
		for k, v := range rt.sum {
			b.Logf("%s: %d × %v", k, rt.n[k], v/time.Duration(rt.n[k]))
		}
	}()
	b.RunParallel(func(pb *testing.PB) {
		c := &client{t: b, base: e.url, http: &http.Client{Timeout: time.Minute, Transport: rt}}
		for pb.Next() {
			m := ms[next.Add(1)-1]
			if code, a := c.push(m); code != http.StatusCreated || a.Outcome != syncapi.OutcomeNew {
				bad.Add(1)
			}
		}
	})
	b.StopTimer()
	if bad.Load() > 0 {
		b.Fatalf("%d pushes not baru", bad.Load())
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "bundles/s")
}
