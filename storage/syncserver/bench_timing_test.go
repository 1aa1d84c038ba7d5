package syncserver

import (
	"net/http"
	"sync"
	"time"
)

// timingRT is a RoundTripper that sums the latency per request kind, for
// the benchmark's breakdown.
type timingRT struct {
	mu  sync.Mutex
	sum map[string]time.Duration
	n   map[string]int
}

func (t *timingRT) RoundTrip(r *http.Request) (*http.Response, error) {
	t0 := time.Now()
	resp, err := http.DefaultTransport.RoundTrip(r)
	k := r.Method
	if r.Method == http.MethodPost && len(r.URL.Path) > 40 {
		k = "COMPLETE"
	}
	t.mu.Lock()
	if t.sum == nil {
		t.sum, t.n = map[string]time.Duration{}, map[string]int{}
	}
	t.sum[k] += time.Since(t0)
	t.n[k]++
	t.mu.Unlock()
	return resp, err
}
