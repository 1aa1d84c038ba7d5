-- The assessor's workspace (<data>/asesor/asesor.db), schema 1.
-- application_id 0x53504241 ("SPBA"), distinct from the OPD store's "SPBE".

-- The key registry: OPD public keys, received separately from the bundles
-- (`spbe-mandiri key export-public` on the OPD side, `keys add` here).
CREATE TABLE opd_key (
	keyid        TEXT PRIMARY KEY CHECK (length(keyid) = 64),
	public_key   BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
	fingerprint  TEXT NOT NULL,
	opd_kode     TEXT,            -- bound by `keys add --opd` or the first bundle accepted
	status       TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'revoked')),
	source       TEXT NOT NULL,   -- the file it was added from, for the record
	first_seen   TEXT NOT NULL,
	verified_by  TEXT,
	verified_at  TEXT,
	verified_how TEXT,
	revoked_at   TEXT,
	CHECK ((status = 'verified') = (verified_at IS NOT NULL) OR status = 'revoked'),
	CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
) STRICT;

-- An OPD has at most one key that is not revoked: another key arriving
-- for it is the hard stop "KUNCI BERBEDA".
CREATE UNIQUE INDEX opd_key_one_active ON opd_key (opd_kode)
	WHERE opd_kode IS NOT NULL AND status <> 'revoked';

-- Content-addressed files (evidence, report.pdf) in blobs/ab/<sha256>.
CREATE TABLE blob (
	sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
	size       INTEGER NOT NULL CHECK (size >= 0),
	media_type TEXT NOT NULL,
	added_at   TEXT NOT NULL
) STRICT;

-- Every bundle stored, verified completely before it got here.
CREATE TABLE bundle (
	bundle_id         TEXT PRIMARY KEY,
	manifest_sha256   TEXT NOT NULL UNIQUE,
	opd_kode          TEXT NOT NULL,
	opd_nama          TEXT NOT NULL,
	instansi          TEXT NOT NULL,
	periode           INTEGER NOT NULL,
	sequence          INTEGER NOT NULL CHECK (sequence >= 1),
	keyid             TEXT NOT NULL REFERENCES opd_key (keyid),
	content_digest    TEXT NOT NULL,
	supersedes_id     TEXT,
	supersedes_sha256 TEXT,
	status            TEXT NOT NULL CHECK (status IN ('accepted', 'superseded', 'conflict')),
	created_at        TEXT NOT NULL,  -- the OPD device's clock: display only
	imported_at       TEXT NOT NULL,
	source_name       TEXT NOT NULL,  -- file name on the stick, for display
	score_index       TEXT NOT NULL,  -- as in answers.json ("" = nothing answered)
	predicate         TEXT NOT NULL,
	complete          INTEGER NOT NULL CHECK (complete IN (0, 1)),
	answered          INTEGER NOT NULL,
	total             INTEGER NOT NULL,
	catalog_id        TEXT NOT NULL,
	catalog_version   TEXT NOT NULL,
	catalog_sha256    TEXT NOT NULL,
	report_sha256     TEXT NOT NULL REFERENCES blob (sha256),
	manifest          BLOB NOT NULL,  -- the exact signed bytes
	signature         BLOB NOT NULL   -- manifest.sig.json
) STRICT;

-- One accepted bundle per OPD and periode; the sequence of a key is never reused.
CREATE UNIQUE INDEX bundle_accepted ON bundle (opd_kode, periode) WHERE status = 'accepted';
CREATE UNIQUE INDEX bundle_key_sequence ON bundle (keyid, sequence);
CREATE INDEX bundle_opd ON bundle (opd_kode, periode);

CREATE TABLE bundle_answer (
	bundle_id     TEXT NOT NULL REFERENCES bundle (bundle_id),
	indicator     INTEGER NOT NULL CHECK (indicator >= 1),
	level         INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
	justification TEXT NOT NULL,
	PRIMARY KEY (bundle_id, indicator)
) STRICT, WITHOUT ROWID;

CREATE TABLE bundle_evidence (
	bundle_id     TEXT NOT NULL,
	indicator     INTEGER NOT NULL,
	pos           INTEGER NOT NULL,
	sha256        TEXT NOT NULL REFERENCES blob (sha256),
	level         INTEGER NOT NULL,
	note          TEXT NOT NULL,
	original_name TEXT NOT NULL,
	PRIMARY KEY (bundle_id, indicator, pos),
	FOREIGN KEY (bundle_id, indicator) REFERENCES bundle_answer (bundle_id, indicator)
) STRICT, WITHOUT ROWID;
