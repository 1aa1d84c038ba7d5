package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
)

func init() {
	register(command{
		name:    "keys",
		summary: "asesor: daftar kunci OPD: keys list | add BERKAS [--opd KODE] | verify KEYID --how TEKS [--by NAMA] | revoke KEYID — assessor: key registry",
		run:     runKeys,
	})
}

const keysUsage = "pakai: spbe-mandiri keys list | keys add BERKAS... [--opd KODE] | keys verify KEYID --how TEKS [--by NAMA] | keys revoke KEYID [--json]"

func runKeys(env *Env, args []string) int {
	sub, rest, err := withData(args)
	if err != nil {
		return fail(env, err)
	}
	run, ok := map[string]func(*Env, []string) int{
		"list": runKeysList, "add": runKeysAdd, "verify": runKeysVerify, "revoke": runKeysRevoke,
	}[sub]
	if !ok {
		return fail(env, usagef("%s", keysUsage))
	}
	return run(env, rest)
}

// keysCmd is the shared flag handling of the keys subcommands.
type keysCmd struct {
	dataDir      string
	asJSON       bool
	opd, how, by string
	args         []string
}

func parseKeysCmd(env *Env, name string, args []string, minArgs, maxArgs int) (*keysCmd, error) {
	c := &keysCmd{}
	fs := newFlagSet(env, "keys "+name)
	fs.StringVar(&c.dataDir, "data", "", "folder data")
	fs.BoolVar(&c.asJSON, "json", false, "keluaran JSON")
	switch name {
	case "add":
		fs.StringVar(&c.opd, "opd", "", "kode OPD pemilik kunci (bila kosong: diikat oleh bundel pertama yang diterima)")
	case "verify":
		fs.StringVar(&c.how, "how", "", "cara sidik jari dicocokkan (wajib), mis. \"formulir bertanda tangan Kepala OPD\"")
		fs.StringVar(&c.by, "by", "", "nama asesor yang mencocokkan (bawaan: nama pengguna sistem)")
	}
	rest, err := parseArgs(fs, args)
	if err != nil {
		return nil, err
	}
	if len(rest) < minArgs || len(rest) > maxArgs {
		return nil, usagef("%s", keysUsage)
	}
	c.args = rest
	return c, hasAsesor(env)
}

func runKeysList(env *Env, args []string) int {
	c, err := parseKeysCmd(env, "list", args, 0, 0)
	if err != nil {
		return fail(env, err)
	}
	list, err := callAsesor(env, c.dataDir, func(ws asesorport.Workspace) ([]assessment.RegisteredKey, error) {
		return ws.Keys(context.Background())
	})
	if err != nil {
		return fail(env, err)
	}
	if c.asJSON {
		if list == nil {
			list = []assessment.RegisteredKey{}
		}
		return writeJSON(env, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stdout, "Daftar kunci kosong. Daftarkan kunci publik OPD dengan `spbe-mandiri keys add BERKAS`.")
		return ExitOK
	}
	for i, k := range list {
		if i > 0 {
			fmt.Fprintln(env.Stdout)
		}
		printRegistryKey(env.Stdout, k)
	}
	return ExitOK
}

func printRegistryKey(w io.Writer, k assessment.RegisteredKey) {
	opd := k.OPDKode
	if opd == "" {
		opd = "(belum terikat ke OPD)"
	}
	fmt.Fprintf(w, "OPD            : %s\n", opd)
	fmt.Fprintf(w, "Status         : %s\n", k.Status.Label())
	fmt.Fprintf(w, "Sidik jari     : %s\n", k.Fingerprint)
	fmt.Fprintf(w, "Key ID         : %s\n", k.KeyID)
	fmt.Fprintf(w, "Didaftarkan    : %s dari %s\n", k.FirstSeen.Local().Format("2006-01-02 15:04"), k.Source)
	if !k.VerifiedAt.IsZero() {
		fmt.Fprintf(w, "Diverifikasi   : %s oleh %s — %s\n", k.VerifiedAt.Local().Format("2006-01-02 15:04"), k.VerifiedBy, k.VerifiedHow)
	}
	if !k.RevokedAt.IsZero() {
		fmt.Fprintf(w, "Dicabut        : %s\n", k.RevokedAt.Local().Format("2006-01-02 15:04"))
	}
	fmt.Fprintf(w, "Nomor urut     : %d (tertinggi yang sudah diimpor)\n", k.LastSequence)
}

