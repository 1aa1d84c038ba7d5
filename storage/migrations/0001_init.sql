-- Schema 1 of the SPBE Mandiri local store. Times are UTC RFC 3339 text.
-- Never edit this file after release: add 0002_….sql instead.

CREATE TABLE profile (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    instansi   TEXT NOT NULL CHECK (instansi <> ''),
    opd_kode   TEXT NOT NULL CHECK (opd_kode <> ''),
    opd_nama   TEXT NOT NULL CHECK (opd_nama <> ''),
    operator   TEXT NOT NULL CHECK (operator <> ''),
    updated_at TEXT NOT NULL
) STRICT;

-- Catalog files a user imported, kept verbatim; loaded into the Library
-- after the embedded catalogs when the data folder opens.
CREATE TABLE imported_catalog (
    catalog_id  TEXT NOT NULL,
    version     TEXT NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    source      TEXT NOT NULL,
    data        BLOB NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (catalog_id, version)
) STRICT;

-- status is draft or exported; trashed_at marks the trash independently so
-- that restoring from the trash returns the previous status.
CREATE TABLE assessment (
    id              TEXT PRIMARY KEY CHECK (id <> ''),
    catalog_id      TEXT NOT NULL,
    catalog_version TEXT NOT NULL,
    catalog_sha256  TEXT NOT NULL CHECK (length(catalog_sha256) = 64),
    periode         INTEGER NOT NULL CHECK (periode BETWEEN 2000 AND 2100),
    status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'exported')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    trashed_at      TEXT
) STRICT;

-- The indicator numbers of the pinned catalog, so answers to indicators the
-- catalog does not have are impossible.
CREATE TABLE assessment_indicator (
    assessment_id TEXT NOT NULL REFERENCES assessment (id),
    indicator     INTEGER NOT NULL CHECK (indicator >= 1),
    PRIMARY KEY (assessment_id, indicator)
) STRICT, WITHOUT ROWID;

CREATE TABLE answer (
    assessment_id TEXT NOT NULL,
    indicator     INTEGER NOT NULL,
    level         INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 5),
    justification TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    operator      TEXT NOT NULL,
    PRIMARY KEY (assessment_id, indicator),
    FOREIGN KEY (assessment_id, indicator) REFERENCES assessment_indicator (assessment_id, indicator)
) STRICT;

-- Append-only: the triggers below refuse UPDATE and DELETE.
CREATE TABLE history (
    id            INTEGER PRIMARY KEY,
    assessment_id TEXT NOT NULL,
    indicator     INTEGER NOT NULL,
    field         TEXT NOT NULL CHECK (field IN ('level', 'justification', 'evidence')),
    old           TEXT NOT NULL,
    new           TEXT NOT NULL,
    at            TEXT NOT NULL,
    operator      TEXT NOT NULL,
    FOREIGN KEY (assessment_id, indicator) REFERENCES assessment_indicator (assessment_id, indicator)
) STRICT;

CREATE INDEX history_by_answer ON history (assessment_id, indicator, id);

CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'riwayat hanya boleh ditambah, tidak boleh diubah');
END;

CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'riwayat hanya boleh ditambah, tidak boleh dihapus');
END;

-- One row per stored file in blobs/<sha256[:2]>/<sha256>.
CREATE TABLE blob (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT NOT NULL,
    added_at   TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- A link between an answer and a blob; removal is a soft delete
-- (removed_at) so it can be undone.
CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    assessment_id TEXT NOT NULL,
    indicator     INTEGER NOT NULL,
    blob_sha256   TEXT NOT NULL REFERENCES blob (sha256),
    original_name TEXT NOT NULL,
    level         INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 5),
    note          TEXT NOT NULL DEFAULT '',
    added_at      TEXT NOT NULL,
    operator      TEXT NOT NULL,
    removed_at    TEXT,
    FOREIGN KEY (assessment_id, indicator) REFERENCES assessment_indicator (assessment_id, indicator)
) STRICT;

CREATE INDEX evidence_by_answer ON evidence (assessment_id, indicator, id);
CREATE INDEX evidence_by_blob ON evidence (blob_sha256);

CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
BEGIN
    SELECT RAISE(ABORT, 'tautan bukti dihapus secara lunak (removed_at), tidak boleh dihapus');
END;
