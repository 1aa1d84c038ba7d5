package main

import (
	"context"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
	"github.com/spbe-mandiri/spbe-mandiri/assets"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
)

// asesorDeps wires the assessor's commands (cli.Env.Asesor) to the
// workspace <data>/asesor (storage/asesor).
func asesorDeps() *cli.AsesorDeps {
	return &cli.AsesorDeps{
		Import: func(ctx context.Context, dataDir string, paths []string, progress func(done, total int)) (out []intake.Outcome, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				out, err = w.Import(ctx, paths, progress)
				return err
			})
			return out, err
		},
		Keys: func(ctx context.Context, dataDir string) ([]cli.RegistryKey, error) {
			var out []cli.RegistryKey
			err := withWorkspace(dataDir, func(w *asesor.Workspace) error {
				list, err := w.Keys(ctx)
				for _, k := range list {
					out = append(out, registryKey(k))
				}
				return err
			})
			return out, err
		},
		AddKey: func(ctx context.Context, dataDir, file, opdKode string) (k cli.RegistryKey, added bool, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				key, a, err := w.AddKeyFile(ctx, file, opdKode)
				k, added = registryKey(key), a
				return err
			})
			return k, added, err
		},
		VerifyKey: func(ctx context.Context, dataDir, keyID, by, how string) (k cli.RegistryKey, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				key, err := w.VerifyKey(ctx, keyID, by, how)
				k = registryKey(key)
				return err
			})
			return k, err
		},
		RevokeKey: func(ctx context.Context, dataDir, keyID string) (k cli.RegistryKey, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				key, err := w.RevokeKey(ctx, keyID)
				k = registryKey(key)
				return err
			})
			return k, err
		},
		Recap: func(ctx context.Context, dataDir string) ([]cli.RecapRow, error) {
			var out []cli.RecapRow
			err := withWorkspace(dataDir, func(w *asesor.Workspace) error {
				rows, err := w.Recap(ctx)
				out = recapRows(rows)
				return err
			})
			return out, err
		},
		Review:      reviewCommand,
		ReviewSheet: reviewSheetCommand,
		Consolidate: func(ctx context.Context, dataDir string, periode int) (out cli.Consolidation, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				cat, err := periodeCatalog(ctx, w, periode)
				if err != nil {
					return err
				}
				c, err := w.Consolidate(ctx, cat, periode)
				if err != nil {
					return err
				}
				out = consolidation(c)
				return nil
			})
			return out, err
		},
		Settle: settleCommand,
		SetResponsible: func(ctx context.Context, dataDir string, periode, indicator int, opdKodes []string) error {
			return withWorkspace(dataDir, func(w *asesor.Workspace) error {
				return w.SetResponsible(ctx, periode, indicator, opdKodes)
			})
		},
		PaperCheck: func(ctx context.Context, dataDir, text string) (out cli.PaperCheck, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				r, err := w.PaperCheck(ctx, text)
				if err != nil {
					return err
				}
				out = cli.PaperCheck{Text: text, OPDKode: r.QR.OPDKode, Periode: r.QR.Periode, Sequence: r.QR.Sequence,
					Found: r.Found, Matches: r.Matches, Mismatches: r.Mismatches, BundleID: r.Bundle.BundleID, Status: r.Bundle.Status,
					KeyStatus: string(r.Bundle.KeyStatus)}
				if r.Newer != nil {
					out.NewerBundleID, out.NewerSequence = r.Newer.BundleID, r.Newer.Sequence
				}
				return nil
			})
			return out, err
		},
		Accept: func(ctx context.Context, dataDir, bundleID, by string) (out cli.Acceptance, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				a, err := w.AcceptBundle(ctx, bundleID, by)
				out = cli.Acceptance{BundleID: a.BundleID, PreviousID: a.PreviousID, OPDKode: a.OPDKode, Periode: a.Periode,
					Superseded: a.Superseded, DecidedBy: a.DecidedBy, Changed: a.Changed()}
				if out.Superseded == nil {
					out.Superseded = []string{}
				}
				return err
			})
			return out, err
		},
		Bundles: func(ctx context.Context, dataDir string) ([]cli.StoredBundle, error) {
			var out []cli.StoredBundle
			err := withWorkspace(dataDir, func(w *asesor.Workspace) error {
				list, err := w.Bundles(ctx)
				for _, b := range list {
					out = append(out, cli.StoredBundle{BundleID: b.BundleID, OPDKode: b.OPDKode, OPDNama: b.OPDNama, Periode: b.Periode,
						Sequence: b.Sequence, Status: b.Status, KeyStatus: string(b.KeyStatus), CreatedAt: b.CreatedAt,
						ImportedAt: b.ImportedAt, Index: b.Index, Predicate: b.Predicate, ClaimedIndex: b.ClaimedIndex})
				}
				return err
			})
			return out, err
		},
		ExportFeedback: exportFeedback,
		ImportFeedback: importFeedback,
		ShowFeedback:   showFeedback,
		Operator:       operatorName,
		ReviewerName: func(ctx context.Context, dataDir string) (name string, err error) {
			err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
				name, err = w.ReviewerName(ctx)
				return err
			})
			return name, err
		},
		SetReviewerName: func(ctx context.Context, dataDir, name string) error {
			return withWorkspace(dataDir, func(w *asesor.Workspace) error { return w.SetReviewerName(ctx, name) })
		},
		ConsolidatedPDF: consolidatedPDFCommand,
		WriteSheet:      writeSheetCommand,
	}
}