func runKeysAdd(env *Env, args []string) int {
	c, err := parseKeysCmd(env, "add", args, 1, 1<<20)
	if err != nil {
		return fail(env, err)
	}
	return withAsesor(env, c.dataDir, func(ws asesorport.Workspace) int { return addKeys(env, ws, c) })
}

// addKeys is `keys add` on the open workspace.
func addKeys(env *Env, ws asesorport.Workspace, c *keysCmd) int {
	var out []map[string]any
	for i, f := range c.args {
		k, added, err := ws.AddKey(context.Background(), f, c.opd)
		if err != nil {
			return fail(env, err)
		}
		if c.asJSON {
			out = append(out, map[string]any{"file": f, "added": added, "key": k})
			continue
		}
		if i > 0 {
			fmt.Fprintln(env.Stdout)
		}
		if added {
			fmt.Fprintf(env.Stdout, "Kunci didaftarkan (menunggu verifikasi): %s\n", f)
		} else {
			fmt.Fprintf(env.Stdout, "Kunci sudah terdaftar: %s\n", f)
		}
		printRegistryKey(env.Stdout, k)
		if k.Status == "pending" {
			fmt.Fprintf(env.Stdout, "\nCocokkan sidik jari di atas dengan Formulir Pendaftaran Kunci yang ditandatangani Kepala OPD\n"+
				"(atau lewat telepon ke nomor kantor yang sudah dikenal), lalu:\n"+
				"  spbe-mandiri keys verify %.16s --how \"CARA MENCOCOKKAN\"\n", k.KeyID)
		}
	}
	if c.asJSON {
		return writeJSON(env, out)
	}
	return ExitOK
}

func runKeysVerify(env *Env, args []string) int {
	c, err := parseKeysCmd(env, "verify", args, 1, 1)
	if err != nil {
		return fail(env, err)
	}
	if c.how == "" {
		return fail(env, usagef("--how wajib: tulis bagaimana sidik jari dicocokkan, mis. --how \"formulir bertanda tangan Kepala OPD, 3 Mei 2026\""))
	}
	k, err := callAsesor(env, c.dataDir, func(ws asesorport.Workspace) (assessment.RegisteredKey, error) {
		by := c.by
		if by == "" {
			by = ws.Operator()
		}
		return ws.VerifyKey(context.Background(), c.args[0], by, c.how)
	})
	if err != nil {
		return fail(env, err)
	}
	if c.asJSON {
		return writeJSON(env, k)
	}
	fmt.Fprintln(env.Stdout, "Kunci terverifikasi.")
	printRegistryKey(env.Stdout, k)
	return ExitOK
}

func runKeysRevoke(env *Env, args []string) int {
	c, err := parseKeysCmd(env, "revoke", args, 1, 1)
	if err != nil {
		return fail(env, err)
	}
	k, err := callAsesor(env, c.dataDir, func(ws asesorport.Workspace) (assessment.RegisteredKey, error) {
		return ws.RevokeKey(context.Background(), c.args[0])
	})
	if err != nil {
		return fail(env, err)
	}
	if c.asJSON {
		return writeJSON(env, k)
	}
	fmt.Fprintln(env.Stdout, "Kunci dicabut: bundel yang ditandatanganinya tidak diterima lagi (yang sudah diimpor tetap disimpan).")
	printRegistryKey(env.Stdout, k)
	return ExitOK
}
