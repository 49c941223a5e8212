#include "core/store/schema.h"

#include <QString>
#include <iterator>

#include "core/domain/error.h"
#include "core/store/connection.h"

namespace vs::store {
namespace {

// Version 1: one JSON text holds the three per-dimension rationales; no batch, no kept
// unknown keys, history without origin and written by the program (no triggers).
constexpr const char* kV1 = R"sql(
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
)sql";

// Version 2: rationales split into one column per dimension (data moved out of the JSON),
// videos get a batch label, evaluations keep unknown import keys, history records the origin
// after each change and is written by triggers (so no write path can skip it) and can only grow;
// a new evaluation's creation is its created_at (a history row per imported item would double
// the cost of an import), and each import is recorded once in `imports`.
constexpr const char* kV1ToV2 = R"sql(
ALTER TABLE videos ADD COLUMN batch TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN visual_rationale TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN t2v_rationale TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN phy_rationale TEXT NOT NULL DEFAULT '';
ALTER TABLE evaluations ADD COLUMN extra_json TEXT NOT NULL DEFAULT '';
UPDATE evaluations SET
  visual_rationale = coalesce(json_extract(rationale_json, '$.visual'), ''),
  t2v_rationale = coalesce(json_extract(rationale_json, '$.t2v'), ''),
  phy_rationale = coalesce(json_extract(rationale_json, '$.phy'), '')
  WHERE json_valid(rationale_json);
ALTER TABLE evaluations DROP COLUMN rationale_json;
ALTER TABLE history ADD COLUMN origin TEXT NOT NULL DEFAULT '';
CREATE INDEX history_evaluation ON history(evaluation_id);
CREATE INDEX videos_prompt ON videos(prompt_id);
CREATE TRIGGER history_append_only_update BEFORE UPDATE ON history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_append_only_delete BEFORE DELETE ON history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TABLE imports(
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  annotator TEXT NOT NULL,
  items INTEGER NOT NULL,
  imported_at INTEGER NOT NULL);
)sql";

// Version 3: query templates written by the project's users, by name (the built-in presets ship
// with the program and are not stored).
constexpr const char* kV2ToV3 = R"sql(
CREATE TABLE query_templates(
  name TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  updated_at INTEGER NOT NULL);
)sql";

// Version 4: the folders a project searches for its video files, in order (core/library's
// VideoLocator). Paths are absolute, or relative to the project file's folder.
constexpr const char* kV3ToV4 = R"sql(
CREATE TABLE media_folders(
  position INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE);
)sql";

// Version 5: people's preferences between two videos of a prompt, and Best-of-N picks.
// A preference is keyed by (annotator, unordered pair, dimension): judging A|B again as B|A edits
// the same row. left_id/right_id are the order shown; `presentation` says whether that order was
// drawn at random (only those rows measure position bias), `swapped` whether the draw reversed the
// schedule's order. Their history (preference_history, pick_history) is written by triggers like
// evaluations' and can only grow; it records creation and deletion too, because undoing a first
// judgement deletes the row, and keeps no foreign key so a deleted row's history stays.
constexpr const char* kV4ToV5 = R"sql(
CREATE TABLE preferences(
  id INTEGER PRIMARY KEY,
  annotator_id INTEGER NOT NULL REFERENCES annotators(id),
  prompt_id INTEGER REFERENCES prompts(id),
  left_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
  right_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
  dimension TEXT NOT NULL CHECK (dimension IN ('overall', 'visual', 't2v', 'phy')),
  choice TEXT NOT NULL CHECK (choice IN ('left', 'right', 'tie')),
  presentation TEXT NOT NULL DEFAULT 'as-listed' CHECK (presentation IN ('as-listed', 'randomised')),
  swapped INTEGER NOT NULL DEFAULT 0 CHECK (swapped IN (0, 1)),
  reason TEXT NOT NULL DEFAULT '',
  time_spent_ms INTEGER NOT NULL DEFAULT 0 CHECK (time_spent_ms >= 0),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (left_id <> right_id));
