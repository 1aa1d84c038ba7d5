package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
	"github.com/spbe-mandiri/spbe-mandiri/storage/serverdb"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncclient"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncserver"
	"github.com/spbe-mandiri/spbe-mandiri/storage/syncsvc"
	"github.com/spbe-mandiri/spbe-mandiri/storage/testsvc"
)

// TestMain stops the PostgreSQL cluster and the versitygw gateway the
// sync tests of this binary started.
func TestMain(m *testing.M) { testsvc.Main(m) }

var serverSchema = testsvc.Template{Name: "spbe_server_root", Prepare: func(ctx context.Context, dsn string) error {
	_, err := serverdb.Migrate(ctx, dsn)
	return err
}}

// syncServer starts spbe-server's API on the real engines for Pemda 72.10
// with the assessor key enrolled, and returns its address (host:port) and
// the server-configuration file the Pemda hands out, naming url.
func syncServer(t *testing.T, asesor ed25519.PublicKey, url func(host string) string) (host, configFile string) {
	t.Helper()
	ctx := context.Background()
	lib, err := assets.Library()
	if err != nil {
		t.Fatal(err)
	}
	db, err := serverdb.Open(ctx, testsvc.Database(t, serverSchema))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	id := keys.IdentityOf(asesor, time.Time{})
	if _, err := db.Enrol(ctx, "72.10", "Kabupaten Sigi", "operator-uji", []serverdb.AsesorKey{{Identity: id, Name: "Tim Asesor Sigi"}},
		[]string{id.Fingerprint}); err != nil {
		t.Fatal(err)
	}
	bucket := testsvc.S3(t)
	_, receiptKey, _ := ed25519.GenerateKey(rand.Reader)
	srv, err := syncserver.New(syncserver.Config{DB: db, S3: bucket.Client(), Bucket: bucket.Name, Staging: t.TempDir(), Key: receiptKey,
		Name: "https://sync.sigikab.go.id", Library: lib, PartSize: syncserver.MinPartSize, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	host = strings.TrimPrefix(hs.URL, "http://")
	configFile = filepath.Join(t.TempDir(), "spbe-server.json")
	cfg := syncclient.NewServerConfig(url(host), "72.10", "Kabupaten Sigi", receiptKey.Public().(ed25519.PublicKey))
	if err := os.WriteFile(configFile, cfg, 0o600); err != nil {
		t.Fatal(err)
	}
	return host, configFile
}

// TestSyncRoundTrip is issue 15's "done when" through the real command
// line and stores: three OPD installations export and push through a link
// that drops every connection after a few hundred kilobytes; the server
// (PostgreSQL + versitygw) verifies, stores and hands out signed receipts
// the OPDs check; the Tim Asesor publishes its key registry, pulls and
// imports with the unchanged import, reviews and sends feedback back to the
// server; each OPD's `sync feedback` brings its notes home. No stick.
func TestSyncRoundTrip(t *testing.T) {
	const passAsesor = "frasa sandi asesor yang panjang"
	lib, _ := assets.Library()
	c, err := lib.Latest("pemdi-2026")
	if err != nil {
		t.Fatal(err)
	}
	in1 := strconv.Itoa(c.Indicators[0].Number)
	asesorData, keysDir, out := t.TempDir(), t.TempDir(), t.TempDir()
	pass := filepath.Join(t.TempDir(), "frasa")
	os.WriteFile(pass, []byte(passAsesor+"\n"), 0o600)
	akey, err := keys.Open(filepath.Join(asesorData, asesor.DirName)).Create([]byte(passAsesor), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var link *testsvc.FlakyLink
	_, config := syncServer(t, akey.PublicKey, func(host string) string {
		var mu sync.Mutex
		rng := mrand.New(mrand.NewPCG(15, 15))
		link = testsvc.Flaky(t, host, func() int64 { mu.Lock(); defer mu.Unlock(); return 200<<10 + rng.Int64N(700<<10) })
		return link.URL
	})
	server := []string{"--server", link.URL, "--pemda", "72.10"}

	type opd struct{ kode, data, assessment, bundle string }
	opds := []*opd{{kode: "BAPPEDA"}, {kode: "DISKOMINFO"}, {kode: "DINKES"}}
	for _, o := range opds {
		o.data, o.assessment, o.bundle = exportForSync(t, o.kode, in1, keysDir, out)
	}
	for _, o := range opds {
		mustCLI(t, "keys", "add", "--data", asesorData, filepath.Join(keysDir, "kunci-"+o.kode+".json"), "--opd", o.kode)
	}
	var keyList []struct {
		KeyID string `json:"keyid"`
	}
	json.Unmarshal([]byte(mustCLI(t, "keys", "list", "--data", asesorData, "--json")), &keyList)
	for _, k := range keyList {
		mustCLI(t, "keys", "verify", "--data", asesorData, k.KeyID[:16], "--how", "formulir bertanda tangan", "--by", "Budi")
	}
	if got := mustCLI(t, append([]string{"sync", "registry", "--data", asesorData, "--passphrase-file", pass}, server...)...); !strings.Contains(got, "3 kunci") {
		t.Fatalf("registry: %s", got)
	}

	t.Logf("%s: installations ready", time.Now().Format(time.StampMilli))
	// The OPDs push through the dropping link; each receipt is checked
	// against the server key of the configuration file.
	// DINKES goes the GUI's way: the export queues the bundle in the
	// outbox, Kirim ke server pushes with progress against the bytes
	// still missing.
	gui, dinkes := syncPorts(), opds[2]
	if _, err := gui.Outbox.Install(dinkes.data, config); err != nil {
		t.Fatal(err)
	}
	// What the GUI's export (OPDExport.Publish) does after the bundle.
	if err := syncsvc.QueueExported(dinkes.data, dinkes.bundle, nil); err != nil {
		t.Fatal(err)
	}
	var last [2]int64
	if err := gui.Outbox.PushInstalled(context.Background(), dinkes.data, func(done, total int64) { last = [2]int64{done, total} }); err != nil {
		t.Fatalf("GUI push: %v", err)
	}
	if items, err := gui.Outbox.ItemsIn(dinkes.data); err != nil || len(items) != 1 || items[0].State != "done" || items[0].Outcome != "baru" ||
		last[0] != last[1] || last[1] < 1<<20 {
		t.Fatalf("GUI push: %+v %v, progress %v", items, err, last)
	}
	for _, o := range opds[:2] {
		got := mustCLI(t, "sync", "push", o.bundle, "--data", o.data, "--config", config)
		if !strings.Contains(got, "Diterima server (baru)") || !strings.Contains(got, "tanda terima") {
			t.Fatalf("%s push: %s", o.kode, got)
		}
	}
	if link.Cuts.Load() < 3 {
		t.Fatalf("only %d cuts: the link did not drop", link.Cuts.Load())
	}

	t.Logf("%s: pushed, %d cuts", time.Now().Format(time.StampMilli), link.Cuts.Load())
	// The assessor pulls (same link) and imports with the desktop import.
	pulled := mustCLI(t, append([]string{"sync", "pull", "--data", asesorData, "--passphrase-file", pass}, server...)...)
	if !strings.Contains(pulled, "3 bundel: 3 baru") {
		t.Fatalf("pull: %s", pulled)
	}
	var ids []cli.StoredBundle
	json.Unmarshal([]byte(mustCLI(t, "bundles", "--data", asesorData, "--json")), &ids)
	bundleOf := map[string]string{}
	for _, b := range ids {
		bundleOf[b.OPDKode] = b.BundleID
	}
	if len(bundleOf) != 3 {
		t.Fatalf("assessor's bundles after pull: %+v", ids)
	}
	mustCLI(t, "review", "--data", asesorData, "--bundle", bundleOf["DISKOMINFO"], "--indicator", in1, "--status", "revisi",
		"--reason", "bukti tidak tepat", "--note", "SK belum ditandatangani Kepala Dinas", "--by", "Budi")
	for _, k := range []string{"BAPPEDA", "DINKES"} {
		mustCLI(t, "review", "--data", asesorData, "--bundle", bundleOf[k], "--indicator", in1, "--status", "diterima", "--note", "Sesuai", "--by", "Budi")
	}
	back := t.TempDir()
	for _, o := range opds {
		mustCLI(t, "feedback", "export", "--data", asesorData, "--bundle", bundleOf[o.kode], "--out", back, "--passphrase-file", pass)
	}
	files, _ := filepath.Glob(filepath.Join(back, "*.spbe-umpan"))
	mustCLI(t, append(append([]string{"sync", "send-feedback"}, files...), server...)...)

	t.Logf("%s: pulled, reviewed, feedback sent", time.Now().Format(time.StampMilli))
	// Each OPD fetches its notes with its own key (the assessor key
	// trusted deliberately the first time, as from a stick).
	apub := filepath.Join(t.TempDir(), "KUNCI_PUBLIK_ASESOR.json")
	if err := os.WriteFile(apub, keys.MarshalPublic(akey.Identity), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, o := range opds {
		got := mustCLI(t, "sync", "feedback", "--data", o.data, "--passphrase-file", "-", "--assessor-pubkey", apub, "--trust")
		if !strings.Contains(got, "umpan balik diimpor") {
			t.Fatalf("%s sync feedback: %s", o.kode, got)
		}
		var fb []cli.FeedbackView
		json.Unmarshal([]byte(mustCLI(t, "feedback", "show", "--data", o.data, "--assessment", o.assessment, "--json")), &fb)
		if len(fb) != 1 || len(fb[0].Notes) != 1 {
			t.Fatalf("%s feedback: %+v", o.kode, fb)
		}
		want := map[string]string{"DISKOMINFO": "revisi", "BAPPEDA": "diterima", "DINKES": "diterima"}[o.kode]
		if n := fb[0].Notes[0]; n.Status != want || (o.kode == "DISKOMINFO" && !strings.Contains(n.Note, "belum ditandatangani")) {
			t.Fatalf("%s note %+v", o.kode, n)
		}
		if again := mustCLI(t, "sync", "feedback", "--data", o.data, "--passphrase-file", "-"); !strings.Contains(again, "sudah diimpor") {
			t.Fatalf("%s second sync feedback: %s", o.kode, again)
		}
	}
}

// exportForSync makes one OPD installation with an answered, signed
// assessment (1 MiB of evidence) exported to dir; its public key goes to
// keysDir as the Formulir Pendaftaran Kunci would carry it.
func exportForSync(t *testing.T, kode, in1, keysDir, dir string) (data, assessmentID, bundlePath string) {
	t.Helper()
	data = t.TempDir()
	mustCLI(t, "init", "--data", data, "--instansi", "Pemerintah Kabupaten Sigi", "--opd-kode", kode, "--opd-nama", "Dinas "+kode, "--operator", "Rina")
	var a struct {
		ID string `json:"id"`
	}
	json.Unmarshal([]byte(mustCLI(t, "assessment", "new", "--data", data, "--catalog", "pemdi-2026", "--periode", "2026", "--json")), &a)
	ev := filepath.Join(t.TempDir(), "SK "+kode+".pdf")
	body := make([]byte, 1<<20)
	_, _ = rand.Read(body)
	os.WriteFile(ev, append([]byte("%PDF-1.4 SK "+kode+"\n"), body...), 0o644)
	mustCLI(t, "answer", "--data", data, "--assessment", a.ID, "--indicator", in1, "--level", "3", "--justification", "Ada SK "+kode, "--evidence", ev)
	mustCLI(t, "key", "init", "--data", data, "--passphrase-file", "-")
	mustCLI(t, "key", "export-public", filepath.Join(keysDir, "kunci-"+kode+".json"), "--data", data)
	out := t.TempDir()
	mustCLI(t, "export", "--data", data, "--assessment", a.ID, "--out", out, "--passphrase-file", "-")
	got, _ := filepath.Glob(filepath.Join(out, "SPBE_"+kode+"_2026_*.spbe"))
	if len(got) != 1 {
		t.Fatalf("%s export: %v", kode, got)
	}
	return data, a.ID, got[0]
}
