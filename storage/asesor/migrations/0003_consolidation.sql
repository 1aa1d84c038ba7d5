-- Schema 3: consolidation into the instansi's assessment.

-- The responsibility matrix: which OPDs answer an indicator in a periode.
-- An indicator without rows is answered by every OPD.
CREATE TABLE responsibility (
	periode   INTEGER NOT NULL,
	indicator INTEGER NOT NULL CHECK (indicator >= 1),
	opd_kode  TEXT NOT NULL,
	PRIMARY KEY (periode, indicator, opd_kode)
) STRICT, WITHOUT ROWID;

-- The value the assessor settles on for the instansi, per periode and
-- indicator, with the trail to the OPD answer it came from. Append-only:
-- the latest row (highest id) is current; value '' clears a setting (the
-- default proposal applies again).
CREATE TABLE instansi_value (
	id          INTEGER PRIMARY KEY,
	periode     INTEGER NOT NULL,
	indicator   INTEGER NOT NULL CHECK (indicator >= 1),
	value       TEXT NOT NULL,
	from_bundle TEXT REFERENCES bundle (bundle_id),
	note        TEXT NOT NULL,
	set_by      TEXT NOT NULL,
	set_at      TEXT NOT NULL
) STRICT;

CREATE INDEX instansi_value_current ON instansi_value (periode, indicator, id);

CREATE TRIGGER instansi_value_no_update BEFORE UPDATE ON instansi_value
BEGIN SELECT RAISE(ABORT, 'instansi_value is append-only'); END;
CREATE TRIGGER instansi_value_no_delete BEFORE DELETE ON instansi_value
BEGIN SELECT RAISE(ABORT, 'instansi_value is append-only'); END;