CREATE UNIQUE INDEX preferences_pair
  ON preferences(annotator_id, min(left_id, right_id), max(left_id, right_id), dimension);
CREATE INDEX preferences_prompt ON preferences(prompt_id);
CREATE TABLE preference_history(
  id INTEGER PRIMARY KEY,
  preference_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  old_value, new_value,
  changed_at INTEGER NOT NULL);
CREATE INDEX preference_history_preference ON preference_history(preference_id);
CREATE TRIGGER preference_history_append_only_update BEFORE UPDATE ON preference_history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER preference_history_append_only_delete BEFORE DELETE ON preference_history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER preferences_created AFTER INSERT ON preferences BEGIN
  INSERT INTO preference_history(preference_id, field, old_value, new_value, changed_at)
  VALUES (new.id, 'created', NULL, new.choice, new.updated_at); END;
CREATE TRIGGER preferences_deleted AFTER DELETE ON preferences BEGIN
  INSERT INTO preference_history(preference_id, field, old_value, new_value, changed_at)
  VALUES (old.id, 'deleted', old.choice, NULL, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)); END;
CREATE TABLE best_of_n_picks(
  id INTEGER PRIMARY KEY,
  annotator_id INTEGER NOT NULL REFERENCES annotators(id),
  prompt_id INTEGER NOT NULL REFERENCES prompts(id),
  candidates_json TEXT NOT NULL,
  best_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
  worst_id INTEGER REFERENCES videos(id) ON DELETE CASCADE,
  time_spent_ms INTEGER NOT NULL DEFAULT 0 CHECK (time_spent_ms >= 0),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (worst_id IS NULL OR worst_id <> best_id),
  UNIQUE (annotator_id, prompt_id));
CREATE TABLE pick_history(
  id INTEGER PRIMARY KEY,
  pick_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  old_value, new_value,
  changed_at INTEGER NOT NULL);
CREATE INDEX pick_history_pick ON pick_history(pick_id);
CREATE TRIGGER pick_history_append_only_update BEFORE UPDATE ON pick_history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER pick_history_append_only_delete BEFORE DELETE ON pick_history
  BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER best_of_n_picks_created AFTER INSERT ON best_of_n_picks BEGIN
  INSERT INTO pick_history(pick_id, field, old_value, new_value, changed_at)
  VALUES (new.id, 'created', NULL, new.best_id, new.updated_at); END;
CREATE TRIGGER best_of_n_picks_deleted AFTER DELETE ON best_of_n_picks BEGIN
  INSERT INTO pick_history(pick_id, field, old_value, new_value, changed_at)
  VALUES (old.id, 'deleted', old.best_id, NULL, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)); END;
)sql";

// Version 6: working together (SQLite and PostgreSQL alike; BIGINT is an INTEGER in SQLite).
// Project settings (judgements_per_video: how many people should judge each video), leases
// handing a video to one person until expires_at (ms since the epoch; renewed while they work,
// expired ones count for nothing), and a version on the records people share, so that an edit
// made on an old version is refused instead of writing over someone else's: query templates,
// the rubric (one row) and flags on a video.
constexpr const char* kV5ToV6 = R"sql(
CREATE TABLE settings(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL);
CREATE TABLE leases(
  video_id BIGINT NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
  annotator_id BIGINT NOT NULL REFERENCES annotators(id),
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (video_id, annotator_id));
CREATE INDEX leases_annotator ON leases(annotator_id);
ALTER TABLE query_templates ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
CREATE TABLE rubric(
  id BIGINT PRIMARY KEY CHECK (id = 1),
  json TEXT NOT NULL,
  version BIGINT NOT NULL,
  updated_at BIGINT NOT NULL);
CREATE TABLE video_flags(
  video_id BIGINT PRIMARY KEY REFERENCES videos(id) ON DELETE CASCADE,
  flags TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL,
  updated_at BIGINT NOT NULL);
)sql";

constexpr const char* kPreferenceTrackedColumns[] = {"left_id", "right_id", "choice",       "presentation",
                                                     "swapped", "reason",   "time_spent_ms"};
