package syncsvc

import (
	"crypto/ed25519"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
)

// installServer gives dataDir an installed server configuration.
func installServer(t *testing.T, dataDir string) {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "spbe-server.json")
	if err := os.WriteFile(file, syncclient.NewServerConfig("https://spbe.example.go.id", "72.10", "Kab. Sigi", pub), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Install(dataDir, file); err != nil {
		t.Fatal(err)
	}
}

// Without a server the export's own result is what the officer sees,
// and nothing is queued.
func TestQueueExportedWithoutServer(t *testing.T) {
	dir := t.TempDir()
	if err := QueueExported(dir, filepath.Join(dir, "x.spbe"), nil); err != nil {
		t.Fatalf("no server: %v", err)
	}
	failed := errors.New("disk penuh")
	if err := QueueExported(dir, "", failed); err != failed {
		t.Fatalf("export error changed: %v", err)
	}
	if _, ok := InstalledConfig(dir); ok {
		t.Fatal("a configuration appeared")
	}
}

// With a server configured, a bundle that cannot be queued is reported
// with where the stick copy is and what to do; a failed export is not
// queued and its error is kept.
func TestQueueExportedWithServer(t *testing.T) {
	dir := t.TempDir()
	installServer(t, dir)
	if c, ok := InstalledConfig(dir); !ok || c.Pemda != "72.10" {
		t.Fatalf("installed: %+v %v", c, ok)
	}
	missing := filepath.Join(t.TempDir(), "tidak-ada.spbe")
	err := QueueExported(dir, missing, nil)
	if err == nil || !strings.Contains(err.Error(), "bundel tersimpan di "+missing) || !strings.Contains(err.Error(), "flashdisk") {
		t.Fatalf("queue failure: %v", err)
	}
	failed := errors.New("disk penuh")
	if err := QueueExported(dir, "", failed); err != failed {
		t.Fatalf("export error changed: %v", err)
	}
	if items, err := ItemsIn(dir); err != nil || len(items) != 0 {
		t.Fatalf("outbox: %+v %v", items, err)
	}
}

// Installed reads the server and Pemda the CLI names.
func TestInstalled(t *testing.T) {
	dir := t.TempDir()
	if _, _, ok := Installed(dir); ok {
		t.Fatal("installed before any configuration")
	}
	installServer(t, dir)
	if server, pemda, ok := Installed(dir); !ok || server != "https://spbe.example.go.id" || pemda != "72.10" {
		t.Fatalf("installed: %q %q %v", server, pemda, ok)
	}
}
