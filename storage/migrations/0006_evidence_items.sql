-- Schema 6: evidence items and external scores (Indeks Pemdi 2026).
-- Never edit this file after release: add 0007_….sql instead.
--
-- A file supports zero or more catalog evidence items (I4-L1-02); an item
-- may be supported by several files. The codes are checked against the
-- assessment's pinned catalog before they are written (the catalog is not
-- in the database). The rows follow the link: a removed link keeps its
-- items, so undoing the removal brings them back.
CREATE TABLE evidence_item (
    evidence_id INTEGER NOT NULL REFERENCES evidence (id),
    code        TEXT NOT NULL CHECK (code GLOB 'I[1-9]*-L[1-5]-[0-9][0-9]'),
    PRIMARY KEY (evidence_id, code)
) STRICT, WITHOUT ROWID;

-- The agency's published score of an externally valued indicator (Indeks
-- SDI, EPSS, SJIG …), a plain decimal with a point; NULL = none entered
-- (the evaluator then takes 1). external_year 0 = year unknown.
ALTER TABLE answer ADD COLUMN external_score TEXT CHECK (external_score <> '');
ALTER TABLE answer ADD COLUMN external_year INTEGER NOT NULL DEFAULT 0
    CHECK (external_year = 0 OR external_year BETWEEN 2000 AND 2100);

-- The history gains the field 'external'. SQLite cannot change a CHECK in
-- place, so the table is rebuilt with the same rows and ids; DROP TABLE
-- does not fire the append-only triggers, which are created again below.
CREATE TABLE history_v6 (
    id            INTEGER PRIMARY KEY,
    assessment_id TEXT NOT NULL,
    indicator     INTEGER NOT NULL,
    field         TEXT NOT NULL CHECK (field IN ('level', 'justification', 'evidence', 'external')),
    old           TEXT NOT NULL,
    new           TEXT NOT NULL,
    at            TEXT NOT NULL,
    operator      TEXT NOT NULL,
    FOREIGN KEY (assessment_id, indicator) REFERENCES assessment_indicator (assessment_id, indicator)
) STRICT;

INSERT INTO history_v6 (id, assessment_id, indicator, field, old, new, at, operator)
    SELECT id, assessment_id, indicator, field, old, new, at, operator FROM history;

DROP TABLE history;

ALTER TABLE history_v6 RENAME TO history;

CREATE INDEX history_by_answer ON history (assessment_id, indicator, id);

CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'riwayat hanya boleh ditambah, tidak boleh diubah');
END;

CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'riwayat hanya boleh ditambah, tidak boleh dihapus');
END;
