-- answers.json and report.pdf sent inline with the announcement (≤ 1 MiB
-- each) are kept here instead of as bucket objects: two small S3 writes per
-- bundle dominated intake time (docs/PERFORMANCE.md). Content-addressed
-- like the bucket; a blob row with a small_blob row has no object.
CREATE TABLE small_blob (
	sha256 text PRIMARY KEY REFERENCES blob,
	data   bytea NOT NULL
);
