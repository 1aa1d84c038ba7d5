package cli

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/infile"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/tabular"
)

func init() {
	register(command{
		name:    "catalog",
		summary: "instrumen: list | show ID | validate FILE | import FILE — catalogs",
		run:     runCatalog,
	})
}

// catalogSubcommands maps `catalog X` to its handler; import lives in its
// own file because it needs a data folder.
var catalogSubcommands = map[string]func(env *Env, args []string) int{
	"list":     catalogList,
	"show":     catalogShow,
	"validate": catalogValidate,
}

func runCatalog(env *Env, args []string) int {
	args, dataDir, err := splitGlobalData(args)
	if err != nil {
		return fail(env, err)
	}
	if len(args) == 0 {
		return fail(env, usagef("pakai: spbe-mandiri catalog list | show ID | validate FILE | import FILE"))
	}
	sub, ok := catalogSubcommands[args[0]]
	if !ok {
		return fail(env, usagef("subperintah catalog tidak dikenal: %q", args[0]))
	}
	rest := args[1:]
	if dataDir != "" {
		rest = append([]string{"--data", dataDir}, rest...)
	}
	return sub(env, rest)
}

// libraryFor returns the catalogs of the data folder named by --data when
// one can be opened, else the embedded ones.
func libraryFor(env *Env, fs *flag.FlagSet, args []string) (*assessment.Library, []string, error) {
	dataDir := fs.String("data", "", "folder data")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return nil, nil, err
	}
	if env.Services != nil && (*dataDir != "" || dataFolderExists()) {
		svc, err := env.Services(*dataDir)
		if err != nil {
			return nil, nil, err
		}
		defer svc.Close()
		return svc.Library, rest, nil
	}
	lib, err := env.Library()
	return lib, rest, err
}

// dataFolderExists is replaced in main.go wiring; by default only an
// explicit --data opens a data folder for catalog commands.
var dataFolderExists = func() bool { return false }

func catalogList(env *Env, args []string) int {
	fs := newFlagSet(env, "catalog list")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	lib, _, err := libraryFor(env, fs, args)
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		return writeJSON(env, catalogSummaries(lib))
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVERSI\tSTATUS\tINDIKATOR\tASAL\tJUDUL")
	for _, s := range catalogSummaries(lib) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", s.ID, s.Version, statusLabel(s.Status), s.Indicators, s.Origin, s.Title)
	}
	tw.Flush()
	return ExitOK
}

type catalogSummary struct {
	ID         string `json:"id"`
	Version    string `json:"version"`
	Title      string `json:"title"`
	Status     string `json:"status"`
	Indicators int    `json:"indicators"`
	Origin     string `json:"origin"`
	Source     string `json:"source,omitempty"`
	SHA256     string `json:"sha256"`
}

func catalogSummaries(lib *assessment.Library) []catalogSummary {
	var out []catalogSummary
	for _, e := range lib.Entries() {
		c := e.Catalog
		out = append(out, catalogSummary{c.ID, c.Version, c.Title, c.Status, len(c.Indicators), e.Origin, e.Source, c.SHA256()})
	}
	return out
}

func statusLabel(s string) string {
	if s == assessment.StatusProvisional {
		return "sementara"
	}
	return "resmi"
}

func catalogShow(env *Env, args []string) int {
	fs := newFlagSet(env, "catalog show")
	asJSON := fs.Bool("json", false, "keluaran JSON (katalog lengkap)")
	lib, rest, err := libraryFor(env, fs, args)
	if err != nil {
		return fail(env, err)
	}
	if len(rest) != 1 {
		return fail(env, usagef("pakai: spbe-mandiri catalog show ID [--json]"))
	}
	c, err := lib.Latest(rest[0])
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		return writeJSON(env, c)
	}
	printCatalog(env.Stdout, c)
	return ExitOK
}

func printCatalog(w io.Writer, c *assessment.Catalog) {
	fmt.Fprintf(w, "%s — %s (versi %s, %s)\n", c.ID, c.Title, c.Version, statusLabel(c.Status))
	fmt.Fprintf(w, "Dasar hukum: %s\nSHA-256: %s\n", c.LegalBasis.Regulation, c.SHA256())
	if c.StatusNote != "" {
		fmt.Fprintf(w, "Catatan: %s\n", c.StatusNote)
	}
	fmt.Fprint(w, "Predikat:")
	for _, p := range c.Predicates {
		fmt.Fprintf(w, " %s %s–%s%s;", p.Name, p.Min, map[bool]string{true: "", false: "<"}[p.MaxInclusive], p.Max)
	}
	fmt.Fprintln(w)
	for _, a := range c.Aspects {
		if d, ok := c.Domain(a.Domain); ok && a.Number == c.AspectsOfDomain(d.Number)[0].Number {
			fmt.Fprintf(w, "\nDomain %d. %s (bobot %s%%)\n", d.Number, d.Name, d.Weight)
		}
		fmt.Fprintf(w, "  Aspek %d. %s (bobot %s%%)\n", a.Number, a.Name, a.Weight)
		for _, in := range c.IndicatorsOfAspect(a.Number) {
			fmt.Fprintf(w, "    %2d. %s (bobot %s%%)\n", in.Number, in.Name, in.Weight)
		}
	}
}

func catalogValidate(env *Env, args []string) int {
	fs := newFlagSet(env, "catalog validate")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return fail(env, err)
	}
	if len(rest) != 1 {
		return fail(env, usagef("pakai: spbe-mandiri catalog validate FILE"))
	}
	c, err := readCatalogFile(rest[0])
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "katalog valid: %s versi %s, %d indikator, sha256 %s\n", c.ID, c.Version, len(c.Indicators), c.SHA256())
	return ExitOK
}

// readCatalogFile reads and parses a catalog file with a size cap, so a
// wrong file (a video, a disk image) gets a message, not an out-of-memory.
func readCatalogFile(path string) (*assessment.Catalog, error) {
	f, err := infile.Open(path)
	if err != nil {
		return nil, fmt.Errorf("tidak dapat membuka %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, assessment.MaxCatalogSize+1))
	if err != nil {
		return nil, fmt.Errorf("tidak dapat membaca %s: %w", path, err)
	}
	return assessment.ParseCatalog(path, data)
}

func newFlagSet(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

func writeJSON(env *Env, v any) int {
	if err := tabular.WriteJSON(env.Stdout, v); err != nil {
		return fail(env, err)
	}
	return ExitOK
}
