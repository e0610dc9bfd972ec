-- Schema version 5 of the case databases (hep-migrations.c, steps 1 to 5),
-- with one case (indexed for unknown-case search, with its outcome), no
-- deck, two quiz answers and two review states, as a database written by
-- that version would hold it. test-migrations.c upgrades it to the latest
-- version. Never edit it.


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
CREATE TABLE quiz_attempt (  pk           INTEGER PRIMARY KEY,  case_id      TEXT NOT NULL,  mode         TEXT NOT NULL,  skill        TEXT,  answer       TEXT NOT NULL,  expected     TEXT,  correct      INTEGER NOT NULL CHECK (correct IN (0, 1)),  score        REAL CHECK (score BETWEEN 0 AND 1),  confidence   INTEGER CHECK (confidence BETWEEN 1 AND 5),  duration_ms  INTEGER NOT NULL CHECK (duration_ms >= 0),  answered_at  INTEGER NOT NULL);
CREATE INDEX quiz_attempt_case ON quiz_attempt (case_id, answered_at);
CREATE INDEX quiz_attempt_time ON quiz_attempt (answered_at);
CREATE TABLE review_state (  item_kind     TEXT NOT NULL CHECK (item_kind IN ('case', 'skill')),  item_id       TEXT NOT NULL,  state         TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'learning', 'review', 'relearning')),  due           INTEGER NOT NULL,  interval_days REAL NOT NULL DEFAULT 0 CHECK (interval_days >= 0),  ease          REAL NOT NULL DEFAULT 2.5,  stability     REAL,  difficulty    REAL,  reps          INTEGER NOT NULL DEFAULT 0 CHECK (reps >= 0),  lapses        INTEGER NOT NULL DEFAULT 0 CHECK (lapses >= 0),  last_review   INTEGER,  PRIMARY KEY (item_kind, item_id)) WITHOUT ROWID;
CREATE INDEX review_state_due ON review_state (due);
INSERT INTO quiz_attempt (pk, case_id, mode, skill, answer, expected, correct, score, confidence, duration_ms, answered_at) VALUES (1, 'v1-user-case', 'diagnosis', NULL, 'hcc', 'hcc', 1, 1.0, 4, 12000, 1700000100);
INSERT INTO review_state (item_kind, item_id, state, due, interval_days, ease, stability, difficulty, reps, lapses, last_review) VALUES ('case', 'v1-user-case', 'review', 1700086500, 1.0, 2.5, 3.2, 5.1, 1, 0, 1700000100);
CREATE VIRTUAL TABLE case_open_fts USING fts5 (  text,  tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO case_open_fts (rowid, text) VALUES (1, 'A case written by schema version 1
Cirrhosis.
Surveillance nodule.
Nonrim hyperenhancement.
Washout with capsule.');
ALTER TABLE cases ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
UPDATE cases SET outcome = 'Explant: a moderately differentiated HCC.' WHERE pk = 1;
CREATE TABLE deck (  pk        INTEGER PRIMARY KEY,  id        TEXT NOT NULL UNIQUE,  name      TEXT NOT NULL CHECK (name <> ''),  notes     TEXT,  created   INTEGER NOT NULL,  modified  INTEGER NOT NULL);
CREATE TABLE deck_case (  deck_pk   INTEGER NOT NULL REFERENCES deck (pk) ON DELETE CASCADE,  position  INTEGER NOT NULL CHECK (position >= 0),  case_id   TEXT NOT NULL,  PRIMARY KEY (deck_pk, position),  UNIQUE (deck_pk, case_id)) WITHOUT ROWID;
INSERT INTO quiz_attempt (pk, case_id, mode, skill, answer, expected, correct, score, confidence, duration_ms, answered_at) VALUES (2, 'v1-user-case', 'lirads', 'washout', 'LR-4', 'LR-5', 0, 0.0, 2, 45000, 1700090000);
INSERT INTO review_state (item_kind, item_id, state, due, interval_days, ease, stability, difficulty, reps, lapses, last_review) VALUES ('skill', 'washout', 'relearning', 1700090600, 0, 2.3, 1.1, 6.4, 2, 1, 1700090000);
PRAGMA user_version = 5;
