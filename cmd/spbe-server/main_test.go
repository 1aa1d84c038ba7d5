package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
	"github.com/spbe-mandiri/spbe-mandiri/storage/testsvc"
)

func TestMain(m *testing.M) { testsvc.Main(m) }

// The server builds without cgo and without the GUI toolkit: it runs on
// any Linux box, and a Fyne change can never break it.
func TestNoFyneNoCgo(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	cmd := exec.Command(goBin, "list", "-deps", "-f", "{{.ImportPath}} {{if .CgoFiles}}cgo{{end}}", ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if strings.HasPrefix(line, "fyne.io/") || strings.HasSuffix(line, " cgo") {
			t.Errorf("spbe-server depends on %s", line)
		}
	}
}

func runCmd(t *testing.T, ctx context.Context, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(ctx, args, &out, &errb)
	return code, out.String(), errb.String()
}

// migrate (twice: the second is a no-op), enrol with the fingerprint read
// back (a wrong one is refused), serve with /healthz, and a graceful stop
// on the signal.
func TestMigrateEnrolServe(t *testing.T) {
	ctx := context.Background()
	dsn := testsvc.Database(t, testsvc.Template{Name: "spbe_server_empty"})
	bucket := testsvc.S3(t)
	if code, out, errs := runCmd(t, ctx, "migrate", "--db", dsn); code != 0 || !strings.Contains(out, "0001_init.sql") {
		t.Fatalf("migrate: %d %q %q", code, out, errs)
	}
	if code, out, _ := runCmd(t, ctx, "migrate", "--db", dsn); code != 0 || !strings.Contains(out, "sudah versi") {
		t.Fatalf("migrate again: %d %q", code, out)
	}
	pub := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{9}, 32)).Public().(ed25519.PublicKey)
	id := keys.IdentityOf(pub, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	keyFile := filepath.Join(t.TempDir(), "KUNCI_PUBLIK_ASESOR.json")
	if err := os.WriteFile(keyFile, keys.MarshalPublic(id), 0o600); err != nil {
		t.Fatal(err)
	}
	enrol := []string{"enrol", "--db", dsn, "--pemda", "72.10", "--nama", "Kabupaten Sigi", "--by", "operator", "--asesor-key", keyFile}
	if code, _, errs := runCmd(t, ctx, append(enrol, "--fingerprint", "00000 00000 00000 00000 00000 00000")...); code != 1 || !strings.Contains(errs, "tidak cocok") {
		t.Fatalf("enrol with a wrong fingerprint: %d %q", code, errs)
	}
	if code, out, errs := runCmd(t, ctx, append(enrol, "--fingerprint", id.Fingerprint)...); code != 0 || !strings.Contains(out, id.Fingerprint) {
		t.Fatalf("enrol: %d %q %q", code, out, errs)
	}
	serveAndStop(t, dsn, bucket)
	dir := t.TempDir()
	code, out, errs := runCmd(t, ctx, "gc", "--db", dsn, "--name", "https://sync.test", "--staging", filepath.Join(dir, "staging"),
		"--key", filepath.Join(dir, "receipt.key"), "--s3-endpoint", bucket.Endpoint, "--s3-access-key", bucket.AccessKey,
		"--s3-secret-key", bucket.Secret, "--s3-bucket", "spbe-blobs", "--log-format", "text")
	if code != 0 || !strings.Contains(out, "0 bundel staging") {
		t.Fatalf("gc: %d %q %q", code, out, errs)
	}
}

func serveAndStop(t *testing.T, dsn string, bucket testsvc.Bucket) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	dir := t.TempDir()
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"serve", "--db", dsn, "--listen", "127.0.0.1:0", "--name", "https://sync.test",
			"--staging", filepath.Join(dir, "staging"), "--key", filepath.Join(dir, "receipt.key"), "--log-format", "text",
			"--s3-endpoint", bucket.Endpoint, "--s3-access-key", bucket.AccessKey, "--s3-secret-key", bucket.Secret,
			"--s3-bucket", "spbe-blobs"}, pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve did not start: %v", err)
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	url := strings.TrimSpace(strings.TrimPrefix(line, "spbe-server: "))
	resp, err := http.Get(url + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || string(body) != "ok\n" {
		t.Fatalf("healthz: %d %q", resp.StatusCode, body)
	}
	if fi, err := os.Stat(filepath.Join(dir, "receipt.key")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("receipt key: %v %v", fi, err)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("serve exited %d", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop on the signal")
	}
}

// client-config prints a file the OPD's configuration reader accepts, with
// the receipt key the server signs with.
func TestClientConfigFile(t *testing.T) {
	keyFile := filepath.Join(t.TempDir(), "receipt.key")
	var out, errs bytes.Buffer
	if code := run(context.Background(), []string{"client-config", "--key", keyFile, "--name", "https://sync.sigikab.go.id", "--pemda", "72.10"}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	c, pub, err := syncclient.ParseServerConfig(out.Bytes())
	if err != nil || c.Server != "https://sync.sigikab.go.id" || c.Pemda != "72.10" {
		t.Fatalf("%+v %v\n%s", c, err, out.String())
	}
	key, err := loadOrCreateKey(keyFile, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil || !key.Public().(ed25519.PublicKey).Equal(pub) {
		t.Fatalf("config key is not the receipt key: %v", err)
	}
}
