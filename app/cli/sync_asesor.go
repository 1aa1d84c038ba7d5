package cli

import (
	"context"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// SyncAsesorDeps is the Tim Asesor's side of the collection server,
// signed with the assessor key (<data>/asesor/keys, unlocked with pass).
type SyncAsesorDeps struct {
	// PublishRegistry signs the workspace's key registry and puts it on
	// the server; n is the number of OPD keys listed.
	PublishRegistry func(ctx context.Context, dataDir string, cfg SyncConfig, pass []byte) (n int, err error)
	// Pull fetches the bundles the server decided since the workspace's
	// cursor and imports them with the ordinary import; the cursor moves
	// only past what was imported.
	Pull func(ctx context.Context, dataDir string, cfg SyncConfig, pass []byte) ([]intake.Outcome, error)
	// SendFeedback puts an exported .spbe-umpan file on the server for the
	// OPD (already signed: no passphrase); added false: it was there.
	SendFeedback func(ctx context.Context, cfg SyncConfig, file string) (added bool, err error)
}

// runSyncSendFeedback is `sync send-feedback BERKAS.spbe-umpan…` (assessor).
func runSyncSendFeedback(env *Env, args []string) int {
	deps := env.Sync.Asesor
	if deps == nil || deps.SendFeedback == nil {
		return fail(env, fmt.Errorf("sync send-feedback tidak tersedia di program ini"))
	}
	fs := newFlagSet(env, "sync send-feedback")
	fs.String("data", "", "folder data (tidak dipakai)")
	server, pemda := syncTarget(fs)
	files, err := parseArgs(fs, args)
	if err != nil || len(files) == 0 || *server == "" || *pemda == "" {
		return fail(env, usagef("pakai: spbe-mandiri sync send-feedback BERKAS.spbe-umpan… --server URL --pemda KODE"))
	}
	for _, f := range files {
		added, err := deps.SendFeedback(context.Background(), SyncConfig{Server: *server, Pemda: *pemda}, f)
		switch {
		case err != nil:
			return fail(env, fmt.Errorf("%s: %w", f, err))
		case added:
			fmt.Fprintf(env.Stdout, "%s: terkirim; OPD menerimanya pada `sync feedback` berikutnya.\n", f)
		default:
			fmt.Fprintf(env.Stdout, "%s: sudah ada di server.\n", f)
		}
	}
	return ExitOK
}

// runSyncAsesor is `sync registry` and `sync pull` (assessor).
func runSyncAsesor(env *Env, dataDir, sub string, args []string) int {
	deps := env.Sync.Asesor
	if deps == nil {
		return fail(env, fmt.Errorf("sync %s tidak tersedia di program ini", sub))
	}
	fs := newFlagSet(env, "sync "+sub)
	fs.StringVar(&dataDir, "data", dataDir, "folder data")
	server, pemda := syncTarget(fs)
	passFile := fs.String("passphrase-file", "", "berkas berisi frasa sandi kunci asesor (\"-\" = masukan standar)")
	if rest, err := parseArgs(fs, args); err != nil || len(rest) > 0 {
		return fail(env, usagef("%s", syncUsage))
	}
	if *server == "" || *pemda == "" || *passFile == "" {
		return fail(env, usagef("--server, --pemda dan --passphrase-file wajib\n%s", syncUsage))
	}
	pass, err := passphraseFromFile(env, *passFile)
	if err != nil {
		return fail(env, err)
	}
	cfg := SyncConfig{Server: *server, Pemda: *pemda}
	if sub == "registry" {
		n, err := deps.PublishRegistry(context.Background(), dataDir, cfg, pass)
		if err != nil {
			return fail(env, err)
		}
		fmt.Fprintf(env.Stdout, "Daftar kunci terkirim ke server: %d kunci OPD.\n", n)
		return ExitOK
	}
	out, err := deps.Pull(context.Background(), dataDir, cfg, pass)
	if len(out) == 0 && err == nil {
		fmt.Fprintln(env.Stdout, "Tidak ada bundel baru di server.")
	}
	writeImportLines(env.Stdout, out)
	if err != nil {
		return fail(env, err)
	}
	if countRejected(out) > 0 {
		return ExitError
	}
	return ExitOK
}
