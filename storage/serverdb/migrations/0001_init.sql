-- The collection server's schema, version 1 (docs/sync.md).
-- Keys and hashes are stored as lowercase hex text, as in the bundle format,
-- so rows read the same as manifests and logs.

CREATE TABLE pemda (
	id         smallserial PRIMARY KEY,
	kode       text NOT NULL UNIQUE CHECK (kode ~ '^[0-9]{2}(\.[0-9]{2})?$'),
	nama       text NOT NULL CHECK (nama <> ''),
	created_at timestamptz NOT NULL DEFAULT now()
);

-- The root of trust per Pemda: enrolled by the operator after reading the
-- fingerprint back on a known phone number.
CREATE TABLE asesor_key (
	keyid        text PRIMARY KEY CHECK (keyid ~ '^[0-9a-f]{64}$'),
	pemda_id     smallint NOT NULL REFERENCES pemda,
	public_key   bytea NOT NULL CHECK (length(public_key) = 32),
	fingerprint  text NOT NULL,
	name         text NOT NULL,
	enrolled_by  text NOT NULL,
	enrolled_at  timestamptz NOT NULL DEFAULT now(),
	revoked_at   timestamptz
);

-- What the Tim Asesor signed, newest version wins; versions only grow.
CREATE TABLE registry_snapshot (
	pemda_id    smallint NOT NULL REFERENCES pemda,
	version     bigint NOT NULL CHECK (version > 0),
	signer      text NOT NULL REFERENCES asesor_key,
	envelope    bytea NOT NULL,
	received_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (pemda_id, version)
);

-- OPD keys as the latest registry snapshot lists them. The server never
-- sets a status itself.
CREATE TABLE opd_key (
	keyid            text PRIMARY KEY CHECK (keyid ~ '^[0-9a-f]{64}$'),
	pemda_id         smallint NOT NULL REFERENCES pemda,
	public_key       bytea NOT NULL CHECK (length(public_key) = 32),
	opd_kode         text NOT NULL,
	opd_match        text NOT NULL,          -- assessment.OPDMatchKey(opd_kode): look-alike spellings are one OPD
	status           text NOT NULL CHECK (status IN ('pending', 'verified', 'revoked')),
	registry_version bigint NOT NULL,
	listed_at        timestamptz NOT NULL DEFAULT now(),
	revoked_at       timestamptz
);
CREATE UNIQUE INDEX opd_one_live_key ON opd_key (pemda_id, opd_match) WHERE status <> 'revoked';

-- Evidence (and every other manifest file) present in the bucket under
-- sha256/<hex[0:4]>/<hex>, hashed by the server on arrival.
CREATE TABLE blob (
	sha256    text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	size      bigint NOT NULL CHECK (size >= 0),
	stored_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bundle (
	bundle_id       uuid PRIMARY KEY,
	pemda_id        smallint NOT NULL REFERENCES pemda,
	manifest_sha256 text NOT NULL UNIQUE,
	keyid           text NOT NULL REFERENCES opd_key,
	opd_kode        text NOT NULL,
	periode         smallint NOT NULL,
	sequence        bigint NOT NULL,
	supersedes_id   uuid,
	supersedes_sha  text,
	created_at      text NOT NULL,          -- the OPD device's clock: display only
	status          text NOT NULL CHECK (status IN ('staging', 'accepted', 'superseded', 'conflict')),
	outcome         text,
	manifest        bytea NOT NULL,
	signature       bytea NOT NULL,
	announced_at    timestamptz NOT NULL DEFAULT now(),
	completed_at    timestamptz,
	receipt         bytea,
	log_seq         bigint,                 -- the assessor's pull cursor, per Pemda, in commit order
	CHECK ((status = 'staging') = (completed_at IS NULL))
);
CREATE UNIQUE INDEX bundle_log_seq ON bundle (pemda_id, log_seq);
-- The uniqueness rules the decision relies on; a lost race is an error
-- here, never a duplicate. A staging row does not hold its sequence yet.
CREATE UNIQUE INDEX bundle_key_sequence ON bundle (keyid, sequence) WHERE status <> 'staging';
CREATE UNIQUE INDEX bundle_one_accepted ON bundle (pemda_id, opd_kode, periode) WHERE status = 'accepted';

CREATE TABLE bundle_file (
	bundle_id uuid NOT NULL REFERENCES bundle ON DELETE CASCADE,
	path      text NOT NULL,
	role      text NOT NULL,
	sha256    text NOT NULL,
	size      bigint NOT NULL CHECK (size >= 0),
	PRIMARY KEY (bundle_id, path)
);
CREATE INDEX bundle_file_by_blob ON bundle_file (sha256);

-- Resumable upload of one file: bytes up to parts_bytes are S3 multipart
-- parts (etags in order), hash_state is the SHA-256 state after them; the
-- rest of the acknowledged offset is the staging tail on the node's disk.
CREATE TABLE upload (
	pemda_id    smallint NOT NULL REFERENCES pemda,
	sha256      text NOT NULL,
	size        bigint NOT NULL,
	s3_upload   text NOT NULL DEFAULT '',
	etags       text[] NOT NULL DEFAULT '{}',
	parts_bytes bigint NOT NULL DEFAULT 0,
	hash_state  bytea,
	updated_at  timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (pemda_id, sha256)
);

-- Which files a Pemda has proven it holds (uploaded, hashed): the bucket
-- dedups across Pemda, but "already there" is answered per Pemda, so the
-- dedup is no oracle for another Pemda's documents.
CREATE TABLE pemda_blob (
	pemda_id smallint NOT NULL REFERENCES pemda,
	sha256   text NOT NULL REFERENCES blob,
	PRIMARY KEY (pemda_id, sha256)
);

-- Feedback (.spbe-umpan) the Tim Asesor sent for a decided bundle, relayed
-- to the OPD that signed it. Stored once per signed payload.
CREATE TABLE feedback (
	payload_sha256 text PRIMARY KEY,
	bundle_id      uuid NOT NULL REFERENCES bundle,
	signer         text NOT NULL REFERENCES asesor_key,
	envelope       bytea NOT NULL,
	received_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_by_bundle ON feedback (bundle_id, received_at);
