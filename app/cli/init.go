package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func init() {
	register(command{
		name:    "init",
		summary: "isi profil OPD: init --instansi N --opd-kode K --opd-nama N --operator N — set up the data folder",
		run:     runInit,
	})
}

func runInit(env *Env, args []string) int {
	fs := newFlagSet(env, "init")
	dataDir := fs.String("data", "", "folder data")
	var p assessment.Profile
	fs.StringVar(&p.Instansi, "instansi", "", "nama pemerintah daerah, mis. \"Pemerintah Kabupaten Sigi\"")
	fs.StringVar(&p.OPDKode, "opd-kode", "", "kode singkat OPD: huruf A–Z, angka 0–9 dan tanda hubung (-), mis. DISKOMINFO")
	fs.StringVar(&p.OPDNama, "opd-nama", "", "nama lengkap OPD")
	fs.StringVar(&p.Operator, "operator", "", "nama operator yang mengisi")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return fail(env, err)
	}
	if len(rest) > 0 || p.Instansi == "" || p.OPDKode == "" || p.OPDNama == "" || p.Operator == "" {
		return fail(env, usagef("pakai: spbe-mandiri init --instansi NAMA --opd-kode KODE --opd-nama NAMA --operator NAMA"))
	}
	// Checked before the data folder is touched, with the rule export uses.
	if p.OPDKode, err = assessment.ParseOPDCode(p.OPDKode); err != nil {
		return fail(env, err)
	}
	svc, err := openData(env, *dataDir)
	if err != nil {
		return fail(env, err)
	}
	defer svc.Close()
	if err := svc.Store.SaveProfile(context.Background(), p); err != nil {
		return fail(env, err)
	}
	if *asJSON {
		return writeJSON(env, struct {
			DataDir string             `json:"data_dir"`
			Profile assessment.Profile `json:"profile"`
		}{svc.DataDir, p})
	}
	fmt.Fprintf(env.Stdout, "profil tersimpan di %s: %s — %s (%s), operator %s\n", svc.DataDir, p.Instansi, p.OPDNama, p.OPDKode, p.Operator)
	return ExitOK
}

// openData opens the data folder for a command.
func openData(env *Env, dir string) (*Services, error) {
	if env.Services == nil {
		return nil, errors.New("folder data tidak tersedia di lingkungan ini")
	}
	return env.Services(dir)
}

// operatorFor returns the --operator value or the profile's operator.
func operatorFor(ctx context.Context, s assessment.Store, flagValue string) (string, error) {
	if op := strings.TrimSpace(flagValue); op != "" {
		return op, nil
	}
	p, err := s.Profile(ctx)
	if err != nil {
		return "", err
	}
	return p.Operator, nil
}

// withData splits a leading --data off args (as the dispatcher puts it
// there) for commands with subcommands, and puts it back for the
// subcommand's own flag set.
func withData(args []string) (sub string, rest []string, err error) {
	args, dataDir, err := splitGlobalData(args)
	if err != nil || len(args) == 0 {
		return "", nil, err
	}
	rest = args[1:]
	if dataDir != "" {
		rest = append([]string{"--data", dataDir}, rest...)
	}
	return args[0], rest, nil
}

// optionalSub splits the global --data off args and reports whether the
// command starts with the optional subcommand sub (`review show …` beside
// `review …`), returning the arguments after it.
func optionalSub(args []string, sub string) (rest []string, dataDir string, given bool, err error) {
	rest, dataDir, err = splitGlobalData(args)
	if err != nil {
		return nil, "", false, err
	}
	if len(rest) > 0 && rest[0] == sub {
		return rest[1:], dataDir, true, nil
	}
	return rest, dataDir, false, nil
}

// parseArgs parses flags anywhere among the positional arguments, so
// `assessment show ID --json` works like `assessment show --json ID`.
// Everything after "--" is positional.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError{err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}
