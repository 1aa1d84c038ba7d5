package cli

import (
	"context"
	"errors"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/asesorport"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/intake"
)

// asesorStub is what a command test says the assessor's workspace does:
// one function per use case, called with the data folder the command
// opened the workspace of (as given: "" = the default), so a test states
// what one call returns and sees where it went. A nil function fails as
// an unwired build would.
type asesorStub struct {
	Import          func(ctx context.Context, dataDir string, paths []string, progress func(done, total int)) ([]intake.Outcome, error)
	Keys            func(ctx context.Context, dataDir string) ([]assessment.RegisteredKey, error)
	AddKey          func(ctx context.Context, dataDir, file, opdKode string) (assessment.RegisteredKey, bool, error)
	VerifyKey       func(ctx context.Context, dataDir, keyID, by, how string) (assessment.RegisteredKey, error)
	RevokeKey       func(ctx context.Context, dataDir, keyID string) (assessment.RegisteredKey, error)
	Recap           func(ctx context.Context, dataDir string) ([]assessment.RecapRow, error)
	Review          func(ctx context.Context, dataDir string, e assessment.ReviewEntry) (assessment.ReviewEntry, error)
	ReviewSheet     func(ctx context.Context, dataDir, bundleID string) (assessment.ReviewBundle, []assessment.ReviewItem, error)
	ReviewItem      func(ctx context.Context, dataDir string, e assessment.ItemReviewEntry) (assessment.ItemReviewEntry, error)
	Consolidate     func(ctx context.Context, dataDir string, periode int) (assessment.ConsolidationView, error)
	Settle          func(ctx context.Context, dataDir string, req assessment.SettleRequest) error
	SetResponsible  func(ctx context.Context, dataDir string, periode, indicator int, opdKodes []string) error
	ExportFeedback  func(ctx context.Context, dataDir string, req assessment.FeedbackExportRequest) (assessment.FeedbackExported, error)
	PaperCheck      func(ctx context.Context, dataDir, text string) (assessment.PaperCheckResult, error)
	Accept          func(ctx context.Context, dataDir, bundleID, by string) (assessment.Acceptance, error)
	Bundles         func(ctx context.Context, dataDir string) ([]assessment.ReviewBundle, error)
	ReviewerName    func(ctx context.Context, dataDir string) (string, error)
	SetReviewerName func(ctx context.Context, dataDir, name string) error
	Operator        func() string
	ConsolidatedPDF func(ctx context.Context, dataDir string, req assessment.ConsolidatedPDFRequest) (assessment.ConsolidatedPDFResult, error)
	WriteSheet      func(ctx context.Context, dataDir string, req assessment.SheetRequest) (int, error)
	InstansiPackage func(ctx context.Context, dataDir string, req PortalRequest) (PortalResult, error)
	PublishRegistry func(ctx context.Context, dataDir string, cfg SyncConfig, pass []byte) (int, error)
	Pull            func(ctx context.Context, dataDir string, cfg SyncConfig, pass []byte) ([]intake.Outcome, error)
}

// open is Env.OpenAsesor: the workspace of dir, answering from s.
func (s *asesorStub) open(dir string) (asesorport.Workspace, error) {
	return &asesorFake{s: s, dir: dir}, nil
}

// stubOf is the stub behind env.OpenAsesor, for a test that changes one
// use case of a prepared environment.
func stubOf(env *Env) *asesorStub {
	ws, _ := env.OpenAsesor("")
	return ws.(*asesorFake).s
}

// asesorFake is the open workspace over a stub. The GUI's methods (the
// embedded nil interface) are never called by a command.
type asesorFake struct {
	asesorport.Workspace
	s   *asesorStub
	dir string
}

var errUnwired = errors.New("tidak tersedia di lingkungan ini")

// stubbed runs fn when the stub has the use case.
func stubbed[T any](wired bool, fn func() (T, error)) (T, error) {
	if !wired {
		var zero T
		return zero, errUnwired
	}
	return fn()
}

func (f *asesorFake) Close() error { return nil }

func (f *asesorFake) Import(ctx context.Context, paths []string, progress func(done, total int)) ([]intake.Outcome, error) {
	return stubbed(f.s.Import != nil, func() ([]intake.Outcome, error) { return f.s.Import(ctx, f.dir, paths, progress) })
}

func (f *asesorFake) Keys(ctx context.Context) ([]assessment.RegisteredKey, error) {
	return stubbed(f.s.Keys != nil, func() ([]assessment.RegisteredKey, error) { return f.s.Keys(ctx, f.dir) })
}

func (f *asesorFake) AddKey(ctx context.Context, file, opdKode string) (assessment.RegisteredKey, bool, error) {
	if f.s.AddKey == nil {
		return assessment.RegisteredKey{}, false, errUnwired
	}
	return f.s.AddKey(ctx, f.dir, file, opdKode)
}

func (f *asesorFake) VerifyKey(ctx context.Context, keyID, by, how string) (assessment.RegisteredKey, error) {
	return stubbed(f.s.VerifyKey != nil, func() (assessment.RegisteredKey, error) { return f.s.VerifyKey(ctx, f.dir, keyID, by, how) })
}

func (f *asesorFake) RevokeKey(ctx context.Context, keyID string) (assessment.RegisteredKey, error) {
	return stubbed(f.s.RevokeKey != nil, func() (assessment.RegisteredKey, error) { return f.s.RevokeKey(ctx, f.dir, keyID) })
}

func (f *asesorFake) Recap(ctx context.Context) ([]assessment.RecapRow, error) {
	return stubbed(f.s.Recap != nil, func() ([]assessment.RecapRow, error) { return f.s.Recap(ctx, f.dir) })
}

