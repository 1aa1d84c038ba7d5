-- Schema 4: trust in an assessor key can be withdrawn
-- (`spbe-mandiri feedback untrust KEYID`).
-- Never edit this file after release: add 0005_….sql instead.
--
-- The row stays (stored feedback refers to it and is verified again with
-- its public key whenever it is read); untrusted_at set means new feedback
-- signed by the key is refused until it is trusted again.
ALTER TABLE trusted_assessor ADD COLUMN untrusted_at TEXT;
