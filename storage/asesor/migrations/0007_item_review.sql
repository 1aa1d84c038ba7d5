-- Schema 7: the assessor's review per evidence item (issue 14 item 4).
-- Append-only like review: every verdict is a new row; the latest row
-- (highest id) per bundle, indicator and item code is the current one.
-- computed_value keeps the indicator value the items gave right after the
-- verdict (assessment.ReviewItems: the highest level whose items and all
-- lower levels' items are accepted, at least 1), so the trail shows how the
-- computed value moved. The automatic cascade ("ditolak otomatis") is not
-- stored: it follows from the verdicts whenever they are read.
CREATE TABLE review_item (
	id             INTEGER PRIMARY KEY,
	bundle_id      TEXT NOT NULL REFERENCES bundle (bundle_id),
	indicator      INTEGER NOT NULL CHECK (indicator >= 1),
	code           TEXT NOT NULL CHECK (code <> ''),
	status         TEXT NOT NULL CHECK (status IN ('diterima', 'revisi')),
	reason         TEXT NOT NULL CHECK (reason IN ('', 'bukti tidak tepat', 'belum diunggah')),
	note           TEXT NOT NULL,
	computed_value TEXT NOT NULL,
	reviewer       TEXT NOT NULL,
	reviewed_at    TEXT NOT NULL,
	CHECK ((status = 'revisi') = (reason <> ''))
) STRICT;

CREATE INDEX review_item_current ON review_item (bundle_id, indicator, code, id);

CREATE TRIGGER review_item_no_update BEFORE UPDATE ON review_item
BEGIN SELECT RAISE(ABORT, 'review_item is append-only'); END;
CREATE TRIGGER review_item_no_delete BEFORE DELETE ON review_item
BEGIN SELECT RAISE(ABORT, 'review_item is append-only'); END;

-- The value the item review computed when an indicator decision was
-- recorded, beside the value the assessor set (review.value, "" = the
-- computed one applies). NULL: recorded before schema 7, or no item had a
-- verdict then.
ALTER TABLE review ADD COLUMN computed_value TEXT;
