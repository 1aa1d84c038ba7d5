package testsvc

import (
	"io"
	"net"
	"sync"
	"sync/atomic"
	"testing"
)

// FlakyLink is a real TCP proxy on 127.0.0.1 that cuts every connection
// after a budget of client → server bytes (a link that drops), for tests
// outside storage/syncserver (which has its own, with throttling).
type FlakyLink struct {
	URL  string // http://127.0.0.1:port
	Cuts atomic.Int64
	l    net.Listener
	mu   sync.Mutex
	cut  func() int64 // budget of the next connection (≤ 0: no cut)
	wg   sync.WaitGroup
}

// Flaky starts a proxy to target (host:port) cutting each connection after
// cut() bytes; it stops when the test ends.
func Flaky(t testing.TB, target string, cut func() int64) *FlakyLink {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &FlakyLink{URL: "http://" + l.Addr().String(), l: l, cut: cut}
	p.wg.Add(1)
	go p.serve(target)
	t.Cleanup(func() { l.Close(); p.wg.Wait() })
	return p
}

func (p *FlakyLink) serve(target string) {
	defer p.wg.Done()
	for {
		c, err := p.l.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		budget := p.cut()
		p.mu.Unlock()
		p.wg.Add(1)
		go func() { defer p.wg.Done(); p.relay(c, target, budget) }()
	}
}

func (p *FlakyLink) relay(c net.Conn, target string, budget int64) {
	defer c.Close()
	s, err := net.Dial("tcp", target)
	if err != nil {
		return
	}
	defer s.Close()
	go func() { _, _ = io.Copy(c, s); c.Close() }()
	if budget <= 0 {
		_, _ = io.Copy(s, c)
		return
	}
	if n, _ := io.CopyN(s, c, budget); n == budget {
		p.Cuts.Add(1) // the link drops: both sides see the connection close
	}
}
