package testsvc

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Template names a database that test databases are cloned from, and how
// to fill it (the server's migrations). It is prepared once per test
// binary, the first time a test asks for it.
type Template struct {
	Name    string
	Prepare func(ctx context.Context, dsn string) error
}

// Cluster is a running PostgreSQL server on a Unix socket.
type Cluster struct {
	dir  string // socket directory (also holds the data directory)
	port int
	user string
	cmd  *exec.Cmd
	done chan struct{}

	mu        sync.Mutex
	templates map[string]error
	bin       string
	cred      *credentialT
}

// launch starts the postmaster on the cluster's data directory.
func (c *Cluster) launch() error {
	c.done = make(chan struct{})
	c.cmd = exec.Command(filepath.Join(c.bin, "postgres"), "-D", filepath.Join(c.dir, "data"), "-k", c.dir, "-p", fmt.Sprint(c.port),
		"-c", "listen_addresses=", "-c", "fsync=off", "-c", "synchronous_commit=off",
		"-c", "full_page_writes=off", "-c", "max_connections=200")
	setProcAttr(c.cmd, c.cred)
	logf, err := os.OpenFile(filepath.Join(c.dir, "postgres.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	c.cmd.Stdout, c.cmd.Stderr = logf, logf
	if err := c.cmd.Start(); err != nil {
		logf.Close()
		return fmt.Errorf("postgres: %w", err)
	}
	done, cmd := c.done, c.cmd
	go func() { _ = cmd.Wait(); logf.Close(); close(done) }()
	return c.waitReady(30 * time.Second)
}

// Restart stops the postmaster (fast shutdown: open connections are cut)
// and starts it again on the same data: for tests of a database restart.
func (c *Cluster) Restart() error {
	c.shutdown()
	return c.launch()
}

var (
	pgOnce sync.Once
	pg     *Cluster
	pgErr  error
)

// Postgres returns the test binary's cluster, starting it on first use.
func Postgres(t testing.TB) *Cluster {
	t.Helper()
	pgOnce.Do(func() { pg, pgErr = startCluster() })
	if isMissing(pgErr) {
		skipOrFail(t, pgErr)
	}
	if pgErr != nil {
		t.Fatalf("PostgreSQL: %v", pgErr)
	}
	return pg
}

// Database creates a fresh database for this test, cloned from tmpl (see
// Template), drops it when the test ends, and returns its DSN.
func Database(t testing.TB, tmpl Template) string {
	t.Helper()
	c := Postgres(t)
	if err := c.template(tmpl); err != nil {
		t.Fatalf("template %s: %v", tmpl.Name, err)
	}
	name := "t_" + randomHex(8)
	ctx := context.Background()
	if err := c.exec(ctx, fmt.Sprintf(`CREATE DATABASE %s TEMPLATE %s STRATEGY FILE_COPY`, name, tmpl.Name)); err != nil {
		t.Fatalf("CREATE DATABASE: %v", err)
	}
	t.Cleanup(func() {
		_ = c.exec(context.Background(), fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name))
	})
	return c.DSN(name)
}

// DSN is the connection string for database db of the cluster.
func (c *Cluster) DSN(db string) string {
	return fmt.Sprintf("host=%s port=%d user=%s dbname=%s sslmode=disable", c.dir, c.port, c.user, db)
}

// template creates and prepares a template database once.
func (c *Cluster) template(tmpl Template) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err, done := c.templates[tmpl.Name]; done {
		return err
	}
	ctx := context.Background()
	err := c.exec(ctx, fmt.Sprintf(`CREATE DATABASE %s`, tmpl.Name))
	if err == nil && tmpl.Prepare != nil {
		err = tmpl.Prepare(ctx, c.DSN(tmpl.Name))
	}
	c.templates[tmpl.Name] = err
	return err
}

// exec runs one statement on the maintenance database.
func (c *Cluster) exec(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, c.DSN("postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

// startCluster runs initdb into a new temp dir and starts the postmaster
// directly (not through pg_ctl) as a child of the test binary, so that
// the child dies with the binary (Pdeathsig) and Main can stop it.
func startCluster() (*Cluster, error) {
	bin, err := pgBinDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "spbe-pg-")
	if err != nil {
		return nil, err
	}
	// Unix socket only; the port only names the socket and the SysV shared
	// memory key, so parallel test binaries take different ones.
	c := &Cluster{dir: dir, port: 40000 + int(randomUint16()%20000), user: "spbe", templates: map[string]error{}}
	cred, err := runAsPostgres(dir)
	if err != nil {
		return nil, err
	}
	data := filepath.Join(dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", c.user, "--auth=trust",
		"-E", "UTF8", "--locale=C", "--no-sync")
	setProcAttr(initdb, cred)
	if out, err := initdb.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("initdb: %w\n%s", err, out)
	}
	c.bin, c.cred = bin, cred
	if err := c.launch(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Cluster) waitReady(limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := c.exec(ctx, "SELECT 1")
		cancel()
		if err == nil {
			return nil
		}
		select {
		case <-c.done:
			log, _ := os.ReadFile(filepath.Join(c.dir, "postgres.log"))
			return fmt.Errorf("postgres exited: %s", log)
		default:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres not ready after %v: %w", limit, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop shuts the cluster down and removes its files.
func (c *Cluster) stop() {
	c.shutdown()
	_ = os.RemoveAll(c.dir)
}

// shutdown stops the postmaster (fast: SIGINT).
func (c *Cluster) shutdown() {
	if c.cmd != nil && c.cmd.Process != nil {
		_ = c.cmd.Process.Signal(os.Interrupt)
		select {
		case <-c.done:
		case <-time.After(10 * time.Second):
			_ = c.cmd.Process.Kill()
			<-c.done
		}
	}
}

// pgBinDir finds initdb and postgres: SPBE_PG_BIN, then Debian's
// /usr/lib/postgresql/<newest>/bin, then PATH.
func pgBinDir() (string, error) {
	if d := os.Getenv("SPBE_PG_BIN"); d != "" {
		return d, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "postgres")); err == nil {
			return dirs[i], nil
		}
	}
	if p, err := exec.LookPath("postgres"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("%w: PostgreSQL (initdb, postgres) tidak ditemukan; pasang dengan `scripts/deps.sh test` (apt-get install postgresql)", errMissing)
}

var errMissing = errors.New("engine missing")

// skipOrFail skips a test whose engine is not installed, except in CI or
// under scripts/test.sh (SPBE_REQUIRE_ENGINES=1), which installs them: there
// a missing engine is a failure, never a silent skip of the server tests.
func skipOrFail(t testing.TB, err error) {
	t.Helper()
	if os.Getenv("CI") != "" || os.Getenv("SPBE_REQUIRE_ENGINES") != "" {
		t.Fatalf("%v (CI: engines must be installed)", err)
	}
	t.Skipf("%v", strings.TrimPrefix(err.Error(), errMissing.Error()+": "))
}

func randomUint16() uint16 {
	b := make([]byte, 2)
	_, _ = rand.Read(b)
	return uint16(b[0])<<8 | uint16(b[1])
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
