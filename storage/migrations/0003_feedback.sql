-- Schema 3: feedback from the internal assessor (Tim Asesor Internal).
-- Never edit this file after release: add 0004_….sql instead.

-- Assessor public keys this installation trusts (added deliberately, with
-- `feedback import … --assessor-pubkey BERKAS --trust`).
CREATE TABLE trusted_assessor (
    keyid       TEXT PRIMARY KEY CHECK (length(keyid) = 64),
    public_key  BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
    fingerprint TEXT NOT NULL,
    source      TEXT NOT NULL,
    trusted_at  TEXT NOT NULL
) STRICT;

-- A verified feedback file on one of this installation's exported bundles.
CREATE TABLE feedback (
    id              INTEGER PRIMARY KEY,
    payload_sha256  TEXT NOT NULL UNIQUE CHECK (length(payload_sha256) = 64),
    bundle_id       TEXT NOT NULL REFERENCES export (bundle_id),
    assessment_id   TEXT NOT NULL REFERENCES assessment (id),
    assessor_keyid  TEXT NOT NULL REFERENCES trusted_assessor (keyid),
    assessor_name   TEXT NOT NULL,
    created_at      TEXT NOT NULL,  -- the assessor's clock, display only
    imported_at     TEXT NOT NULL,
    envelope        BLOB NOT NULL   -- the exact signed file
) STRICT;

CREATE INDEX feedback_by_assessment ON feedback (assessment_id, id);

CREATE TABLE feedback_item (
    feedback_id INTEGER NOT NULL REFERENCES feedback (id),
    indicator   INTEGER NOT NULL CHECK (indicator >= 1),
    status      TEXT NOT NULL CHECK (status IN ('diterima', 'revisi')),
    reason      TEXT NOT NULL,
    value       TEXT NOT NULL,
    note        TEXT NOT NULL,
    reviewer    TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    PRIMARY KEY (feedback_id, indicator)
) STRICT, WITHOUT ROWID;