// reviewCommand is `review`: the indicator must be in the catalog of the
// bundle (when the catalog is known), then the workspace records it.
func reviewCommand(ctx context.Context, dataDir string, e cli.ReviewEntry) (out cli.ReviewEntry, err error) {
	err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
		b, err := w.Bundle(ctx, e.BundleID)
		if err != nil {
			return err
		}
		if cat, err := catalogOf(b.Catalog); err == nil {
			if _, ok := cat.Indicator(e.Indicator); !ok {
				return fmt.Errorf("indikator %d tidak ada di katalog %s bundel ini", e.Indicator, cat.ID)
			}
		}
		r, err := w.Review(ctx, asesor.ReviewInput{BundleID: e.BundleID, Indicator: e.Indicator, Value: e.Value,
			Status: asesor.ReviewStatus(e.Status), Reason: e.Reason, Note: e.Note, Reviewer: e.Reviewer})
		out = reviewEntry(r)
		return err
	})
	return out, err
}

// reviewSheetCommand is `review show`: the bundle's answers with their reviews.
func reviewSheetCommand(ctx context.Context, dataDir, bundleID string) (out cli.ReviewSheet, err error) {
	err = withWorkspace(dataDir, func(w *asesor.Workspace) error {
		b, rows, err := w.ReviewSheet(ctx, bundleID)
		if err != nil {
			return err
		}
		out = cli.ReviewSheet{BundleID: b.BundleID, OPDKode: b.OPDKode, OPDNama: b.OPDNama, Periode: b.Periode,
			Sequence: b.Sequence, Status: b.Status, KeyStatus: string(b.KeyStatus), Index: b.Index, Predicate: b.Predicate,
			Rows: []cli.ReviewSheetRow{}}
		for _, r := range rows {
			row := cli.ReviewSheetRow{Indicator: r.Indicator, Evidence: []cli.ReviewEvidence{}, Revisions: r.Revisions}
			if a := r.Answer; a != nil {
				row.Answered, row.Level, row.Justification = true, a.Level, a.Justification
				for _, e := range a.Evidence {
					row.Evidence = append(row.Evidence, cli.ReviewEvidence{SHA256: e.SHA256, Level: e.Level, Note: e.Note, OriginalName: e.OriginalName})
				}
			}
			if r.Review != nil {
				e := reviewEntry(*r.Review)
				row.Review = &e
			}
			out.Rows = append(out.Rows, row)
		}
		return nil
	})
	return out, err
}

// settleCommand is `consolidate set`: a value (not a clearing) must name
// an indicator of the periode's catalog.
func settleCommand(ctx context.Context, dataDir string, r cli.SettleRequest) error {
	return withWorkspace(dataDir, func(w *asesor.Workspace) error {
		if r.Value != "" {
			cat, err := periodeCatalog(ctx, w, r.Periode)
			if err != nil {
				return err
			}
			if _, ok := cat.Indicator(r.Indicator); !ok {
				return fmt.Errorf("indikator %d tidak ada di katalog %s", r.Indicator, cat.ID)
			}
		}
		_, err := w.Settle(ctx, asesor.SettleInput{Periode: r.Periode, Indicator: r.Indicator, Value: r.Value,
			FromBundle: r.FromBundle, Note: r.Note, SetBy: r.By})
		return err
	})
}

// periodeCatalog is the catalog the accepted bundles of a periode were
// answered on, from the embedded library (exact version, else the newest
// of that id).
func periodeCatalog(ctx context.Context, w *asesor.Workspace, periode int) (*assessment.Catalog, error) {
	refs, err := w.PeriodeCatalogs(ctx, periode)
	if err != nil {
		return nil, err
	}
	if len(refs) == 0 {
		return nil, fmt.Errorf("belum ada bundel diterima untuk periode %d (bundel yang kunci OPD-nya dicabut tidak dihitung)", periode)
	}
	ids := map[string]bool{}
	for _, r := range refs {
		ids[r.ID] = true
	}
	if len(ids) > 1 {
		return nil, fmt.Errorf("bundel periode %d memakai katalog berbeda (%d); konsolidasi memerlukan satu katalog", periode, len(ids))
	}
	return catalogOf(refs[len(refs)-1])
}

