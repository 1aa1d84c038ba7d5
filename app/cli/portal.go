package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
)

func init() {
	register(command{
		name:    "portal-package",
		summary: "paket unggah eval.spbe.go.id: portal-package --assessment ID | --instansi --periode P  --out FOLDER [--force] — portal upload package",
		run:     runPortalPackage,
	})
}

// PortalRequest asks for one package (assessment.PortalRequest).
type PortalRequest = assessment.PortalRequest

// PortalResult describes the package written (assessment.PortalResult;
// its JSON keys are `portal-package --json`'s).
type PortalResult = assessment.PortalResult

const portalUsage = "pakai: spbe-mandiri portal-package --assessment ID --out FOLDER [--force]\n" +
	"       spbe-mandiri portal-package --instansi --periode P --out FOLDER [--force]   (asesor: nilai konsolidasi instansi)"

var errNoPortal = errors.New("paket unggah portal tidak tersedia di build ini")

func runPortalPackage(env *Env, args []string) int {
	fs := newFlagSet(env, "portal-package")
	dataDir := fs.String("data", "", "folder data")
	id := fs.String("assessment", "", "id penilaian (lihat `assessment list`)")
	instansi := fs.Bool("instansi", false, "paket dari konsolidasi instansi di ruang kerja asesor")
	periode := fs.Int("periode", 0, "periode konsolidasi (dengan --instansi)")
	out := fs.String("out", "", "folder paket yang dibuat, mis. E:\\paket-portal")
	force := fs.Bool("force", false, "ganti paket portal lama di folder itu (tidak pernah folder berisi berkas lain)")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return fail(env, err)
	}
	if *out == "" || len(rest) > 0 || (*id == "") == !*instansi || (*instansi && *periode <= 0) {
		return fail(env, usagef("%s", portalUsage))
	}
	req := PortalRequest{AssessmentID: *id, Periode: *periode, OutDir: *out, Force: *force}
	var res PortalResult
	if *instansi {
		res, err = instansiPackage(env, *dataDir, req)
	} else {
		res, err = opdPackage(env, *dataDir, req)
	}
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		if res.MissingItems == nil {
			res.MissingItems = []string{} // a list in the JSON, never null
		}
		return writeJSON(env, res)
	}
	return printPortal(env, res)
}

// opdPackage writes the package of one of the OPD's assessments.
func opdPackage(env *Env, dataDir string, req PortalRequest) (PortalResult, error) {
	svc, err := openData(env, dataDir)
	if err != nil {
		return PortalResult{}, err
	}
	defer svc.Close()
	if svc.Portal == nil {
		return PortalResult{}, errNoPortal
	}
	if err := checkOutputDir(env, svc.DataDir, req.OutDir); err != nil {
		return PortalResult{}, err
	}
	return svc.Portal.Package(context.Background(), req)
}

// instansiPackage writes the package of a periode's consolidation; the
// folder is checked against the output policy where it is written.
func instansiPackage(env *Env, dataDir string, req PortalRequest) (PortalResult, error) {
	if env.OpenAsesor == nil {
		return PortalResult{}, errNoPortal
	}
	return callAsesor(env, dataDir, func(ws asesorport.Workspace) (PortalResult, error) {
		return ws.InstansiPackage(context.Background(), req)
	})
}

func printPortal(env *Env, res PortalResult) int {
	w := env.Stdout
	fmt.Fprintf(w, "Paket unggah portal : %s\n", res.Dir)
	fmt.Fprintf(w, "Folder indikator    : %d\n", res.Indicators)
	fmt.Fprintf(w, "Berkas bukti        : %d, ukuran %d byte\n", res.Files, res.Bytes)
	if n := len(res.MissingItems); n > 0 {
		fmt.Fprintf(env.Stderr, "peringatan: %d butir belum ada bukti (portal menolak levelnya otomatis): %s\n", n, shortList(res.MissingItems, 12))
	}
	if res.Unlinked > 0 {
		fmt.Fprintf(env.Stderr, "peringatan: %d berkas belum dikaitkan dengan butir (nama …-00_); kaitkan dengan `answer --item` atau pilih butirnya di portal\n", res.Unlinked)
	}
	fmt.Fprintln(w, "Langkah berikutnya  : buka LANGKAH-UNGGAH.txt di folder itu")
	return ExitOK
}

// shortList is the first n codes and how many more.
func shortList(codes []string, n int) string {
	if len(codes) <= n {
		return strings.Join(codes, ", ")
	}
	return fmt.Sprintf("%s, dan %d lainnya", strings.Join(codes[:n], ", "), len(codes)-n)
}
