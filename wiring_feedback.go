package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
)

// importFeedback is `feedback import`: the assessor key must be trusted
// already, or be given with --assessor-pubkey and --trust (after the
// fingerprint was compared); an unknown key is refused, and a key whose
// trust was withdrawn needs --retrust.
func importFeedback(ctx context.Context, dataDir string, req cli.FeedbackImportRequest) (cli.FeedbackReceived, error) {
	rec, known, trustedNow, err := storage.ReceiveFeedbackIn(ctx, dataDir, storage.FeedbackReceipt{File: req.File, KeyFile: req.PublicKeyFile,
		Trust: req.Trust, Retrust: req.Retrust})
	if err != nil {
		return cli.FeedbackReceived{}, err
	}
	out := feedbackReceived(rec, trustedNow)
	out.Known = known
	return out, nil
}

func showFeedback(ctx context.Context, dataDir, assessmentID string) (out []cli.FeedbackReceived, err error) {
	list, err := storage.FeedbackIn(ctx, dataDir, assessmentID)
	for _, r := range list {
		out = append(out, feedbackReceived(r, false))
	}
	return out, err
}

// feedbackReceived is a stored feedback file for the CLI: the sequence
// from the export log, the fingerprint of the key that verified it, and
// when that key's trust was withdrawn.
func feedbackReceived(r storage.FeedbackRecord, trusted bool) cli.FeedbackReceived {
	m := r.Manifest
	out := cli.FeedbackReceived{AssessmentID: r.AssessmentID, BundleID: m.Bundle.ID, Sequence: r.Sequence,
		Asesor: m.Asesor.Name, Fingerprint: r.Fingerprint, CreatedAt: m.CreatedAt, Trusted: trusted, Notes: []cli.FeedbackNote{},
		Superseded: r.Superseded}
	if !r.KeyWithdrawnAt.IsZero() {
		out.KeyWithdrawnAt = r.KeyWithdrawnAt.Local().Format("2006-01-02 15:04")
	}
	for _, it := range m.Items {
		out.Notes = append(out.Notes, cli.FeedbackNote{Indicator: it.Indicator, Status: it.Status, Reason: it.Reason, Value: it.Value,
			Note: it.Note, Reviewer: it.Reviewer, ReviewedAt: it.ReviewedAt, Computed: it.Computed, Items: cliItemNotes(it)})
	}
	return out
}
