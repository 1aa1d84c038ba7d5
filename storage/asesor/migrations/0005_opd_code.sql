-- Schema 5: one spelling per OPD. OPD codes are matched by their match key
-- (assessment.OPDMatchKey: case folded, separators and invisible
-- characters dropped, look-alike letters of other scripts mapped to Latin,
-- 0 → O, 1 → I), computed in Go. Every code stored in opd_key or bundle is
-- first registered here; the primary key makes a second spelling of the
-- same OPD ("DISK0MINFO" beside "DISKOMINFO", a Cyrillic О …) impossible,
-- so exact comparisons of opd_kode elsewhere match OPDs, not spellings.
-- Codes stored before schema 5 are registered by Open (first seen wins).
CREATE TABLE opd_code (
	match_key TEXT PRIMARY KEY CHECK (match_key <> ''),
	kode      TEXT NOT NULL UNIQUE
) STRICT, WITHOUT ROWID;

CREATE TRIGGER bundle_opd_code BEFORE INSERT ON bundle
WHEN NOT EXISTS (SELECT 1 FROM opd_code WHERE kode = NEW.opd_kode)
BEGIN SELECT RAISE(ABORT, 'bundle.opd_kode is not registered in opd_code'); END;

CREATE TRIGGER opd_key_opd_code_insert BEFORE INSERT ON opd_key
WHEN NEW.opd_kode IS NOT NULL AND NOT EXISTS (SELECT 1 FROM opd_code WHERE kode = NEW.opd_kode)
BEGIN SELECT RAISE(ABORT, 'opd_key.opd_kode is not registered in opd_code'); END;

CREATE TRIGGER opd_key_opd_code_update BEFORE UPDATE OF opd_kode ON opd_key
WHEN NEW.opd_kode IS NOT NULL AND NOT EXISTS (SELECT 1 FROM opd_code WHERE kode = NEW.opd_kode)
BEGIN SELECT RAISE(ABORT, 'opd_key.opd_kode is not registered in opd_code'); END;
