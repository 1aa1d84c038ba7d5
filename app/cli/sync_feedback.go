package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/syncapi"
)

// SyncFeedback is one feedback file fetched from the server for a bundle
// of the outbox.
type SyncFeedback = syncapi.FetchedFeedback

// runSyncFeedback is `sync feedback`: fetch the feedback on every bundle
// the server accepted (a request signed with the OPD key), then import
// each file exactly like `feedback import` (the assessor key must be
// trusted already: the first time, with `feedback import --trust`).
func runSyncFeedback(env *Env, dataDir string, args []string) int {
	if env.Sync.Outbox == nil || env.Services == nil {
		return fail(env, fmt.Errorf("sync feedback tidak tersedia di program ini"))
	}
	fs := newFlagSet(env, "sync feedback")
	fs.StringVar(&dataDir, "data", dataDir, "folder data")
	server, pemda := syncTarget(fs)
	passFile := fs.String("passphrase-file", "", "berkas berisi frasa sandi kunci OPD (\"-\" = masukan standar)")
	var trust assessment.FeedbackReceipt
	fs.StringVar(&trust.KeyFile, "assessor-pubkey", "", "kunci publik Tim Asesor (pertama kali, dengan --trust)")
	fs.BoolVar(&trust.Trust, "trust", false, "percayai kunci asesor ini (setelah sidik jarinya dicocokkan)")
	rest, err := parseArgs(fs, args)
	fillFromInstalled(env.Sync.Outbox, dataDir, server, pemda)
	if err != nil || len(rest) > 0 || *server == "" || *pemda == "" || *passFile == "" {
		return fail(env, usagef("--server, --pemda dan --passphrase-file wajib\n%s", syncUsage))
	}
	pass, err := passphraseFromFile(env, *passFile)
	if err != nil {
		return fail(env, err)
	}
	got, err := env.Sync.Outbox.FetchFeedback(context.Background(), dataDir, SyncConfig{Server: *server, Pemda: *pemda}, pass)
	if err != nil {
		return fail(env, err)
	}
	if len(got) == 0 {
		fmt.Fprintln(env.Stdout, "Belum ada umpan balik di server.")
	}
	return importAllFetched(env, dataDir, got, trust)
}

// importAllFetched imports the fetched files into the data folder; each
// failure is reported with its bundle, the others still imported.
func importAllFetched(env *Env, dataDir string, got []SyncFeedback, trust assessment.FeedbackReceipt) int {
	if len(got) == 0 {
		return ExitOK
	}
	// One open for all files; when it fails, every file reports why.
	svc, openErr := feedbackInbox(env, dataDir)
	if openErr == nil {
		defer svc.Close()
	}
	failed := 0
	for _, fb := range got {
		err := openErr
		if err == nil {
			err = importFetched(env, svc.Inbox, fb, trust)
		}
		if err != nil {
			failed++
			fmt.Fprintf(env.Stderr, "%s: %v\n", fb.Bundle, err)
		}
	}
	if failed > 0 {
		return ExitError
	}
	return ExitOK
}

// importFetched imports one fetched file through the ordinary feedback
// import (via a temp file: that import reads files).
func importFetched(env *Env, inbox assessment.FeedbackInbox, fb SyncFeedback, req assessment.FeedbackReceipt) error {
	f, err := os.CreateTemp("", "umpan-*.spbe-umpan")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(fb.Envelope)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	req.File = f.Name()
	got, err := inbox.Receive(context.Background(), req)
	if err != nil {
		return err
	}
	res := feedbackView(got)
	if res.Known {
		fmt.Fprintf(env.Stdout, "%s: umpan balik sudah diimpor sebelumnya.\n", fb.Bundle)
		return nil
	}
	fmt.Fprintf(env.Stdout, "%s: umpan balik diimpor untuk penilaian %s.\n", fb.Bundle, res.AssessmentID)
	printFeedbackNotes(env, res)
	return nil
}
