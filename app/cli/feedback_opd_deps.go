package cli

import "context"

// OPDFeedbackDeps is the OPD's side of `feedback import|show` and of `sync
// feedback`, kept apart from the assessor's workspace when cli.AsesorDeps
// went away. TEMPORARY slot: it belongs to the OPD services (issue 10,
// h-opd's lane), which replace it.
type OPDFeedbackDeps struct {
	// ImportFeedback verifies a feedback file with a trusted assessor key
	// (trusting PublicKeyFile first when Trust) and stores it.
	ImportFeedback func(ctx context.Context, dataDir string, req FeedbackImportRequest) (FeedbackReceived, error)
	// ShowFeedback lists the feedback on an assessment.
	ShowFeedback func(ctx context.Context, dataDir, assessmentID string) ([]FeedbackReceived, error)
}

// opdFeedback refuses `feedback import|show` in a build without them (in
// the words used when they were part of the assessor's dependencies).
func opdFeedback(env *Env) (*OPDFeedbackDeps, error) {
	if env.OPDFeedback == nil {
		return nil, errNoAsesor
	}
	return env.OPDFeedback, nil
}
