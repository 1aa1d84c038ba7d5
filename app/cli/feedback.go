package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
)

func init() {
	register(command{
		name: "feedback",
		summary: "umpan balik asesor: feedback export --bundle ID --out FOLDER --passphrase-file BERKAS (asesor) | " +
			"feedback import BERKAS [--assessor-pubkey BERKAS [--trust|--retrust]] | feedback show --assessment ID | feedback keys | feedback untrust KEYID (OPD) — assessor feedback",
		run: runFeedback,
	})
}

const feedbackUsage = "pakai: spbe-mandiri feedback export --bundle ID --out FOLDER [--passphrase-file BERKAS] [--name NAMA]   (asesor)\n" +
	"       spbe-mandiri feedback import BERKAS [--assessor-pubkey BERKAS [--trust|--retrust]]   (OPD)\n" +
	"       spbe-mandiri feedback show --assessment ID [--json]   (OPD)\n" +
	"       spbe-mandiri feedback keys [--json]   (OPD: kunci asesor tepercaya)\n" +
	"       spbe-mandiri feedback untrust KEYID [--json]   (OPD: cabut kepercayaan; umpan balik yang sudah diimpor tetap)"

// FeedbackView is `feedback import --json` and one entry of `feedback show
// --json`: the CLI's encoding of assessment.FeedbackReceived.
type FeedbackView struct {
	AssessmentID string `json:"assessment_id"`
	BundleID     string `json:"bundle_id"`
	Sequence     uint64 `json:"sequence"`
	Asesor       string `json:"assessor"`
	Fingerprint  string `json:"fingerprint"` // of the key that verified the signature
	CreatedAt    string `json:"created_at"`
	// KeyWithdrawnAt is when the trust in the signing key was withdrawn
	// ("" = trusted): kept, but not the assessor's word any more.
	KeyWithdrawnAt string             `json:"key_withdrawn_at,omitempty"`
	Known          bool               `json:"already_imported,omitempty"`
	Trusted        bool               `json:"trusted_now,omitempty"` // the assessor key was trusted by this import
	Notes          []FeedbackNoteView `json:"notes"`
	// Superseded says why this import is history and not the current
	// feedback (a newer one was imported before it); "" when current.
	Superseded string `json:"superseded,omitempty"`
}

// FeedbackNoteView is one indicator's note from the assessor.
type FeedbackNoteView struct {
	Indicator  int    `json:"indicator"`
	Status     string `json:"status"`
	Reason     string `json:"reason,omitempty"`
	Value      string `json:"value,omitempty"`
	Note       string `json:"note,omitempty"`
	Reviewer   string `json:"reviewer"`
	ReviewedAt string `json:"reviewed_at"` // as signed
	// Computed and Items: the item review (feedback format 2).
	Computed string             `json:"computed_value,omitempty"`
	Items    []FeedbackItemView `json:"evidence_items,omitempty"`
}