// catalogOf is a catalog from the embedded library: the exact version, or
// else the newest of that id.
func catalogOf(ref asesor.CatalogRef) (*assessment.Catalog, error) {
	lib, err := assets.Library()
	if err != nil {
		return nil, err
	}
	if c, err := lib.Pinned(ref.ID, ref.Version, ref.SHA256); err == nil {
		return c, nil
	}
	return lib.Latest(ref.ID)
}

func consolidation(c asesor.Consolidation) cli.Consolidation {
	out := cli.Consolidation{Periode: c.Periode, CatalogID: c.CatalogID, Predicate: c.Score.Predicate, Complete: c.Score.Complete,
		Answered: c.Score.Answered, Total: c.Score.Total, Rows: []cli.ConsolidationRow{},
		ExcludedRevoked: append([]string{}, c.ExcludedRevoked...)}
	if c.Score.Index != nil {
		out.Index = strings.TrimRight(strings.TrimRight(c.Score.Index.FloatString(6), "0"), ".")
	}
	for _, r := range c.Rows {
		row := cli.ConsolidationRow{Indicator: r.Indicator, Responsible: r.Responsible, Value: r.Value, Source: r.Source,
			FromBundle: r.FromBundle, FromOPD: r.FromOPD, Evidence: []cli.ReviewEvidence{}, Note: r.Note, SetBy: r.SetBy, SetAt: r.SetAt,
			Candidates: []cli.ConsolidationCandidate{}}
		if row.Responsible == nil {
			row.Responsible = []string{}
		}
		for _, e := range r.Evidence {
			row.Evidence = append(row.Evidence, cli.ReviewEvidence{SHA256: e.SHA256, Level: e.Level, Note: e.Note, OriginalName: e.OriginalName})
		}
		for _, k := range r.Candidates {
			cc := cli.ConsolidationCandidate{OPDKode: k.OPDKode, BundleID: k.BundleID, Level: k.Level, Value: k.Value}
			if k.Review != nil {
				cc.ReviewStatus = string(k.Review.Status)
			}
			row.Candidates = append(row.Candidates, cc)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

func reviewEntry(r asesor.Review) cli.ReviewEntry {
	return cli.ReviewEntry{BundleID: r.BundleID, Indicator: r.Indicator, Value: r.Value, Status: string(r.Status),
		Reason: r.Reason, Note: r.Note, Reviewer: r.Reviewer, ReviewedAt: r.ReviewedAt}
}

// withWorkspace opens <data>/asesor of the data folder dataDir ("" = the
// default), runs fn and closes it.
func withWorkspace(dataDir string, fn func(*asesor.Workspace) error) error {
	dir, err := storage.ResolveDataDir(dataDir)
	if err != nil {
		return err
	}
	lib, err := assets.Library()
	if err != nil {
		return err
	}
	w, err := asesor.Open(filepath.Join(dir, asesor.DirName), asesor.WithLibrary(lib))
	if err != nil {
		return err
	}
	err = fn(w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

func registryKey(k asesor.Key) cli.RegistryKey {
	return cli.RegistryKey{KeyID: k.KeyID, Fingerprint: k.Fingerprint, OPDKode: k.OPDKode, Status: string(k.Status),
		Source: k.Source, FirstSeen: k.FirstSeen, VerifiedBy: k.VerifiedBy, VerifiedAt: k.VerifiedAt,
		VerifiedHow: k.VerifiedHow, RevokedAt: k.RevokedAt, LastSequence: k.LastSequence}
}

// operatorName is the OS user, the default for `keys verify --by`.
func operatorName() string {
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	return os.Getenv("USER")
}

// recapRows are the workspace's recap rows as the CLI (and the recap CSV)
// writes them.
func recapRows(rows []asesor.RecapRow) []cli.RecapRow {
	var out []cli.RecapRow
	for _, r := range rows {
		out = append(out, cli.RecapRow{OPDKode: r.OPDKode, OPDNama: r.OPDNama, Instansi: r.Instansi, Periode: r.Periode,
			Index: r.Index, Predicate: r.Predicate, Complete: r.Complete, Answered: r.Answered, Total: r.Total,
			KeyID: r.KeyID, KeyStatus: string(r.KeyStatus), LastSequence: r.Sequence, BundleID: r.BundleID,
			CreatedAt: r.CreatedAt, ImportedAt: r.ImportedAt, Versions: r.Versions, Conflicts: r.Conflicts,
			Recomputed: r.Recomputed, ClaimedIndex: r.ClaimedIndex, ClaimedPred: r.ClaimedPredicate,
			Mismatch: r.IndexMismatch})
	}
	return out
}
