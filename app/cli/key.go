package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
)

func init() {
	register(command{
		name:    "key",
		summary: "kunci penanda tangan: key show | init | export-public BERKAS | backup BERKAS | restore BERKAS | form BERKAS.pdf [--force]; --asesor: kunci asesor — signing key",
		run:     runKey,
	})
}

const keyUsage = "pakai: spbe-mandiri key show | key init | key export-public BERKAS [--force] | key backup BERKAS [--force] | key restore BERKAS [--force] [--passphrase-file BERKAS] | key form BERKAS.pdf [--force]\n" +
	"       show, backup dan restore dengan --asesor: kunci asesor (Tim Asesor Internal) di <data>/asesor/keys"

// asesorDirName is the assessor workspace's folder in the data folder
// (storage/asesor.DirName; this package does not import storage). Its
// keys/ holds the assessor's own signing key.
const asesorDirName = "asesor"

func runKey(env *Env, args []string) int {
	sub, rest, err := withData(args)
	if err != nil {
		return fail(env, err)
	}
	run, ok := map[string]func(*Env, []string) int{
		"show": runKeyShow, "init": runKeyInit, "export-public": runKeyExportPublic,
		"backup": runKeyBackup, "restore": runKeyRestore, "form": runKeyForm,
	}[sub]
	if !ok {
		return fail(env, usagef("%s", keyUsage))
	}
	return run(env, rest)
}

// keyCmd is the shared flag handling of the key subcommands.
type keyCmd struct {
	env      *Env
	deps     assessment.KeyFiles
	dataDir  string
	passFile string
	force    bool
	asJSON   bool
	asesor   bool // the assessor's key (<data>/asesor/keys), not the OPD's
	args     []string
}

func parseKeyCmd(env *Env, name string, args []string, nargs int, withPass, withForce bool) (*keyCmd, error) {
	c := &keyCmd{env: env}
	fs := newFlagSet(env, "key "+name)
	fs.StringVar(&c.dataDir, "data", "", "folder data")
	fs.BoolVar(&c.asJSON, "json", false, "keluaran JSON")
	if name == "show" || name == "backup" || name == "restore" {
		fs.BoolVar(&c.asesor, "asesor", false, "kunci asesor (Tim Asesor Internal), bukan kunci OPD")
	}
	if withPass {
		fs.StringVar(&c.passFile, "passphrase-file", "", "berkas berisi frasa sandi (\"-\" = masukan standar)")
	}
	if withForce && name == "restore" {
		fs.BoolVar(&c.force, "force", false, "ganti kunci lain yang sudah terpasang (kunci lama disimpan di samping)")
	} else if withForce {
		fs.BoolVar(&c.force, "force", false, forceFlagText)
	}
	rest, err := parseArgs(fs, args)
	if err != nil {
		return nil, err
	}
	if len(rest) != nargs {
		return nil, usagef("%s", keyUsage)
	}
	c.args = rest
	c.deps, err = keyFiles(env)
	return c, err
}

// dataFolder opens the data folder (taking its lock) and returns the
// folder holding the key: the data folder, or with --asesor the
// assessor's workspace folder in it.
func (c *keyCmd) dataFolder() (string, func(), error) {
	svc, err := openData(c.env, c.dataDir)
	if err != nil {
		return "", nil, err
	}
	dir := svc.DataDir
	if c.asesor {
		dir = filepath.Join(dir, asesorDirName)
	}
	return dir, func() { svc.Close() }, nil
}

// output is the file argument as an output file. The data folder is the
// one opened, also with --asesor (the workspace lies inside it).
func (c *keyCmd) output(keyDir string, public bool) OutputFile {
	data := keyDir
	if c.asesor {
		data = filepath.Dir(keyDir)
	}
	return OutputFile{DataDir: data, Path: c.args[0], Force: c.force, Public: public}
}

// whose is "kunci asesor" or "kunci" for the messages.
func (c *keyCmd) whose() string {
	if c.asesor {
		return "kunci asesor"
	}
	return "kunci"
}

func runKeyShow(env *Env, args []string) int {
	c, err := parseKeyCmd(env, "show", args, 0, false, false)
	if err != nil {
		return fail(env, err)
	}
	dir, done, err := c.dataFolder()
	if err != nil {
		return fail(env, err)
	}
	defer done()
	ki, err := c.deps.Info(dir)
	if err != nil {
		return fail(env, err)
	}
	if c.asJSON {
		return writeJSON(env, ki)
	}
	if !ki.Exists && c.asesor {
		fmt.Fprintln(env.Stdout, noAsesorKey)
		return ExitOK
	}
	if !ki.Exists {
		fmt.Fprintln(env.Stdout, "Belum ada kunci penanda tangan. Buat dengan `spbe-mandiri key init`, atau pulihkan cadangan dengan `spbe-mandiri key restore BERKAS`.")
		return ExitOK
	}
	printKey(env.Stdout, ki)
	return ExitOK
}

func printKey(w io.Writer, ki assessment.OPDKey) {
	fmt.Fprintf(w, "Sidik jari     : %s\n", ki.Fingerprint)
	fmt.Fprintf(w, "Key ID         : %s\n", ki.KeyID)
	fmt.Fprintf(w, "Kunci publik   : %s\n", ki.PublicKey)
	if !ki.CreatedAt.IsZero() {
		fmt.Fprintf(w, "Dibuat         : %s\n", ki.CreatedAt.Format("2006-01-02 15:04 MST"))
	}
	fmt.Fprintf(w, "Nomor urut     : %d (terakhir dipakai)\n", ki.LastSequence)
	if ki.Path != "" {
		fmt.Fprintf(w, "Berkas         : %s\n", ki.Path)
	}
}