constexpr const char* kPickTrackedColumns[] = {"candidates_json", "best_id", "worst_id", "time_spent_ms"};

// One trigger per tracked column: AFTER UPDATE OF <col> WHEN the value really changed.
constexpr const char* kTrackedColumns[] = {
    "visual",   "t2v",    "phy",           "visual_rationale", "t2v_rationale", "phy_rationale",
    "thinking", "origin", "time_spent_ms", "model_id",         "settings_json"};

void createHistoryTriggers(Connection& db, const QString& where) {
  for (const char* column : kTrackedColumns) {
    const QByteArray sql =
        QStringLiteral(
            "CREATE TRIGGER evaluations_%1 AFTER UPDATE OF %1 ON evaluations "
            "WHEN old.%1 IS NOT new.%1 BEGIN "
            "INSERT INTO history(evaluation_id, field, old_value, new_value, origin, changed_at) "
            "VALUES (new.id, '%1', old.%1, new.%1, new.origin, new.updated_at); END;")
            .arg(QLatin1String(column))
            .toUtf8();
    execSql(db, sql.constData(), where);
  }
}

void createTrackedTriggers(Connection& db, const char* table, const char* historyTable, const char* idColumn,
                           const char* const* columns, size_t count, const QString& where) {
  for (size_t i = 0; i < count; ++i) {
    const QByteArray sql =
        QStringLiteral(
            "CREATE TRIGGER %2_%1 AFTER UPDATE OF %1 ON %2 WHEN old.%1 IS NOT new.%1 BEGIN "
            "INSERT INTO %3(%4, field, old_value, new_value, changed_at) "
            "VALUES (new.id, '%1', old.%1, new.%1, new.updated_at); END;")
            .arg(QLatin1String(columns[i]), QLatin1String(table), QLatin1String(historyTable),
                 QLatin1String(idColumn))
            .toUtf8();
    execSql(db, sql.constData(), where);
  }
}

}  // namespace

const char* schemaV1Sql() {
  return kV1;
}

void migrate(Connection& db, int fromVersion, int toVersion, const QString& where) {
  if (fromVersion >= toVersion)
    return;
  Transaction transaction(db, where);
  // Re-read inside the write lock: another process may have migrated meanwhile.
  int current = db.schemaVersion(where);
  if (current >= toVersion)
    return;
  if (db.backend() == Backend::Postgres && current < 5) {
    // PostgreSQL projects begin at version 5 (no older ones exist); later steps are shared.
    createPostgresV5(db, where);
    current = 5;
  }
  if (current < 1) {
    execSql(db, kV1, where);
    current = 1;
  }
  if (current < 2 && toVersion >= 2) {
    execSql(db, kV1ToV2, where);
    createHistoryTriggers(db, where);
    current = 2;
  }
  if (current < 3 && toVersion >= 3) {
    execSql(db, kV2ToV3, where);
    current = 3;
  }
  if (current < 4 && toVersion >= 4) {
    execSql(db, kV3ToV4, where);
    current = 4;
  }
  if (current < 5 && toVersion >= 5) {
    execSql(db, kV4ToV5, where);
    createTrackedTriggers(db, "preferences", "preference_history", "preference_id", kPreferenceTrackedColumns,
                          std::size(kPreferenceTrackedColumns), where);
    createTrackedTriggers(db, "best_of_n_picks", "pick_history", "pick_id", kPickTrackedColumns,
                          std::size(kPickTrackedColumns), where);
    current = 5;
  }
  if (current < 6 && toVersion >= 6) {
    execSql(db, kV5ToV6, where);
    if (db.backend() == Backend::Postgres)
      createPostgresNotify(db, where);
    current = 6;
  }
  if (current < 7 && toVersion >= 7) {
    createLeaseRoom(db, where);
    current = 7;
  }
  if (current < 8 && toVersion >= 8) {
    guardLeaseRoomForBulk(db, where);
    current = 8;
  }
  db.setSchemaVersion(current, where);
  transaction.commit();
}

}  // namespace vs::store
