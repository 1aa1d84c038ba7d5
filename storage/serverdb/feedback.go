package serverdb

import "context"

// AddFeedback stores a verified feedback envelope for a bundle; added is
// false when the same signed payload was stored before.
func (db *DB) AddFeedback(ctx context.Context, payloadSHA, bundleID, signer string, envelope []byte) (added bool, err error) {
	tag, err := db.Pool.Exec(ctx, `INSERT INTO feedback (payload_sha256, bundle_id, signer, envelope) VALUES ($1, $2, $3, $4)
		ON CONFLICT (payload_sha256) DO NOTHING`, payloadSHA, bundleID, signer, envelope)
	return tag.RowsAffected() == 1, err
}

// Feedback lists the feedback envelopes of a bundle, oldest first.
func (db *DB) Feedback(ctx context.Context, bundleID string) ([][]byte, error) {
	rows, err := db.Pool.Query(ctx, `SELECT envelope FROM feedback WHERE bundle_id = $1 ORDER BY received_at, payload_sha256`, bundleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := [][]byte{}
	for rows.Next() {
		var env []byte
		if err := rows.Scan(&env); err != nil {
			return nil, err
		}
		out = append(out, env)
	}
	return out, rows.Err()
}
