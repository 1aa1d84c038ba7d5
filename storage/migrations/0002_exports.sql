-- Schema 2: the log of signed bundles this installation exported.
-- Never edit this file after release: add 0003_….sql instead.
--
-- The newest row of an OPD + periode is the `supersedes` of its next
-- bundle. The sequence number itself is reserved in <data>/keys beside the
-- signing key before the bundle is published; this log is the second record
-- of it (an export reserves max(counter, highest here) + 1), so restoring
-- either one from an older copy never reuses a number.
CREATE TABLE export (
    bundle_id       TEXT PRIMARY KEY CHECK (length(bundle_id) = 36),
    assessment_id   TEXT NOT NULL REFERENCES assessment (id),
    opd_kode        TEXT NOT NULL CHECK (opd_kode <> ''),
    periode         INTEGER NOT NULL CHECK (periode BETWEEN 2000 AND 2100),
    sequence        INTEGER NOT NULL CHECK (sequence >= 1),
    keyid           TEXT NOT NULL CHECK (length(keyid) = 64),
    manifest_sha256 TEXT NOT NULL CHECK (length(manifest_sha256) = 64),
    content_digest  TEXT NOT NULL CHECK (length(content_digest) = 64),
    path            TEXT NOT NULL,
    size            INTEGER NOT NULL CHECK (size >= 0),
    exported_at     TEXT NOT NULL,
    UNIQUE (keyid, sequence)
) STRICT;

CREATE INDEX export_by_periode ON export (opd_kode, periode, sequence);
CREATE INDEX export_by_assessment ON export (assessment_id, sequence);
