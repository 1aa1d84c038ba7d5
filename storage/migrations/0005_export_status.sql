-- Schema 5: the export log records a bundle *before* it is published, so
-- a crash right after the bundle is renamed into place (or a failed fsync
-- of the folder) never leaves a valid bundle this installation does not
-- know. Never edit this file after release: add 0006_….sql instead.
--
--   pending    logged before the bundle file was created; not yet confirmed
--              (the app stopped, or the folder could not be synced). The next
--              start and the next export look at `path` and decide.
--   published  the bundle is in place (every row before schema 5).
--   abandoned  it never came into being, or is not where it was written;
--              its bytes may have reached the stick, so its sequence stays
--              used and is never given to other content.
-- A failure that wrote nothing deletes the pending row: the sequence is
-- free again (see storage/bundle/reconcile.go and docs/storage.md).
ALTER TABLE export ADD COLUMN status TEXT NOT NULL DEFAULT 'published'
    CHECK (status IN ('pending', 'published', 'abandoned'));