// FeedbackItemView is the assessor's verdict on one evidence item.
type FeedbackItemView struct {
	Code   string `json:"code"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
	Note   string `json:"note,omitempty"`
}

// feedbackView encodes r for the command line (the withdrawal in local
// time, to the minute).
func feedbackView(r assessment.FeedbackReceived) FeedbackView {
	out := FeedbackView{AssessmentID: r.AssessmentID, BundleID: r.BundleID, Sequence: r.Sequence, Asesor: r.Asesor,
		Fingerprint: r.Fingerprint, CreatedAt: r.CreatedAt, Known: r.Known, Trusted: r.TrustedNow,
		Notes: []FeedbackNoteView{}, Superseded: r.Superseded}
	if !r.KeyWithdrawnAt.IsZero() {
		out.KeyWithdrawnAt = r.KeyWithdrawnAt.Local().Format("2006-01-02 15:04")
	}
	for _, n := range r.Notes {
		v := FeedbackNoteView{Indicator: n.Indicator, Status: n.Status, Reason: n.Reason, Value: n.Value, Note: n.Note,
			Reviewer: n.Reviewer, ReviewedAt: n.ReviewedAtSigned, Computed: n.Computed}
		for _, it := range n.Items {
			v.Items = append(v.Items, FeedbackItemView(it))
		}
		out.Notes = append(out.Notes, v)
	}
	return out
}

var errNoInbox = errors.New("umpan balik asesor tidak tersedia di build ini")

// feedbackInbox opens the data folder for `feedback import|show`.
func feedbackInbox(env *Env, dataDir string) (*Services, error) {
	svc, err := openData(env, dataDir)
	if err != nil {
		return nil, err
	}
	if svc.Inbox == nil {
		svc.Close()
		return nil, errNoInbox
	}
	return svc, nil
}

func runFeedback(env *Env, args []string) int {
	sub, rest, err := withData(args)
	if err != nil {
		return fail(env, err)
	}
	if sub == "keys" || sub == "untrust" {
		return runFeedbackTrust(env, sub, rest)
	}
	fs := newFlagSet(env, "feedback "+sub)
	f := feedbackFlags{dataDir: fs.String("data", "", "folder data"), asJSON: fs.Bool("json", false, "keluaran JSON")}
	if !f.declare(fs, sub) {
		return fail(env, usagef("%s", feedbackUsage))
	}
	pos, err := parseArgs(fs, rest)
	if err != nil {
		return fail(env, usagef("%s", feedbackUsage))
	}
	switch sub {
	case "export":
		if err := hasAsesor(env); err != nil {
			return fail(env, err)
		}
		return runFeedbackExport(env, f, pos)
	case "import":
		return runFeedbackImport(env, f, pos)
	}
	return runFeedbackShow(env, f, pos)
}

// feedbackFlags are the flags of `feedback export|import|show`; each
// subcommand declares only its own, the others stay nil.
type feedbackFlags struct {
	dataDir                                          *string
	asJSON                                           *bool
	bundleID, out, passFile, name, pubFile, assessID *string
	trust, retrust                                   *bool
}

// declare adds the flags of sub to fs (false: no such subcommand).
func (f *feedbackFlags) declare(fs *flag.FlagSet, sub string) bool {
	switch sub {
	case "export":
		f.bundleID = fs.String("bundle", "", "id bundel OPD yang ditelaah")
		f.out = fs.String("out", "", "folder tujuan, mis. flashdisk USB")
		f.passFile = fs.String("passphrase-file", "", "berkas berisi frasa sandi kunci asesor (\"-\" = masukan standar)")
		f.name = fs.String("name", "Tim Asesor Internal", "nama tim asesor di berkas")
	case "import":
		f.pubFile = fs.String("assessor-pubkey", "", "berkas kunci publik asesor")
		f.trust = fs.Bool("trust", false, "percayai kunci asesor ini (pertama kali, setelah sidik jari dicocokkan)")
		f.retrust = fs.Bool("retrust", false, "percayai lagi kunci asesor yang kepercayaannya pernah dicabut (setelah sidik jari dicocokkan lagi)")
	case "show":
		f.assessID = fs.String("assessment", "", "id penilaian")
	default:
		return false
	}
	return true
}

// runFeedbackExport is `feedback export` on the assessor's side.
func runFeedbackExport(env *Env, f feedbackFlags, pos []string) int {
	if len(pos) != 0 || *f.bundleID == "" || *f.out == "" {
		return fail(env, usagef("%s", feedbackUsage))
	}
	if *f.passFile == "" {
		return fail(env, usagef("frasa sandi kunci asesor diperlukan: --passphrase-file BERKAS"))
	}
	pass, err := passphraseFromFile(env, *f.passFile)
	if err != nil {
		return fail(env, err)
	}
	res, err := callAsesor(env, *f.dataDir, func(ws asesorport.Workspace) (assessment.FeedbackExported, error) {
		return ws.SignFeedback(context.Background(),
			assessment.FeedbackExportRequest{BundleID: *f.bundleID, OutDir: *f.out, Name: *f.name, Passphrase: pass})
	})
	if err != nil {
		return fail(env, err)
	}
	if *f.asJSON {
		return writeJSON(env, res)
	}
	if res.KeyCreated {
		fmt.Fprintf(env.Stderr, "Kunci asesor baru dibuat (sidik jari %s). Simpan cadangannya: spbe-mandiri key backup --asesor BERKAS\n", res.Fingerprint)
	}
	fmt.Fprintf(env.Stdout, "Umpan balik   : %s\n", res.Path)
	fmt.Fprintf(env.Stdout, "Untuk         : %s periode %d, bundel nomor urut %d (%d indikator)\n", res.OPDKode, res.Periode, res.Sequence, res.Items)
	fmt.Fprintf(env.Stdout, "Kunci publik  : %s\n", res.PublicKeyPath)
	fmt.Fprintf(env.Stdout, "Sidik jari    : %s\n", res.Fingerprint)
	fmt.Fprintln(env.Stdout, "OPD mencocokkan sidik jari ini (telepon ke nomor yang dikenal) sebelum memakai --trust pertama kali.")
	return ExitOK
}

// runFeedbackImport is `feedback import FILE` on the OPD's side.
func runFeedbackImport(env *Env, f feedbackFlags, pos []string) int {
	if len(pos) != 1 || ((*f.trust || *f.retrust) && *f.pubFile == "") {
		return fail(env, usagef("%s", feedbackUsage))
	}
	svc, err := feedbackInbox(env, *f.dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	got, err := svc.Inbox.Receive(context.Background(),
		assessment.FeedbackReceipt{File: pos[0], KeyFile: *f.pubFile, Trust: *f.trust, Retrust: *f.retrust})
	if err != nil {
		return fail(env, err)
	}
	res := feedbackView(got)
	if *f.asJSON {
		return writeJSON(env, res)
	}
	switch {
	case res.Trusted && *f.retrust:
		fmt.Fprintf(env.Stdout, "Kunci asesor dipercaya lagi: sidik jari %s\n", res.Fingerprint)
	case res.Trusted:
		fmt.Fprintf(env.Stdout, "Kunci asesor dipercaya: sidik jari %s\n", res.Fingerprint)
	}
	if res.Known {
		fmt.Fprintln(env.Stdout, "Umpan balik ini sudah diimpor sebelumnya.")
	} else {
		fmt.Fprintf(env.Stdout, "Umpan balik diimpor untuk penilaian %s (bundel nomor urut %d).\n", res.AssessmentID, res.Sequence)
	}
	if res.Superseded != "" {
		fmt.Fprintf(env.Stdout, "Catatan: %s.\n", res.Superseded)
	}
	printFeedbackNotes(env, res)
	return ExitOK
}

// runFeedbackShow is `feedback show --assessment ID` on the OPD's side.
func runFeedbackShow(env *Env, f feedbackFlags, pos []string) int {
	if len(pos) != 0 || *f.assessID == "" {
		return fail(env, usagef("%s", feedbackUsage))
	}
	svc, err := feedbackInbox(env, *f.dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	got, err := svc.Inbox.Received(context.Background(), *f.assessID)
	if err != nil {
		return fail(env, err)
	}
	list := []FeedbackView{}
	for _, r := range got {
		list = append(list, feedbackView(r))
	}
	if *f.asJSON {
		return writeJSON(env, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stdout, "Belum ada umpan balik asesor untuk penilaian ini.")
		return ExitOK
	}
	for i, r := range list {
		if i > 0 {
			fmt.Fprintln(env.Stdout)
		}
		fmt.Fprintf(env.Stdout, "Umpan balik %s (%s, sidik jari %s) atas bundel nomor urut %d:\n", r.CreatedAt, r.Asesor, r.Fingerprint, r.Sequence)
		if r.KeyWithdrawnAt != "" {
			fmt.Fprintf(env.Stdout, "  [KUNCI DICABUT %s: kepercayaan pada kunci ini dicabut; catatan ini tidak ditampilkan di aplikasi]\n", r.KeyWithdrawnAt)
		}
		printFeedbackNotes(env, r)
	}
	return ExitOK
}

func printFeedbackNotes(env *Env, r FeedbackView) {
	for _, n := range r.Notes {
		s := n.Status
		if n.Reason != "" {
			s += " (" + n.Reason + ")"
		}
		if n.Value != "" {
			s += ", nilai asesor " + strings.Replace(n.Value, ".", ",", 1)
		}
		fmt.Fprintf(env.Stdout, "  Indikator %d: %s", n.Indicator, s)
		if n.Note != "" {
			fmt.Fprintf(env.Stdout, " — %s", n.Note)
		}
		fmt.Fprintln(env.Stdout)
		printFeedbackItems(env, n)
	}
}

// runFeedbackTrust is `feedback keys` and `feedback untrust KEYID` on the
// OPD's store: the assessor keys this installation trusts for feedback.
func runFeedbackTrust(env *Env, sub string, args []string) int {
	fs := newFlagSet(env, "feedback "+sub)
	dataDir := fs.String("data", "", "folder data")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	pos, err := parseArgs(fs, args)
	if err != nil || (sub == "keys" && len(pos) != 0) || (sub == "untrust" && len(pos) != 1) {
		return fail(env, usagef("%s", feedbackUsage))
	}
	svc, err := openData(env, *dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	trust, ok := svc.Store.(assessment.AsesorTrust)
	if !ok {
		return fail(env, errors.New("penyimpanan ini tidak menyimpan kunci asesor"))
	}
	if sub == "untrust" {
		return runFeedbackUntrust(env, trust, pos[0], *asJSON)
	}
	return listTrustedAsesors(env, trust, *asJSON)
}

// runFeedbackUntrust is `feedback untrust KEYID`.
func runFeedbackUntrust(env *Env, trust assessment.AsesorTrust, keyID string, asJSON bool) int {
	k, err := trust.UntrustAsesor(context.Background(), keyID)
	if err != nil {
		return fail(env, err)
	}
	if asJSON {
		return writeJSON(env, k)
	}
	fmt.Fprintf(env.Stdout, "Kunci asesor %s (sidik jari %s) tidak dipercaya lagi.\n", shortID(k.KeyID), k.Fingerprint)
	fmt.Fprintln(env.Stdout, "Umpan balik yang sudah diimpor tetap tersimpan; umpan balik baru dari kunci ini ditolak sampai dipercaya lagi.")
	return ExitOK
}

// listTrustedAsesors is `feedback keys`.
func listTrustedAsesors(env *Env, trust assessment.AsesorTrust, asJSON bool) int {
	list, err := trust.TrustedAsesorKeys(context.Background())
	if err != nil {
		return fail(env, err)
	}
	if asJSON {
		if list == nil {
			list = []assessment.TrustedAsesorKey{}
		}
		return writeJSON(env, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stdout, "Belum ada kunci asesor tepercaya. Kunci dipercaya saat umpan balik pertama diimpor (setelah sidik jarinya dicocokkan).")
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "%-17s  %-35s  %-16s  %s\n", "KEY ID", "SIDIK JARI", "DIPERCAYA", "SUMBER")
	for _, k := range list {
		fmt.Fprintf(env.Stdout, "%-17s  %-35s  %-16s  %s\n", shortID(k.KeyID), k.Fingerprint, k.TrustedAt.Local().Format("2006-01-02 15:04"), k.Source)
	}
	return ExitOK
}

// shortID is the first 16 hex digits of a key id, enough to name it in
// `feedback untrust`.
func shortID(id string) string {
	if len(id) > 16 {
		return id[:16]
	}
	return id
}
