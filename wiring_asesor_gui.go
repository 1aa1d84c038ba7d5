package main

import (
	"context"
	"path/filepath"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage/asesor"
)

// openAsesorGUI opens the assessor workspace <dataDir>/asesor for the GUI
// (app.Deps.OpenAsesor).
func openAsesorGUI(dataDir string) (assessment.AsesorWorkspace, error) {
	w, err := asesor.Open(filepath.Join(dataDir, asesor.DirName))
	if err != nil {
		return nil, err
	}
	return &asesorGUI{w: w}, nil
}

// asesorGUI adapts storage/asesor.Workspace to assessment.AsesorWorkspace.
type asesorGUI struct{ w *asesor.Workspace }

func (a *asesorGUI) Import(ctx context.Context, paths []string, progress func(done, total int)) ([]assessment.ImportOutcome, error) {
	res, err := a.w.Import(ctx, paths, progress)
	out := make([]assessment.ImportOutcome, 0, len(res))
	for _, r := range res {
		out = append(out, assessment.ImportOutcome{Path: r.Path, Kind: assessment.ImportKind(r.Outcome), Code: r.Code,
			Reason: r.Reason, OPDKode: r.OPDKode, OPDNama: r.OPDNama, Periode: r.Periode, Sequence: r.Sequence,
			KeyID: r.KeyID, Fingerprint: r.Fingerprint, KeyStatus: assessment.KeyStatus(r.KeyStatus)})
	}
	return out, err
}

func (a *asesorGUI) Keys(ctx context.Context) ([]assessment.RegisteredKey, error) {
	list, err := a.w.Keys(ctx)
	out := make([]assessment.RegisteredKey, 0, len(list))
	for _, k := range list {
		out = append(out, guiKey(k))
	}
	return out, err
}

func (a *asesorGUI) AddKey(ctx context.Context, file string) (assessment.RegisteredKey, error) {
	k, _, err := a.w.AddKeyFile(ctx, file, "")
	return guiKey(k), err
}

func (a *asesorGUI) VerifyKey(ctx context.Context, keyID, how, by string) error {
	_, err := a.w.VerifyKey(ctx, keyID, by, how)
	return err
}

func (a *asesorGUI) RevokeKey(ctx context.Context, keyID string) error {
	_, err := a.w.RevokeKey(ctx, keyID)
	return err
}

func (a *asesorGUI) Recap(ctx context.Context) ([]assessment.RecapRow, error) {
	rows, err := a.w.Recap(ctx)
	out := make([]assessment.RecapRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, assessment.RecapRow{OPDKode: r.OPDKode, OPDNama: r.OPDNama, Periode: r.Periode, Index: r.Index,
			Predicate: r.Predicate, Complete: r.Complete, Answered: r.Answered, Total: r.Total, KeyID: r.KeyID,
			KeyStatus: assessment.KeyStatus(r.KeyStatus), Sequence: r.Sequence, CreatedAt: r.CreatedAt,
			Imported: r.ImportedAt, Versions: r.Versions, Conflicts: r.Conflicts})
	}
	return out, err
}

func (a *asesorGUI) Close() error { return a.w.Close() }

func guiKey(k asesor.Key) assessment.RegisteredKey {
	return assessment.RegisteredKey{KeyID: k.KeyID, Fingerprint: k.Fingerprint, OPDKode: k.OPDKode,
		Status: assessment.KeyStatus(k.Status), Source: k.Source, FirstSeen: k.FirstSeen, VerifiedBy: k.VerifiedBy,
		VerifiedAt: k.VerifiedAt, VerifiedHow: k.VerifiedHow, RevokedAt: k.RevokedAt, LastSequence: k.LastSequence}
}

var _ assessment.AsesorWorkspace = (*asesorGUI)(nil)
