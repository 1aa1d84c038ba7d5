package asesorsvc

import (
	"context"
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/viewer"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
)

// Open opens (creating if needed) the assessor workspace <dataDir>/asesor
// with the installed catalogs lib.
func Open(dataDir string, lib *assessment.Library) (*Service, error) {
	w, err := asesor.Open(filepath.Join(dataDir, asesor.DirName), asesor.WithLibrary(lib))
	if err != nil {
		return nil, err
	}
	return &Service{w: w}, nil
}

// Opener is the one way the GUI and the CLI open the workspace: of the
// data folder dataDir ("" = the default, as storage.ResolveDataDir picks
// it), with the catalogs library loads (assets.Library). The CLI opens it
// once per command, so the workspace is locked only while a command runs.
func Opener(library func() (*assessment.Library, error)) func(dataDir string) (asesorport.Workspace, error) {
	return func(dataDir string) (asesorport.Workspace, error) {
		dir, err := storage.ResolveDataDir(dataDir)
		if err != nil {
			return nil, err
		}
		lib, err := library()
		if err != nil {
			return nil, err
		}
		s, err := Open(dir, lib)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
}

// Workspace is the workspace the service runs on.
func (a *Service) Workspace() *asesor.Workspace { return a.w }

// Has reports whether dataDir holds an assessor's workspace database.
func Has(dataDir string) bool {
	fi, err := os.Stat(filepath.Join(dataDir, asesor.DirName, asesor.DBFileName))
	return err == nil && fi.Mode().IsRegular()
}

// Service is the assessor's use cases as the one port of the GUI and the
// CLI (asesorport.Workspace) names them, on the workspace (storage/asesor)
// with its reports, sheets, exports, portal package and server sync.
type Service struct {
	w *asesor.Workspace
}

func (a *Service) Import(ctx context.Context, paths []string, progress func(done, total int)) ([]intake.Outcome, error) {
	return a.w.Import(ctx, paths, progress)
}

func (a *Service) Keys(ctx context.Context) ([]assessment.RegisteredKey, error) {
	return a.w.Keys(ctx)
}

// AddKey registers a public key file as pending; opdKode "" leaves it
// unbound until its first bundle.
func (a *Service) AddKey(ctx context.Context, file, opdKode string) (assessment.RegisteredKey, bool, error) {
	return a.w.AddKeyFile(ctx, file, opdKode)
}

// VerifyKey marks a key verified, recording by whom and how.
func (a *Service) VerifyKey(ctx context.Context, keyID, by, how string) (assessment.RegisteredKey, error) {
	return a.w.VerifyKey(ctx, keyID, by, how)
}

func (a *Service) RevokeKey(ctx context.Context, keyID string) (assessment.RegisteredKey, error) {
	return a.w.RevokeKey(ctx, keyID)
}

func (a *Service) Recap(ctx context.Context) ([]assessment.RecapRow, error) { return a.w.Recap(ctx) }

// AcceptBundle settles a konflik in the name of the workspace profile's
// assessor (the GUI).
func (a *Service) AcceptBundle(ctx context.Context, bundleID string) error {
	_, err := a.Accept(ctx, bundleID, "")
	return err
}

// Accept settles a konflik: bundleID becomes the accepted one, decided by
// by ("" = the workspace profile's assessor, else the OS user).
func (a *Service) Accept(ctx context.Context, bundleID, by string) (assessment.Acceptance, error) {
	return a.w.AcceptBundle(ctx, bundleID, a.decider(ctx, by))
}

// Operator is the OS user: the default for `keys verify --by`.
func (a *Service) Operator() string { return operatorName() }

func (a *Service) Bundles(ctx context.Context) ([]assessment.ReviewBundle, error) {
	return a.w.ReviewBundles(ctx)
}

func (a *Service) ReviewSheet(ctx context.Context, bundleID string) (assessment.ReviewBundle, []assessment.ReviewItem, error) {
	return a.w.ReviewItems(ctx, bundleID)
}

// decider is who settles a konflik or an instansi value: as reviewer,
// but these internal records keep the OS user as a last resort rather
// than refusing.
func (a *Service) decider(ctx context.Context, given string) string {
	if by, err := a.reviewer(ctx, given); err == nil {
		return by
	}
	return operatorName()
}

func (a *Service) ReviewerName(ctx context.Context) (string, error) { return a.w.ReviewerName(ctx) }

func (a *Service) SetReviewerName(ctx context.Context, name string) error {
	return a.w.SetReviewerName(ctx, name)
}

// reviewer is the name a decision is recorded under: the one given, else
// the workspace profile's. Never the OS user: the Tim Asesor's laptop runs
// as one account, and the OPD reads this name in its feedback.
func (a *Service) reviewer(ctx context.Context, given string) (string, error) {
	if by := strings.TrimSpace(given); by != "" {
		return by, nil
	}
	by, err := a.w.ReviewerName(ctx)
	if err == nil && by == "" {
		err = &asesor.InputError{Msg: "nama asesor belum diisi: isi dulu nama Anda di profil ruang kerja asesor"}
	}
	return by, err
}

// OpenBlob copies the blob into a fresh temporary folder under the name
// assessment/viewer gives it (the OPD's name, with ".bin" added unless it
// is a document type), so the system viewer picks the right program and
// runs nothing an OPD sent.
func (a *Service) OpenBlob(_ context.Context, sum, name string) (string, error) {
	src, err := a.w.OpenBlob(sum)
	if err != nil {
		return "", err
	}
	defer src.Close()
	dir, err := os.MkdirTemp("", "spbe-asesor-")
	if err != nil {
		return "", err
	}
	return viewer.Copy(dir, viewer.Name(sum, name), src)
}

func (a *Service) Close() error { return a.w.Close() }

// Consolidation computes the instansi's assessment of a periode for the
// GUI, on the catalog of the periode's accepted bundles.
func (a *Service) Consolidation(ctx context.Context, periode int) (assessment.ConsolidationView, *assessment.Catalog, error) {
	return a.w.ConsolidationView(ctx, periode)
}

// Settle records the instansi value of an indicator, decided by the
// workspace profile's assessor.
func (a *Service) Settle(ctx context.Context, r assessment.SettleRequest) error {
	r.SetBy = a.decider(ctx, r.SetBy)
	return a.w.SettleValue(ctx, r)
}

func (a *Service) SetResponsible(ctx context.Context, periode, indicator int, opdKodes []string) error {
	return a.w.SetResponsible(ctx, periode, indicator, opdKodes)
}

// PaperCheck checks a printed report's QR text against the stored bundles.
func (a *Service) PaperCheck(ctx context.Context, text string) (assessment.PaperCheckResult, error) {
	return a.w.PaperCheck(ctx, text)
}

// operatorName is the OS user: who settles a konflik or an instansi
// value when the workspace profile names nobody.
func operatorName() string {
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	return os.Getenv("USER")
}

var _ asesorport.Workspace = (*Service)(nil)