func (f *asesorFake) Review(ctx context.Context, d assessment.ReviewDecision) (assessment.ReviewEntry, error) {
	return stubbed(f.s.Review != nil, func() (assessment.ReviewEntry, error) {
		return f.s.Review(ctx, f.dir, assessment.ReviewEntry{BundleID: d.BundleID, Indicator: d.Indicator, Value: d.Value,
			Status: d.Status, Reason: d.Reason, Note: d.Note, Reviewer: d.Reviewer})
	})
}

func (f *asesorFake) ReviewSheet(ctx context.Context, bundleID string) (assessment.ReviewBundle, []assessment.ReviewItem, error) {
	if f.s.ReviewSheet == nil {
		return assessment.ReviewBundle{}, nil, errUnwired
	}
	return f.s.ReviewSheet(ctx, f.dir, bundleID)
}

func (f *asesorFake) ReviewItem(ctx context.Context, d assessment.ItemDecision) (assessment.ItemReviewEntry, error) {
	return stubbed(f.s.ReviewItem != nil, func() (assessment.ItemReviewEntry, error) {
		return f.s.ReviewItem(ctx, f.dir, assessment.ItemReviewEntry{BundleID: d.BundleID, Indicator: d.Indicator, Code: d.Code,
			Status: d.Status, Reason: d.Reason, Note: d.Note, Reviewer: d.Reviewer})
	})
}

func (f *asesorFake) Consolidation(ctx context.Context, periode int) (assessment.ConsolidationView, *assessment.Catalog, error) {
	if f.s.Consolidate == nil {
		return assessment.ConsolidationView{}, nil, errUnwired
	}
	c, err := f.s.Consolidate(ctx, f.dir, periode)
	return c, nil, err
}

func (f *asesorFake) Settle(ctx context.Context, r assessment.SettleRequest) error {
	if f.s.Settle == nil {
		return errUnwired
	}
	return f.s.Settle(ctx, f.dir, r)
}

func (f *asesorFake) SetResponsible(ctx context.Context, periode, indicator int, opdKodes []string) error {
	if f.s.SetResponsible == nil {
		return errUnwired
	}
	return f.s.SetResponsible(ctx, f.dir, periode, indicator, opdKodes)
}

func (f *asesorFake) SignFeedback(ctx context.Context, req assessment.FeedbackExportRequest) (assessment.FeedbackExported, error) {
	return stubbed(f.s.ExportFeedback != nil, func() (assessment.FeedbackExported, error) { return f.s.ExportFeedback(ctx, f.dir, req) })
}

func (f *asesorFake) PaperCheck(ctx context.Context, text string) (assessment.PaperCheckResult, error) {
	return stubbed(f.s.PaperCheck != nil, func() (assessment.PaperCheckResult, error) { return f.s.PaperCheck(ctx, f.dir, text) })
}

func (f *asesorFake) Accept(ctx context.Context, bundleID, by string) (assessment.Acceptance, error) {
	return stubbed(f.s.Accept != nil, func() (assessment.Acceptance, error) { return f.s.Accept(ctx, f.dir, bundleID, by) })
}

func (f *asesorFake) Bundles(ctx context.Context) ([]assessment.ReviewBundle, error) {
	return stubbed(f.s.Bundles != nil, func() ([]assessment.ReviewBundle, error) { return f.s.Bundles(ctx, f.dir) })
}

// ReviewerName, SetReviewerName and Operator: a stub without them has no
// profile name, stores none and knows no OS user.
func (f *asesorFake) ReviewerName(ctx context.Context) (string, error) {
	if f.s.ReviewerName == nil {
		return "", nil
	}
	return f.s.ReviewerName(ctx, f.dir)
}

func (f *asesorFake) SetReviewerName(ctx context.Context, name string) error {
	if f.s.SetReviewerName == nil {
		return nil
	}
	return f.s.SetReviewerName(ctx, f.dir, name)
}

func (f *asesorFake) Operator() string {
	if f.s.Operator == nil {
		return ""
	}
	return f.s.Operator()
}

func (f *asesorFake) ConsolidatedPDF(ctx context.Context, req assessment.ConsolidatedPDFRequest) (assessment.ConsolidatedPDFResult, error) {
	return stubbed(f.s.ConsolidatedPDF != nil, func() (assessment.ConsolidatedPDFResult, error) { return f.s.ConsolidatedPDF(ctx, f.dir, req) })
}

func (f *asesorFake) WriteSheet(ctx context.Context, req assessment.SheetRequest) (int, error) {
	return stubbed(f.s.WriteSheet != nil, func() (int, error) { return f.s.WriteSheet(ctx, f.dir, req) })
}

func (f *asesorFake) InstansiPackage(ctx context.Context, req assessment.PortalRequest) (assessment.PortalResult, error) {
	return stubbed(f.s.InstansiPackage != nil, func() (assessment.PortalResult, error) { return f.s.InstansiPackage(ctx, f.dir, req) })
}

func (f *asesorFake) PublishRegistry(ctx context.Context, server, pemda string, pass []byte) (int, error) {
	return stubbed(f.s.PublishRegistry != nil, func() (int, error) {
		return f.s.PublishRegistry(ctx, f.dir, SyncConfig{Server: server, Pemda: pemda}, pass)
	})
}

func (f *asesorFake) Pull(ctx context.Context, server, pemda string, pass []byte) ([]intake.Outcome, error) {
	return stubbed(f.s.Pull != nil, func() ([]intake.Outcome, error) {
		return f.s.Pull(ctx, f.dir, SyncConfig{Server: server, Pemda: pemda}, pass)
	})
}