func runKeyInit(env *Env, args []string) int {
	c, err := parseKeyCmd(env, "init", args, 0, true, false)
	if err != nil {
		return fail(env, err)
	}
	dir, done, err := c.dataFolder()
	if err != nil {
		return fail(env, err)
	}
	defer done()
	pass, err := readPassphrase(env, c.passFile, true)
	if err != nil {
		return fail(env, err)
	}
	ki, err := c.deps.Create(dir, pass)
	if err != nil {
		return fail(env, err)
	}
	if c.asJSON {
		return writeJSON(env, ki)
	}
	fmt.Fprintln(env.Stdout, "Kunci penanda tangan dibuat.")
	printKey(env.Stdout, ki)
	fmt.Fprintln(env.Stdout, backupAdvice)
	return ExitOK
}

const backupAdvice = "Simpan cadangan kunci di tempat aman: `spbe-mandiri key backup BERKAS` — tanpa cadangan, instalasi ulang berarti identitas penanda tangan baru."

func runKeyExportPublic(env *Env, args []string) int {
	c, err := parseKeyCmd(env, "export-public", args, 1, false, true)
	if err != nil {
		return fail(env, err)
	}
	dir, done, err := c.dataFolder()
	if err != nil {
		return fail(env, err)
	}
	defer done()
	dest := c.output(dir, true)
	if err := checkOutput(env, dest); err != nil {
		return fail(env, err)
	}
	data, ki, err := c.deps.PublicFile(dir)
	if err != nil {
		return fail(env, err)
	}
	if _, err := writeOutputBytes(env, dest, data); err != nil {
		return fail(env, fmt.Errorf("menulis kunci publik: %w", err))
	}
	if c.asJSON {
		return writeJSON(env, map[string]any{"file": c.args[0], "key": ki})
	}
	fmt.Fprintf(env.Stdout, "kunci publik tertulis: %s\nsidik jari: %s\n", c.args[0], ki.Fingerprint)
	return ExitOK
}

// noAsesorKey explains where the assessor's key comes from; the OPD's
// `key init` does not make one.
const noAsesorKey = "Belum ada kunci asesor. Kunci ini dibuat saat umpan balik pertama diekspor, atau pulihkan cadangan dengan `spbe-mandiri key restore --asesor BERKAS`."

func runKeyBackup(env *Env, args []string) int {
	c, err := parseKeyCmd(env, "backup", args, 1, true, true)
	if err != nil {
		return fail(env, err)
	}
	dir, done, err := c.dataFolder()
	if err != nil {
		return fail(env, err)
	}
	defer done()
	// Without an assessor key the backup would fail with the OPD key's
	// advice (`key init`); say what makes an assessor key instead, before
	// asking for a passphrase.
	if c.asesor {
		if ki, err := c.deps.Info(dir); err != nil {
			return fail(env, err)
		} else if !ki.Exists {
			//lint:ignore ST1005 a sentence shown to the user as it is
			return fail(env, errors.New(noAsesorKey))
		}
	}
	dest := c.output(dir, false)
	if err := checkOutput(env, dest); err != nil {
		return fail(env, err)
	}
	pass, err := readPassphrase(env, c.passFile, false)
	if err != nil {
		return fail(env, err)
	}
	data, ki, err := c.deps.Backup(dir, pass)
	if err != nil {
		return fail(env, err)
	}
	if _, err := writeOutputBytes(env, dest, data); err != nil {
		return fail(env, fmt.Errorf("menulis cadangan kunci: %w", err))
	}
	if c.asJSON {
		return writeJSON(env, map[string]any{"file": c.args[0], "key": ki})
	}
	fmt.Fprintf(env.Stdout, "cadangan %s tertulis: %s (terenkripsi dengan frasa sandi)\nsidik jari: %s\n", c.whose(), c.args[0], ki.Fingerprint)
	return ExitOK
}

func runKeyRestore(env *Env, args []string) int {
	c, err := parseKeyCmd(env, "restore", args, 1, true, true)
	if err != nil {
		return fail(env, err)
	}
	dir, done, err := c.dataFolder()
	if err != nil {
		return fail(env, err)
	}
	defer done()
	pass, err := readPassphrase(env, c.passFile, false)
	if err != nil {
		return fail(env, err)
	}
	got, err := c.deps.Restore(dir, pass, c.args[0], c.force)
	if err != nil {
		return fail(env, err)
	}
	r := restoredKey(got)
	if c.asJSON {
		return writeJSON(env, r)
	}
	switch {
	case r.Same:
		fmt.Fprintf(env.Stdout, "%s ini sudah terpasang; tidak ada yang diganti.\n", capitalize(c.whose()))
	case r.Replaced != "":
		fmt.Fprintf(env.Stdout, "%s dipulihkan; kunci sebelumnya disimpan di %s.\n", capitalize(c.whose()), r.Replaced)
	default:
		fmt.Fprintf(env.Stdout, "%s dipulihkan.\n", capitalize(c.whose()))
	}
	printKey(env.Stdout, r.OPDKey)
	return ExitOK
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
