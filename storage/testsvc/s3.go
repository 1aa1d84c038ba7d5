package testsvc

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// VersitygwVersion is the pinned gateway scripts/versitygw.sh builds.
const VersitygwVersion = "v1.8.0"

// S3Server is a running versitygw on 127.0.0.1 with random root
// credentials and a posix backend in a temp dir.
type S3Server struct {
	Endpoint          string // host:port
	AccessKey, Secret string

	dir  string
	cmd  *exec.Cmd
	done chan struct{}
}

// Bucket is one test's own bucket on the shared gateway.
type Bucket struct {
	*S3Server
	Name string
}

var (
	s3Once sync.Once
	s3srv  *S3Server
	s3Err  error
)

// S3 returns the test binary's gateway, starting it on first use, with a
// fresh bucket for this test.
func S3(t testing.TB) Bucket {
	t.Helper()
	s3Once.Do(func() { s3srv, s3Err = startVersitygw() })
	if s3Err != nil {
		if isMissing(s3Err) {
			skipOrFail(t, s3Err)
		}
		t.Fatalf("versitygw: %v", s3Err)
	}
	b := Bucket{S3Server: s3srv, Name: "t-" + randomHex(6)}
	if err := b.Client().MakeBucket(context.Background(), b.Name, minio.MakeBucketOptions{}); err != nil {
		t.Fatalf("MakeBucket: %v", err)
	}
	return b
}

// Client is a minio-go client for the gateway.
func (s *S3Server) Client() *minio.Client {
	c, err := minio.New(s.Endpoint, &minio.Options{Creds: credentials.NewStaticV4(s.AccessKey, s.Secret, ""), Secure: false})
	if err != nil {
		panic(err) // only for a malformed endpoint, which we built
	}
	return c
}

// Stop stops the gateway (for tests of the store going away); Start
// brings it back on the same port and directory.
func (s *S3Server) Stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	<-s.done
	s.cmd = nil
}

// Start (re)starts a stopped gateway.
func (s *S3Server) Start() error {
	bin, err := versitygwBinary()
	if err != nil {
		return err
	}
	s.cmd = exec.Command(bin, "--port", s.Endpoint, "--access", s.AccessKey, "--secret", s.Secret,
		"--quiet", "posix", filepath.Join(s.dir, "root"))
	s.cmd.Env = append(os.Environ(), "ROOT_ACCESS_KEY=", "ROOT_SECRET_KEY=")
	setProcAttr(s.cmd, nil)
	logf, err := os.OpenFile(filepath.Join(s.dir, "versitygw.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	if err := s.cmd.Start(); err != nil {
		logf.Close()
		return err
	}
	done := make(chan struct{})
	s.done = done
	cmd := s.cmd
	go func() { _ = cmd.Wait(); logf.Close(); close(done) }()
	return s.waitReady(30 * time.Second)
}

func startVersitygw() (*S3Server, error) {
	if _, err := versitygwBinary(); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "spbe-s3-")
	if err != nil {
		return nil, err
	}
	if err := os.Mkdir(filepath.Join(dir, "root"), 0o700); err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	s := &S3Server{Endpoint: fmt.Sprintf("127.0.0.1:%d", port), AccessKey: "ak" + randomHex(8), Secret: randomHex(20), dir: dir}
	return s, s.Start()
}

// waitReady polls until the gateway answers HTTP at all (an anonymous
// request is refused with 403, which is an answer).
func (s *S3Server) waitReady(limit time.Duration) error {
	deadline := time.Now().Add(limit)
	client := &http.Client{Timeout: time.Second}
	for {
		resp, err := client.Get("http://" + s.Endpoint + "/")
		if err == nil {
			resp.Body.Close()
			return nil
		}
		select {
		case <-s.done:
			log, _ := os.ReadFile(filepath.Join(s.dir, "versitygw.log"))
			return fmt.Errorf("versitygw exited: %s", log)
		default:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("versitygw not ready after %v: %w", limit, err)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

func (s *S3Server) stop() {
	s.Stop()
	_ = os.RemoveAll(s.dir)
}

// versitygwBinary finds the gateway: SPBE_VERSITYGW, then the tools cache
// scripts/versitygw.sh builds into, then PATH.
func versitygwBinary() (string, error) {
	if p := os.Getenv("SPBE_VERSITYGW"); p != "" {
		return p, nil
	}
	cache := os.Getenv("SPBE_TOOLS_CACHE")
	if cache == "" {
		if base, err := os.UserCacheDir(); err == nil {
			cache = filepath.Join(base, "spbe-mandiri", "tools")
		}
	}
	p := filepath.Join(cache, "versitygw-"+VersitygwVersion, "versitygw")
	if _, err := os.Stat(p); err == nil {
		return p, nil
	}
	if p, err := exec.LookPath("versitygw"); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("%w: versitygw %s tidak ditemukan; bangun sekali dengan `scripts/versitygw.sh` (~10 menit)", errMissing, VersitygwVersion)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
