-- Schema 4: the index recomputed from the catalog, and the assessor's
-- settlement of conflicts.

-- The score recomputed at import from the bundle's answers on the embedded
-- catalog it names (the columns score_index … total keep what the OPD
-- claimed in answers.json). NULL: not recomputed yet (imported before
-- schema 4, or the catalog was not known); Open recomputes such rows when
-- it is given the catalog library.
ALTER TABLE bundle ADD COLUMN calc_index TEXT;      -- 4 decimals with a point, "" = nothing answered
ALTER TABLE bundle ADD COLUMN calc_predicate TEXT;
ALTER TABLE bundle ADD COLUMN calc_complete INTEGER CHECK (calc_complete IN (0, 1));
ALTER TABLE bundle ADD COLUMN calc_answered INTEGER;
ALTER TABLE bundle ADD COLUMN calc_total INTEGER;

-- Every settlement (`accept`): which bundle the assessor made the accepted
-- one of its OPD and periode, which one was accepted before, who and when.
-- Append-only, like review.
CREATE TABLE acceptance (
	id          INTEGER PRIMARY KEY,
	bundle_id   TEXT NOT NULL REFERENCES bundle (bundle_id),
	previous_id TEXT REFERENCES bundle (bundle_id),
	opd_kode    TEXT NOT NULL,
	periode     INTEGER NOT NULL,
	decided_by  TEXT NOT NULL,
	decided_at  TEXT NOT NULL
) STRICT;

CREATE TRIGGER acceptance_no_update BEFORE UPDATE ON acceptance
BEGIN SELECT RAISE(ABORT, 'acceptance is append-only'); END;
CREATE TRIGGER acceptance_no_delete BEFORE DELETE ON acceptance
BEGIN SELECT RAISE(ABORT, 'acceptance is append-only'); END;
