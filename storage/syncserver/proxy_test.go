package syncserver

import (
	"io"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// faultProxy is a real TCP proxy on 127.0.0.1 between the client and the
// server: it counts the bytes the client sends, can cut every connection
// after a budget of client bytes (the link dropping), and can throttle.
type faultProxy struct {
	l      net.Listener
	target string
	mu     sync.Mutex // guards cut and bytesPerSec, and serialises calls of cut
	// cut returns the byte budget of the next connection (≤ 0: no cut).
	cut func() int64
	// bytesPerSec throttles the client → server direction (0: none).
	bytesPerSec int64
	sent        atomic.Int64 // client → server bytes forwarded
	cuts        atomic.Int64
	wg          sync.WaitGroup
}

func newProxy(t *testing.T, target string) *faultProxy { return newProxyB(t, target) }

func newProxyB(t testing.TB, target string) *faultProxy {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &faultProxy{l: l, target: target, cut: func() int64 { return 0 }}
	p.wg.Add(1)
	go p.serve()
	t.Cleanup(func() { l.Close(); p.wg.Wait() })
	return p
}

func (p *faultProxy) url() string { return "http://" + p.l.Addr().String() }

func (p *faultProxy) serve() {
	defer p.wg.Done()
	for {
		c, err := p.l.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		budget, rate := p.cut(), p.bytesPerSec
		p.mu.Unlock()
		p.wg.Add(1)
		go func() { defer p.wg.Done(); p.relay(c, budget, rate) }()
	}
}

// setCut and setRate change the faults for the next connections.
func (p *faultProxy) setCut(f func() int64) { p.mu.Lock(); p.cut = f; p.mu.Unlock() }
func (p *faultProxy) setRate(r int64)       { p.mu.Lock(); p.bytesPerSec = r; p.mu.Unlock() }

func (p *faultProxy) relay(c net.Conn, budget, rate int64) {
	defer c.Close()
	s, err := net.Dial("tcp", p.target)
	if err != nil {
		return
	}
	defer s.Close()
	go func() { _, _ = io.Copy(c, s); c.Close() }()
	buf := make([]byte, 16<<10)
	var n int64
	for {
		want := int64(len(buf))
		if rate > 0 {
			want = min(want, max(rate/20, 1))
		}
		if budget > 0 {
			want = min(want, budget-n)
		}
		k, err := c.Read(buf[:want])
		if k > 0 {
			if _, werr := s.Write(buf[:k]); werr != nil {
				return
			}
			n += int64(k)
			p.sent.Add(int64(k))
		}
		if err != nil {
			return
		}
		if budget > 0 && n >= budget {
			p.cuts.Add(1)
			return // the link drops: both sides see the connection close
		}
		if rate > 0 {
			time.Sleep(time.Duration(int64(k) * int64(time.Second) / rate))
		}
	}
}
