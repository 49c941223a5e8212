-- A project file as version 1 of the schema left it (user_version 1): one rationale_json text
-- per evaluation, no batch column, history without origin. Loaded by test_store.cpp to check
-- the forward migration to the current schema.
PRAGMA application_id = 1448300593;
CREATE TABLE prompts(
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL UNIQUE);
CREATE TABLE videos(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  prompt_id INTEGER REFERENCES prompts(id),
  url TEXT NOT NULL DEFAULT '',
  path TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL DEFAULT '',
  probe_json TEXT NOT NULL DEFAULT '',
  generator TEXT NOT NULL DEFAULT '');
CREATE TABLE annotators(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('human', 'model')));
CREATE TABLE evaluations(
  id INTEGER PRIMARY KEY,
  video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
  annotator_id INTEGER NOT NULL REFERENCES annotators(id),
  visual REAL, t2v REAL, phy REAL,
  rationale_json TEXT NOT NULL DEFAULT '{}',
  thinking TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL CHECK (origin IN ('human', 'model', 'model-accepted', 'model-edited')),
  model_id TEXT NOT NULL DEFAULT '',
  settings_json TEXT NOT NULL DEFAULT '',
  time_spent_ms INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (video_id, annotator_id));
CREATE TABLE history(
  id INTEGER PRIMARY KEY,
  evaluation_id INTEGER NOT NULL REFERENCES evaluations(id),
  field TEXT NOT NULL,
  old_value, new_value,
  changed_at INTEGER NOT NULL);
INSERT INTO prompts VALUES (1, 'a cat walks in the rain');
INSERT INTO videos VALUES (1, 'cat_01', 1, 'https://example.org/cat_01.mp4', 'videos/cat_01.mp4', 'sha256:00ff', '', 'gen-a');
INSERT INTO videos VALUES (2, 'cat_02', 1, '', '', '', '', 'gen-b');
INSERT INTO annotators VALUES (1, 'alice', 'human');
INSERT INTO annotators VALUES (2, 'VideoScore2', 'model');
INSERT INTO evaluations VALUES (1, 1, 1, 4, 3, 5, '{"visual": "sharp", "t2v": "no rain visible", "phy": "猫 walks fine"}', 'overall good', 'human', '', '', 61000, 1700000000000, 1700000100000);
INSERT INTO evaluations VALUES (2, 2, 1, 2, 2, 1, '{}', '', 'human', '', '', 0, 1700000000000, 1700000000000);
INSERT INTO evaluations VALUES (3, 1, 2, 3.8721, 3, 4.5, 'not json', 'visual quality: 4', 'model', 'TIGER-Lab/VideoScore2', '{"fps": 2.0}', 0, 1700000000000, 1700000000000);
INSERT INTO history VALUES (1, 1, 'visual', 3, 4, 1700000100000);
PRAGMA user_version = 1;
