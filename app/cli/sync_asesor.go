package cli

import (
	"context"
	"fmt"

	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// The Tim Asesor's side of the collection server: `sync registry` and
// `sync pull` run on the assessor's workspace (asesorport.Server, signed
// with the assessor key in <data>/asesor/keys); `sync send-feedback`
// needs no workspace (SyncDeps.Feedback: the file is signed already).

// runSyncSendFeedback is `sync send-feedback BERKAS.spbe-umpan…` (assessor).
func runSyncSendFeedback(env *Env, args []string) int {
	if env.Sync == nil || env.Sync.Feedback == nil {
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
		added, err := env.Sync.Feedback.Send(context.Background(), SyncConfig{Server: *server, Pemda: *pemda}, f)
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
	if env.OpenAsesor == nil {
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
	ctx := context.Background()
	if sub == "registry" {
		n, err := callAsesor(env, dataDir, func(ws asesorport.Workspace) (int, error) {
			return ws.PublishRegistry(ctx, *server, *pemda, pass)
		})
		if err != nil {
			return fail(env, err)
		}
		fmt.Fprintf(env.Stdout, "Daftar kunci terkirim ke server: %d kunci OPD.\n", n)
		return ExitOK
	}
	out, err := callAsesor(env, dataDir, func(ws asesorport.Workspace) ([]intake.Outcome, error) {
		return ws.Pull(ctx, *server, *pemda, pass)
	})
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
