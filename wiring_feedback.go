package main

import (
	"context"

	"github.com/spbe-mandiri/spbe-mandiri/app/cli"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
)

// withOPDStore opens the OPD data folder dataDir ("" = default).
func withOPDStore(dataDir string, fn func(*storage.DB) error) error {
	db, err := storage.Open(dataDir)
	if err != nil {
		return err
	}
	err = fn(db)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// importFeedback is `feedback import`: the assessor key must be trusted
// already, or be given with --assessor-pubkey and --trust (after the
// fingerprint was compared); an unknown key is refused, and a key whose
// trust was withdrawn needs --retrust.
func importFeedback(ctx context.Context, dataDir string, req cli.FeedbackImportRequest) (out cli.FeedbackReceived, err error) {
	err = withOPDStore(dataDir, func(db *storage.DB) error {
		rec, known, trustedNow, err := db.ReceiveFeedback(ctx, storage.FeedbackReceipt{File: req.File, KeyFile: req.PublicKeyFile,
			Trust: req.Trust, Retrust: req.Retrust})
		if err != nil {
			return err
		}
		out = feedbackReceived(rec, trustedNow)
		out.Known = known
		return nil
	})
	return out, err
}

func showFeedback(ctx context.Context, dataDir, assessmentID string) (out []cli.FeedbackReceived, err error) {
	err = withOPDStore(dataDir, func(db *storage.DB) error {
		list, err := db.Feedback(ctx, assessmentID)
		for _, r := range list {
			out = append(out, feedbackReceived(r, false))
		}
		return err
	})
	return out, err
}

// feedbackReceived is a stored feedback file for the CLI: the sequence
// from the export log, the fingerprint of the key that verified it, and
// when that key's trust was withdrawn.
func feedbackReceived(r storage.FeedbackRecord, trusted bool) cli.FeedbackReceived {
	m := r.Manifest
	out := cli.FeedbackReceived{AssessmentID: r.AssessmentID, BundleID: m.Bundle.ID, Sequence: r.Sequence,
		Assessor: m.Assessor.Name, Fingerprint: r.Fingerprint, CreatedAt: m.CreatedAt, Trusted: trusted, Notes: []cli.FeedbackNote{},
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
