package syncserver

import (
	"io"
	"net/http"
	"time"
)

// DefaultIdleTimeout is how long an upload body may send nothing before
// the server gives up on it (Config.IdleTimeout).
const DefaultIdleTimeout = 60 * time.Second

// idleBody moves the connection's read deadline forward before each read:
// a stalled link must not hold a file's upload lock for hours (what
// arrived is kept), and a slow link that keeps sending is never cut.
type idleBody struct {
	io.ReadCloser
	rc   *http.ResponseController
	idle time.Duration
}

func (s *Server) withIdleTimeout(w http.ResponseWriter, r *http.Request) io.ReadCloser {
	return idleBody{ReadCloser: r.Body, rc: http.NewResponseController(w), idle: s.cfg.IdleTimeout}
}

func (b idleBody) Read(p []byte) (int, error) {
	_ = b.rc.SetReadDeadline(time.Now().Add(b.idle)) // not supported (e.g. a recorder): no idle limit
	return b.ReadCloser.Read(p)
}
