-- Schema 6: the evidence items and external scores of answers.json format
-- version 2 (issue 14). Bundles imported before keep no rows here: they had
-- neither. Never edit this file after release: add 0007_….sql instead.

-- The item codes (I4-L1-02) one evidence link of a bundle supports.
CREATE TABLE bundle_evidence_item (
	bundle_id TEXT NOT NULL,
	indicator INTEGER NOT NULL,
	pos       INTEGER NOT NULL,
	code      TEXT NOT NULL CHECK (code <> ''),
	PRIMARY KEY (bundle_id, indicator, pos, code),
	FOREIGN KEY (bundle_id, indicator, pos) REFERENCES bundle_evidence (bundle_id, indicator, pos)
) STRICT, WITHOUT ROWID;

-- The agency score an OPD entered for an externally valued indicator, as
-- in answers.json (plain decimal with a point; year 0 = unknown).
CREATE TABLE bundle_external (
	bundle_id TEXT NOT NULL,
	indicator INTEGER NOT NULL,
	score     TEXT NOT NULL CHECK (score <> ''),
	year      INTEGER NOT NULL,
	PRIMARY KEY (bundle_id, indicator),
	FOREIGN KEY (bundle_id, indicator) REFERENCES bundle_answer (bundle_id, indicator)
) STRICT, WITHOUT ROWID;
