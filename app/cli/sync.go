package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
)

func init() {
	register(command{
		name: "sync",
		summary: "server pengumpul: sync push [BUNDEL.spbe…] | sync status [--json] | sync registry | sync pull (asesor)" +
			" --server URL --pemda KODE — the collection server",
		run: runSync,
	})
}

// SyncConfig names the collection server (syncapi.Target).
type SyncConfig = syncapi.Target

// SyncDeps is the collection server, the same ports as the GUI's: the
// OPD's outbox (dataDir "" is the default data folder; nil: push, status
// and feedback are not available) and the Tim Asesor's feedback relay
// (sync_asesor.go; nil: send-feedback is not available).
type SyncDeps = syncapi.Ports

var errNoSync = errors.New("pengiriman ke server tidak tersedia di program ini")

// outbox is env.Sync.Outbox, or an error when it is not wired.
func outbox(env *Env) (syncapi.Outbox, error) {
	if env.Sync.Outbox == nil {
		return nil, errNoSync
	}
	return env.Sync.Outbox, nil
}

const syncUsage = "pakai: spbe-mandiri sync push [BUNDEL.spbe…] [--config spbe-server.json] [--server URL] [--pemda KODE] | sync status [--json]\n" +
	"  umpan balik: sync feedback [--server URL --pemda KODE] --passphrase-file BERKAS (kunci OPD) [--assessor-pubkey BERKAS --trust]\n" +
	"  Tim Asesor: sync registry | sync pull  --server URL --pemda KODE --passphrase-file BERKAS\n" +
	"              sync send-feedback BERKAS.spbe-umpan… --server URL --pemda KODE\n" +
	"  server dan pemda juga dari variabel SPBE_SYNC_SERVER dan SPBE_SYNC_PEMDA"

func runSync(env *Env, args []string) int {
	if env.Sync == nil {
		return fail(env, errNoSync)
	}
	rest, dataDir, err := splitGlobalData(args)
	if err != nil {
		return fail(env, err)
	}
	if len(rest) == 0 {
		return fail(env, usagef("%s", syncUsage))
	}
	switch rest[0] {
	case "push":
		return runSyncPush(env, dataDir, rest[1:])
	case "status":
		return runSyncStatus(env, dataDir, rest[1:])
	case "registry", "pull":
		return runSyncAsesor(env, dataDir, rest[0], rest[1:])
	case "feedback":
		return runSyncFeedback(env, dataDir, rest[1:])
	case "send-feedback":
		return runSyncSendFeedback(env, rest[1:])
	}
	return fail(env, usagef("%s", syncUsage))
}

func runSyncPush(env *Env, dataDir string, args []string) int {
	fs := newFlagSet(env, "sync push")
	fs.StringVar(&dataDir, "data", dataDir, "folder data")
	server, pemda := syncTarget(fs)
	config := fs.String("config", os.Getenv("SPBE_SYNC_CONFIG"), "berkas konfigurasi server dari Pemda (spbe-server.json; dipasang sekali)")
	files, err := parseArgs(fs, args)
	if err != nil {
		return fail(env, err)
	}
	ob, err := outbox(env)
	if err != nil {
		return fail(env, err)
	}
	fillFromInstalled(ob, dataDir, server, pemda)
	if *config == "" && (*server == "" || *pemda == "") {
		return fail(env, usagef("--server dan --pemda wajib (atau SPBE_SYNC_SERVER, SPBE_SYNC_PEMDA)\n%s", syncUsage))
	}
	for _, f := range files {
		if err := ob.Add(dataDir, f); err != nil {
			return fail(env, err)
		}
	}
	err = ob.Push(context.Background(), dataDir, SyncConfig{Server: *server, Pemda: *pemda, Config: *config}, func(it syncapi.OutboxItem) {
		fmt.Fprintln(env.Stdout, SyncLine(it))
	})
	if errors.Is(err, syncapi.ErrReceipt) || errors.Is(err, syncapi.ErrNoServerConfig) {
		fmt.Fprintln(env.Stderr, "Bundel tetap di antrean: tanda terima server tidak dapat diterima.")
		return fail(env, err)
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "Menunggu jaringan: server belum dapat dijangkau; bundel tetap di antrean dan dikirim lagi pada `sync push` berikutnya.")
		return fail(env, err)
	}
	return ExitOK
}

// fillFromInstalled takes the server and Pemda not given from the
// installed server configuration.
func fillFromInstalled(ob syncapi.Outbox, dataDir string, server, pemda *string) {
	if *server != "" && *pemda != "" {
		return
	}
	if c, ok := ob.Installed(dataDir); ok {
		*server, *pemda = c.Server, c.Pemda
	}
}

// syncTarget adds --server and --pemda (defaults from the environment).
func syncTarget(fs *flag.FlagSet) (server, pemda *string) {
	server = fs.String("server", os.Getenv("SPBE_SYNC_SERVER"), "URL server pengumpul")
	pemda = fs.String("pemda", os.Getenv("SPBE_SYNC_PEMDA"), "kode wilayah Pemda, mis. 72.10")
	return server, pemda
}

func runSyncStatus(env *Env, dataDir string, args []string) int {
	fs := newFlagSet(env, "sync status")
	fs.StringVar(&dataDir, "data", dataDir, "folder data")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	if rest, err := parseArgs(fs, args); err != nil || len(rest) > 0 {
		return fail(env, usagef("%s", syncUsage))
	}
	ob, err := outbox(env)
	if err != nil {
		return fail(env, err)
	}
	items, err := ob.Items(dataDir)
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		if items == nil {
			items = []syncapi.OutboxItem{}
		}
		return writeJSON(env, items)
	}
	if len(items) == 0 {
		fmt.Fprintln(env.Stdout, "Antrean kosong: belum ada bundel untuk dikirim ke server.")
	}
	for _, it := range items {
		fmt.Fprintln(env.Stdout, SyncLine(it))
	}
	return ExitOK
}

// SyncLine is one outbox entry as the officer reads it:
// "SPBE_X_2026_3.spbe: Diterima server (baru) — tanda terima 2026-12-01 10:02 WITA".
func SyncLine(it syncapi.OutboxItem) string {
	name := assessment.InertLine(it.Name)
	switch it.State {
	case "done":
		return fmt.Sprintf("%s: Diterima server (%s)%s", name, it.Outcome, receiptTime(it.Receipt))
	case "rejected":
		return fmt.Sprintf("%s: Ditolak server (%s): %s", name, it.Code, assessment.InertLine(it.Reason))
	case "sending":
		return fmt.Sprintf("%s: Sedang dikirim (percobaan %d)", name, it.Attempts)
	}
	if it.Code == syncapi.CodeUnknownKey {
		return fmt.Sprintf("%s: Menunggu kunci — Tim Asesor belum mendaftarkan kunci OPD ini di server; dikirim lagi otomatis", name)
	}
	if it.Reason != "" {
		return fmt.Sprintf("%s: Menunggu jaringan (percobaan %d: %s)", name, it.Attempts, assessment.InertLine(it.Reason))
	}
	return name + ": Dalam antrean"
}

// receiptTime is " — tanda terima <server time, local zone>".
func receiptTime(env []byte) string {
	r, err := syncapi.ReadReceipt(env)
	if err != nil {
		return ""
	}
	when, err := syncapi.ReceiptTime(r, time.Local)
	if err != nil {
		return ""
	}
	return " — tanda terima " + when
}
