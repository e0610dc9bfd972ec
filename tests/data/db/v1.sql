-- Schema version 1 of the case databases (hep-migrations.c, step 1), with
-- one case, as a database written by that version would hold it.
-- test-migrations.c upgrades it to the latest version. Never edit it.

CREATE TABLE cases (  pk            INTEGER PRIMARY KEY,  id            TEXT NOT NULL UNIQUE,  title         TEXT NOT NULL,  age           INTEGER,  sex           TEXT CHECK (sex IN ('f', 'm')),  history       TEXT NOT NULL,  presentation  TEXT NOT NULL,  found_on      TEXT NOT NULL CHECK (found_on IN ('us', 'ct', 'mri')),  size_mm       INTEGER,  features      TEXT NOT NULL,  diagnosis     TEXT NOT NULL,  proof         TEXT NOT NULL,  certainty     TEXT NOT NULL CHECK (certainty IN ('definite', 'probable')),  lirads        TEXT NOT NULL,  difficulty    INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 5),  language      TEXT NOT NULL,  spoilers      TEXT NOT NULL,  author        TEXT NOT NULL,  license       TEXT NOT NULL,  derived_from  TEXT,  modified      INTEGER NOT NULL DEFAULT 0);
CREATE INDEX cases_title ON cases (title COLLATE NOCASE, id);
CREATE INDEX cases_diagnosis ON cases (diagnosis);
CREATE INDEX cases_lirads ON cases (lirads);
CREATE TABLE case_finding (  case_pk  INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,  phase    TEXT NOT NULL CHECK (phase IN ('pre', 'arterial', 'portal', 'delayed', 'hbp', 't2', 'dwi', 'other')),  text     TEXT NOT NULL,  PRIMARY KEY (case_pk, phase)) WITHOUT ROWID;
CREATE TABLE case_text (  case_pk  INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,  kind     TEXT NOT NULL CHECK (kind IN ('teaching-point', 'pitfall', 'reference')),  position INTEGER NOT NULL,  text     TEXT NOT NULL,  PRIMARY KEY (case_pk, kind, position)) WITHOUT ROWID;
CREATE TABLE case_tag (  case_pk  INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,  tag      TEXT NOT NULL,  position INTEGER NOT NULL,  PRIMARY KEY (case_pk, tag)) WITHOUT ROWID;
CREATE INDEX case_tag_tag ON case_tag (tag);
CREATE TABLE case_image (  case_pk  INTEGER NOT NULL REFERENCES cases (pk) ON DELETE CASCADE,  position INTEGER NOT NULL,  caption  TEXT NOT NULL,  phase    TEXT,  modality TEXT,  file     TEXT,  PRIMARY KEY (case_pk, position)) WITHOUT ROWID;
CREATE VIRTUAL TABLE case_fts USING fts5 (  title, diagnosis, tags, findings, history, teaching,  tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO case_fts (case_fts, rank) VALUES ('rank', 'bm25(10.0, 6.0, 4.0, 2.0, 1.0, 1.0)');

INSERT INTO cases (pk, id, title, age, sex, history, presentation, found_on, size_mm, features, diagnosis, proof, certainty, lirads, difficulty, language, spoilers, author, license, derived_from, modified) VALUES (1, 'v1-user-case', 'A case written by schema version 1', 61, 'm', 'Cirrhosis.', 'Surveillance nodule.', 'us', 22, 'risk=cirrhosis age=61 sex=m size=22 aphe=nonrim washout capsule', 'hcc', 'explant', 'definite', 'LR-5', 2, 'en', 'diagnosis lirads', 'Fixture', 'CC0-1.0', NULL, 1700000000);
INSERT INTO case_finding VALUES (1, 'arterial', 'Nonrim hyperenhancement.'), (1, 'portal', 'Washout with capsule.');
INSERT INTO case_text VALUES (1, 'teaching-point', 0, 'Washout and capsule in cirrhosis.'), (1, 'reference', 0, 'Fixture reference.');
INSERT INTO case_tag VALUES (1, 'cirrhosis', 0);
INSERT INTO case_fts (rowid, title, diagnosis, tags, findings, history, teaching) VALUES (1, 'A case written by schema version 1', 'hcc Hepatocellular carcinoma LR-5', 'cirrhosis', 'Nonrim hyperenhancement.
Washout with capsule.', 'Cirrhosis.
Surveillance nodule.', 'Washout and capsule in cirrhosis.');
PRAGMA user_version = 1;
