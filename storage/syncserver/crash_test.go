package syncserver

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
	"github.com/spbe-mandiri/spbe-mandiri/storage/testsvc"
)

// childEnv names the environment of a re-executed test binary that only
// serves (the server to kill -9).
const childEnv = "SPBE_TEST_SERVER_CHILD"

// serveChild runs the server from the environment until killed.
func serveChild() {
	ctx := context.Background()
	db, err := serverdb.Open(ctx, os.Getenv("CHILD_DSN"))
	if err != nil {
		panic(err)
	}
	lib, _ := assets.Library()
	b := testsvc.Bucket{S3Server: &testsvc.S3Server{Endpoint: os.Getenv("CHILD_S3"), AccessKey: os.Getenv("CHILD_AK"), Secret: os.Getenv("CHILD_SK")},
		Name: os.Getenv("CHILD_BUCKET")}
	srv, err := New(Config{DB: db, S3: b.Client(), Bucket: b.Name, Staging: os.Getenv("CHILD_STAGING"), Key: key(11),
		Name: "https://sync.test", Library: lib, PartSize: MinPartSize, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		panic(err)
	}
	l, err := net.Listen("tcp", os.Getenv("CHILD_ADDR"))
	if err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/", srv.Handler())
	mux.HandleFunc("/debug/heap-inuse", func(w http.ResponseWriter, _ *http.Request) {
		var ms runtime.MemStats // for BenchmarkBigBundleMemory: the child's Go heap
		runtime.ReadMemStats(&ms)
		fmt.Fprint(w, ms.HeapInuse)
	})
	panic(http.Serve(l, mux))
}

// childVars is the environment of a serving child on e's database dsn and
// bucket, and a free address for it.
func childVars(t testing.TB, e *env, dsn string) ([]string, string) {
	cfg := e.db.Pool.Config().ConnConfig
	b := e.srv.cfg
	env := []string{fmt.Sprintf("CHILD_DSN=host=%s port=%d user=%s dbname=%s sslmode=disable", cfg.Host, cfg.Port, cfg.User, dsn),
		"CHILD_S3=" + e.gw.Endpoint, "CHILD_AK=" + e.gw.AccessKey, "CHILD_SK=" + e.gw.Secret, "CHILD_BUCKET=" + b.Bucket,
		"CHILD_STAGING=" + filepath.Join(t.TempDir(), "staging")}
	port, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := port.Addr().String()
	port.Close()
	return env, addr
}

// startChild starts the serving child on addr.
func startChild(t testing.TB, env []string, addr string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), childEnv+"=1", "CHILD_ADDR="+addr), env...)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	for range 200 {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return cmd
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatal("child server did not start")
	return nil
}

// kill -9 of the server in the middle of a PATCH: what the server had
// acknowledged is still acknowledged after a restart (tail fsynced before
// the answer, parts and hash state in PostgreSQL), the client goes on from
// the offset the new process reports, and the file arrives whole.
func TestKilledServerKeepsAcknowledgedBytes(t *testing.T) {
	e := newEnv(t) // the registry and the database; its in-process server is not used
	e.register(regEntry{opdKey, "DISKOMINFO", "verified"})
	var dsn string
	if err := e.db.Pool.QueryRow(t.Context(), `SELECT current_database()`).Scan(&dsn); err != nil {
		t.Fatal(err)
	}
	env, addr := childVars(t, e, dsn)
	child := startChild(t, env, addr)
	e.url = "http://" + addr

	big := randomBytes(12 << 20)
	m := makeBundle(t, spec{bundleID: "01968f2a-5b3c-7d4e-8f90-000000000091", seq: 1, evidence: [][]byte{big}})
	c := e.client()
	_, ans, err := c.announce(m)
	if err != nil || len(ans.Missing) != 1 {
		t.Fatalf("announce: %v %+v", err, ans)
	}
	f := ans.Missing[0]
	c.chunk = 7 << 20
	code, acked, err := c.patch(m, f.SHA256, big, 0)
	if err != nil || code != http.StatusNoContent || acked != 7<<20 {
		t.Fatalf("first PATCH: %d %d %v", code, acked, err)
	}
	// A second PATCH streams slowly; the server is killed in its middle.
	pr, pw := io.Pipe()
	go func() {
		req, _ := http.NewRequest(http.MethodPatch, c.path("/bundles/"+m.manifest.BundleID+"/files/"+f.SHA256), pr)
		req.Header.Set("Content-Type", "application/offset+octet-stream")
		req.Header.Set("Upload-Offset", fmt.Sprint(acked))
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	_, _ = pw.Write(big[acked : acked+1<<20])
	time.Sleep(200 * time.Millisecond)
	_ = child.Process.Kill() // SIGKILL
	_, _ = child.Process.Wait()
	pw.CloseWithError(io.ErrUnexpectedEOF)

	startChild(t, env, addr)
	off, err := c.head(m, f.SHA256)
	if err != nil || off < acked {
		t.Fatalf("after kill -9: offset %d (%v), %d had been acknowledged", off, err, acked)
	}
	if err := c.upload(m, f, 20); err != nil {
		t.Fatal(err)
	}
	code, ans, err = c.completeReq(m)
	if err != nil || code != http.StatusCreated || ans.Outcome != syncapi.OutcomeNew {
		t.Fatalf("complete: %d %+v %v", code, ans, err)
	}
}
