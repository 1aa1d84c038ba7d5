package syncserver

import (
	"crypto/ed25519"
	"crypto/sha256"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
)

// BenchmarkIntakeEvidenceFree measures evidence-free bundles taken in per
// second over HTTP on PostgreSQL + versitygw, each a distinct OPD (its own
// key in the registry) pushed by 8 concurrent clients: announce (signature,
// manifest, policy; answers.json and report.pdf inline, kept in PostgreSQL), complete
// (parts re-verified, decided in one transaction, receipt signed). ODK
// Central documents 41 submissions/s on a 2 GB server. Each iteration is
// intakeBatch bundles, so that `-benchtime 1x` runs this side by side
// with the two single-push benchmarks (BigBundleMemory, ThrottledLink).
const intakeBatch = 300

func BenchmarkIntakeEvidenceFree(b *testing.B) {
	e := newEnvB(b)
	var regs []regEntry
	n := b.N * intakeBatch
	ms := make([]made, n)
	for i := range n {
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
	b.ResetTimer()
	start, cpu0, self0 := time.Now(), treeCPU(), selfCPU()
	rt := &timingRT{}
	defer func() {
		for k, v := range rt.sum {
			b.Logf("%s: %d × %v", k, rt.n[k], v/time.Duration(rt.n[k]))
		}
	}()
	var wg sync.WaitGroup
	for range 8 { // 8 concurrent clients, each taking the next bundle
		wg.Go(func() {
			c := &client{t: b, base: e.url, http: &http.Client{Timeout: time.Minute, Transport: rt}}
			for i := next.Add(1) - 1; i < int64(n); i = next.Add(1) - 1 {
				if code, a := c.push(ms[i]); code != http.StatusCreated || a.Outcome != syncapi.OutcomeNew {
					bad.Add(1)
				}
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	elapsed, cpu, self := time.Since(start), treeCPU()-cpu0, selfCPU()-self0
	if bad.Load() > 0 {
		b.Fatalf("%d pushes not baru", bad.Load())
	}
	b.ReportMetric(float64(n)/elapsed.Seconds(), "bundles/s")
	// CPU of everything (clients, server, PostgreSQL, versitygw) per bundle:
	// on a shared 2-core box the fairer figure; 2000 ms/s ÷ this = bundles/s
	// the two cores could take if this were the only work.
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(n), "cpu-ms/bundle")
	b.ReportMetric(float64(self.Microseconds())/1000/float64(n), "go-cpu-ms/bundle") // clients + server
	b.ReportMetric(float64((cpu-self).Microseconds())/1000/float64(n), "pg+s3-cpu-ms/bundle")
}
