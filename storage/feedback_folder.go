package storage

import "context"

// withFolder opens the OPD data folder dataDir ("" = default), runs fn
// and closes it.
func withFolder(dataDir string, fn func(*DB) error) error {
	db, err := Open(dataDir)
	if err != nil {
		return err
	}
	err = fn(db)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// ReceiveFeedbackIn is `feedback import` on the data folder dataDir
// ("" = default): DB.ReceiveFeedback with the folder opened and closed.
func ReceiveFeedbackIn(ctx context.Context, dataDir string, r FeedbackReceipt) (rec FeedbackRecord, known, trustedNow bool, err error) {
	err = withFolder(dataDir, func(db *DB) error {
		rec, known, trustedNow, err = db.ReceiveFeedback(ctx, r)
		return err
	})
	return rec, known, trustedNow, err
}

// FeedbackIn is `feedback show`: the stored feedback files of an
// assessment of the data folder dataDir ("" = default).
func FeedbackIn(ctx context.Context, dataDir, assessmentID string) (list []FeedbackRecord, err error) {
	err = withFolder(dataDir, func(db *DB) error {
		list, err = db.Feedback(ctx, assessmentID)
		return err
	})
	return list, err
}
