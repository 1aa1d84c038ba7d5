-- Schema 2: the assessor's review of each indicator of a bundle.
-- Append-only: every decision is a new row; the latest row (highest id)
-- per bundle and indicator is the current one, the others are its history.
CREATE TABLE review (
	id          INTEGER PRIMARY KEY,
	bundle_id   TEXT NOT NULL REFERENCES bundle (bundle_id),
	indicator   INTEGER NOT NULL CHECK (indicator >= 1),
	value       TEXT NOT NULL,   -- the assessor's value, exact decimal 1–5 ("" = none given)
	status      TEXT NOT NULL CHECK (status IN ('diterima', 'revisi')),
	reason      TEXT NOT NULL CHECK (reason IN ('', 'bukti tidak tepat', 'belum diunggah', 'ditolak otomatis')),
	note        TEXT NOT NULL,
	reviewer    TEXT NOT NULL,
	reviewed_at TEXT NOT NULL,
	CHECK ((status = 'revisi') = (reason <> ''))
) STRICT;

CREATE INDEX review_current ON review (bundle_id, indicator, id);

CREATE TRIGGER review_no_update BEFORE UPDATE ON review
BEGIN SELECT RAISE(ABORT, 'review is append-only'); END;
CREATE TRIGGER review_no_delete BEFORE DELETE ON review
BEGIN SELECT RAISE(ABORT, 'review is append-only'); END;
