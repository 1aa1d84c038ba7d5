package main

import (
	"context"
	"os"
	"path/filepath"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/storage"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
)

// feedbackInbox is assessment.FeedbackInbox on the local store: the GUI's
// view of the assessor's feedback, on the same functions as the CLI.
type feedbackInbox struct{ db *storage.DB }

// feedbackInboxFor is app.Deps.FeedbackInbox: the store the GUI opened is
// a *storage.DB (see guiDeps); anything else has no inbox.
func feedbackInboxFor(s assessment.Store) assessment.FeedbackInbox {
	db, ok := s.(*storage.DB)
	if !ok {
		return nil
	}
	return feedbackInbox{db: db}
}

// Preview reads file and, for an untrusted signer, the key file (given,
// or KUNCI_ASESOR.json beside file), verifies the content with the
// signer's key and checks that it is about a bundle exported here, so the
// officer is asked to trust a key only for feedback that will import.
func (f feedbackInbox) Preview(ctx context.Context, file, keyFile string) (assessment.FeedbackPreview, error) {
	p := assessment.FeedbackPreview{File: file}
	data, err := feedback.ReadFile(file)
	if err != nil {
		return p, err
	}
	if p.KeyID, err = feedback.Signer(data); err != nil {
		return p, err
	}
	t, trusted, err := trustedKey(ctx, f.db, p.KeyID)
	if err != nil {
		return p, err
	}
	pub := t.PublicKey
	p.Trusted, p.Fingerprint = trusted, t.Fingerprint
	if !trusted {
		if keyFile == "" {
			keyFile = besideFile(file, assessorPublicKeyName)
		}
		if keyFile == "" {
			return p, nil // the GUI asks for the key file
		}
		id, _, err := signerKey(ctx, f.db, data, keyFile)
		if err != nil {
			return p, err
		}
		p.KeyFile, p.Fingerprint, pub = keyFile, id.Fingerprint, id.PublicKey
	}
	m, err := feedback.Verify(data, pub)
	if err != nil {
		return p, err
	}
	if _, err := f.db.FeedbackTarget(ctx, m.Bundle); err != nil {
		return p, err
	}
	p.Verified, p.Assessor, p.Items = true, m.Assessor.Name, len(m.Items)
	p.OPDKode, p.Periode, p.Sequence = m.Bundle.OPDKode, m.Bundle.Periode, m.Bundle.Sequence
	return p, nil
}

// besideFile is name in file's folder when it exists, else "".
func besideFile(file, name string) string {
	path := filepath.Join(filepath.Dir(file), name)
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	return path
}

// Import stores file, trusting trustKeyFile first when given.
func (f feedbackInbox) Import(ctx context.Context, file, trustKeyFile string) (assessment.FeedbackImported, error) {
	rec, known, trustedNow, err := receiveFeedback(ctx, f.db, file, trustKeyFile, trustKeyFile != "")
	if err != nil {
		return assessment.FeedbackImported{}, err
	}
	m := rec.Manifest
	return assessment.FeedbackImported{AssessmentID: rec.AssessmentID, Known: known, TrustedNow: trustedNow,
		Fingerprint: m.Assessor.Fingerprint, OPDKode: m.Bundle.OPDKode, Periode: m.Bundle.Periode,
		Sequence: m.Bundle.Sequence, Items: len(m.Items)}, nil
}

// Notes are the items of the newest feedback on the assessment: the one
// on the highest bundle sequence, then the latest signed, then the latest
// imported (so an old file imported late does not hide newer notes).
func (f feedbackInbox) Notes(ctx context.Context, assessmentID string) (assessment.FeedbackNotes, error) {
	list, err := f.db.Feedback(ctx, assessmentID)
	if err != nil || len(list) == 0 {
		return assessment.FeedbackNotes{}, err
	}
	best := list[0]
	for _, r := range list[1:] {
		if newerFeedback(r, best) {
			best = r
		}
	}
	return feedbackNotes(best), nil
}

func newerFeedback(a, b storage.FeedbackRecord) bool {
	if a.Manifest.Bundle.Sequence != b.Manifest.Bundle.Sequence {
		return a.Manifest.Bundle.Sequence > b.Manifest.Bundle.Sequence
	}
	ta, tb := parseRFC3339(a.Manifest.CreatedAt), parseRFC3339(b.Manifest.CreatedAt)
	if !ta.Equal(tb) {
		return ta.After(tb)
	}
	return a.ID > b.ID
}

func feedbackNotes(r storage.FeedbackRecord) assessment.FeedbackNotes {
	m := r.Manifest
	n := assessment.FeedbackNotes{Assessor: m.Assessor.Name, Fingerprint: m.Assessor.Fingerprint, BundleID: m.Bundle.ID,
		Sequence: m.Bundle.Sequence, CreatedAt: parseRFC3339(m.CreatedAt), ImportedAt: r.ImportedAt,
		Items: make(map[int]assessment.FeedbackNote, len(m.Items))}
	for _, it := range m.Items {
		n.Items[it.Indicator] = assessment.FeedbackNote{Indicator: it.Indicator, Status: it.Status, Reason: it.Reason,
			Value: it.Value, Note: it.Note, Reviewer: it.Reviewer, ReviewedAt: parseRFC3339(it.ReviewedAt)}
	}
	return n
}

// parseRFC3339 reads a time written by the assessor's clock; a malformed
// one (signed, so not tampered with) is shown as unknown.
func parseRFC3339(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
