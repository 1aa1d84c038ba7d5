package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spbe-mandiri/spbe-mandiri/assessment"
	"github.com/spbe-mandiri/spbe-mandiri/assessment/feedbacktrust"
	"github.com/spbe-mandiri/spbe-mandiri/storage/feedback"
	"github.com/spbe-mandiri/spbe-mandiri/storage/keys"
)

// AsesorPublicKeyName is the assessor's public key file written next
// to each feedback file, for the OPD's first import with trust. When the
// folder holds another assessor's key under that name, the exporter
// writes KUNCI_ASESOR_<first 8 of the key id>.json instead.
const AsesorPublicKeyName = "KUNCI_ASESOR.json"

// FeedbackInbox is assessment.FeedbackInbox on this store: the GUI's view
// of the assessor's feedback, on the same functions as the CLI.
func (db *DB) FeedbackInbox() assessment.FeedbackInbox { return feedbackInbox{db: db} }

type feedbackInbox struct{ db *DB }

// Preview reads file and, for a signer never trusted, the key file
// (given, or the signer's key file beside file), verifies the content
// with the signer's key and checks that it is about a bundle exported
// here, so the officer is asked to trust a key only for feedback that
// will import. A signer whose trust was withdrawn is reported as such.
func (f feedbackInbox) Preview(ctx context.Context, file, keyFile string) (assessment.FeedbackPreview, error) {
	p := assessment.FeedbackPreview{File: file}
	data, err := feedback.ReadFile(file)
	if err != nil {
		return p, err
	}
	p.SHA256 = sha256Hex(data)
	if p.KeyID, err = feedback.Signer(data); err != nil {
		return p, err
	}
	t, found, err := f.db.AsesorKey(ctx, p.KeyID)
	if err != nil {
		return p, err
	}
	if found && t.Withdrawn() {
		p.Withdrawn, p.WithdrawnAt, p.Fingerprint = true, t.UntrustedAt, keys.Fingerprint(t.PublicKey)
		return p, nil
	}
	pub := t.PublicKey
	p.Trusted = found
	if !found {
		id, path, err := f.previewKeyFile(ctx, data, file, keyFile)
		if err != nil || path == "" {
			return p, err // no key file: the GUI asks for one
		}
		p.KeyFile, pub = path, id.PublicKey
	}
	p.Fingerprint = keys.Fingerprint(pub)
	m, err := feedback.Verify(data, pub)
	if err != nil {
		return p, err
	}
	if _, err := f.db.FeedbackTarget(ctx, m.Bundle); err != nil {
		return p, err
	}
	p.Verified, p.Asesor, p.Items = true, m.Asesor.Name, len(m.Items)
	p.OPDKode, p.Periode, p.Sequence = m.Bundle.OPDKode, m.Bundle.Periode, m.Bundle.Sequence
	return p, nil
}

// previewKeyFile is the signer's public key from keyFile, which must be
// the signer's, or (keyFile "") from the signer's key file found beside
// file; path is "" when none was found.
func (f feedbackInbox) previewKeyFile(ctx context.Context, data []byte, file, keyFile string) (id keys.Identity, path string, err error) {
	if keyFile == "" {
		signer, err := feedback.Signer(data)
		if err != nil {
			return id, "", err
		}
		if keyFile = signerKeyBeside(file, signer); keyFile == "" {
			return id, "", nil
		}
	}
	id, _, _, err = f.db.signerKey(ctx, data, keyFile)
	return id, keyFile, err
}

// signerKeyBeside finds the public key file of the key signer in file's
// folder: KUNCI_ASESOR.json, else KUNCI_ASESOR_*.json (written when
// KUNCI_ASESOR.json holds another assessor's key). A key file of another
// key is passed over, so the officer is asked for the right one instead
// of being stopped by it; "" when none matches.
func signerKeyBeside(file, signer string) string {
	dir := filepath.Dir(file)
	candidates := []string{filepath.Join(dir, AsesorPublicKeyName)}
	more, _ := filepath.Glob(filepath.Join(dir, strings.TrimSuffix(AsesorPublicKeyName, ".json")+"_*.json"))
	sort.Strings(more)
	for _, path := range append(candidates, more...) {
		if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		if id, err := keys.ReadPublic(path); err == nil && id.KeyID == signer {
			return path
		}
	}
	return ""
}

// Import stores the previewed file, trusting its key file first with
// trust; the file must still be the one previewed.
func (f feedbackInbox) Import(ctx context.Context, p assessment.FeedbackPreview, trust bool) (assessment.FeedbackImported, error) {
	if p.SHA256 == "" || p.KeyID == "" {
		return assessment.FeedbackImported{}, errors.New("umpan balik belum diperiksa; ulangi impor")
	}
	r := FeedbackReceipt{File: p.File, PreviewedSHA256: p.SHA256, PreviewedKeyID: p.KeyID}
	if trust {
		if p.KeyFile == "" {
			return assessment.FeedbackImported{}, errors.New("tidak ada berkas kunci asesor untuk dipercaya; ulangi impor")
		}
		r.KeyFile, r.Trust = p.KeyFile, true
	}
	rec, known, trustedNow, err := f.db.ReceiveFeedback(ctx, r)
	if err != nil {
		return assessment.FeedbackImported{}, err
	}
	m := rec.Manifest
	return assessment.FeedbackImported{AssessmentID: rec.AssessmentID, Known: known, Older: rec.Superseded != "", TrustedNow: trustedNow,
		Fingerprint: rec.Fingerprint, OPDKode: m.Bundle.OPDKode, Periode: m.Bundle.Periode,
		Sequence: rec.Sequence, Items: len(m.Items)}, nil
}

// Notes are the items of the current feedback on the assessment
// (feedbacktrust.Current): feedback of a withdrawn key is skipped, it
// must not pass for the assessor's word, whatever sequence or date it
// claims.
func (f feedbackInbox) Notes(ctx context.Context, assessmentID string) (assessment.FeedbackNotes, error) {
	list, err := f.db.Feedback(ctx, assessmentID)
	if err != nil {
		return assessment.FeedbackNotes{}, err
	}
	ranks := make([]feedbacktrust.Rank, len(list))
	for i, r := range list {
		ranks[i] = r.rank()
	}
	if i := feedbacktrust.Current(ranks); i >= 0 {
		return feedbackNotes(list[i]), nil
	}
	return assessment.FeedbackNotes{}, nil
}

func feedbackNotes(r FeedbackRecord) assessment.FeedbackNotes {
	m := r.Manifest
	n := assessment.FeedbackNotes{Asesor: m.Asesor.Name, Fingerprint: r.Fingerprint, BundleID: m.Bundle.ID,
		Sequence: r.Sequence, CreatedAt: parseRFC3339(m.CreatedAt), ImportedAt: r.ImportedAt,
		Items: make(map[int]assessment.FeedbackNote, len(m.Items))}
	for _, it := range m.Items {
		n.Items[it.Indicator] = feedbackNote(it)
	}
	return n
}

// feedbackNote is one indicator's review as the feedback file signed it.
func feedbackNote(it feedback.Item) assessment.FeedbackNote {
	return assessment.FeedbackNote{Indicator: it.Indicator, Status: it.Status, Reason: it.Reason,
		Value: it.Value, Note: it.Note, Reviewer: it.Reviewer, ReviewedAt: parseRFC3339(it.ReviewedAt),
		ReviewedAtSigned: it.ReviewedAt, Computed: it.Computed, Items: it.ItemNotes()}
}

// Receive is `feedback import` (DB.ReceiveFeedback).
func (f feedbackInbox) Receive(ctx context.Context, r assessment.FeedbackReceipt) (assessment.FeedbackReceived, error) {
	rec, known, trustedNow, err := f.db.ReceiveFeedback(ctx, FeedbackReceipt{File: r.File, KeyFile: r.KeyFile,
		Trust: r.Trust, Retrust: r.Retrust})
	if err != nil {
		return assessment.FeedbackReceived{}, err
	}
	out := feedbackReceived(rec)
	out.Known, out.TrustedNow = known, trustedNow
	return out, nil
}

// Received is `feedback show` (DB.Feedback).
func (f feedbackInbox) Received(ctx context.Context, assessmentID string) ([]assessment.FeedbackReceived, error) {
	list, err := f.db.Feedback(ctx, assessmentID)
	var out []assessment.FeedbackReceived
	for _, r := range list {
		out = append(out, feedbackReceived(r))
	}
	return out, err
}

// feedbackReceived is a stored feedback file: the sequence from the
// export log, the fingerprint of the key that verified it, when that
// key's trust was withdrawn, and the notes as signed (every indicator in
// the file's order).
func feedbackReceived(r FeedbackRecord) assessment.FeedbackReceived {
	m := r.Manifest
	out := assessment.FeedbackReceived{AssessmentID: r.AssessmentID, BundleID: m.Bundle.ID, Sequence: r.Sequence,
		Asesor: m.Asesor.Name, Fingerprint: r.Fingerprint, CreatedAt: m.CreatedAt, KeyWithdrawnAt: r.KeyWithdrawnAt,
		Notes: []assessment.FeedbackNote{}, Superseded: r.Superseded}
	for _, it := range m.Items {
		out.Notes = append(out.Notes, feedbackNote(it))
	}
	return out
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
