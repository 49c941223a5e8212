// Schema version 5 in PostgreSQL: the same tables, columns, constraints and indexes as the SQLite
// file at version 5 (schema.cpp), and the same append-only history written by triggers, in
// PL/pgSQL. INTEGER columns are bigint, REAL double precision; history values are kept as text
// (the store reads them back by the field's type). vs_meta holds what PRAGMA user_version and
// application_id hold in a file.
#include <QString>
#include <iterator>

#include "core/store/connection.h"
#include "core/store/schema.h"

namespace vs::store {
namespace {

constexpr const char* kPgV5 = R"sql(
CREATE TABLE vs_meta(key text PRIMARY KEY, value text NOT NULL);
INSERT INTO vs_meta(key, value) VALUES ('application', 'VideoScore');
CREATE FUNCTION vs_now_ms() RETURNS bigint LANGUAGE sql VOLATILE AS
  $$ SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint $$;
CREATE FUNCTION vs_append_only() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN RAISE EXCEPTION 'history is append-only'; END $$;
-- A NULL id (SQLite's "next rowid") takes the next value of the table's sequence.
CREATE FUNCTION vs_fill_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN NEW.id := nextval(pg_get_serial_sequence(TG_TABLE_NAME, 'id')); END IF;
  RETURN NEW;
END $$;

CREATE TABLE prompts(
  id bigserial PRIMARY KEY,
  text text NOT NULL UNIQUE);
CREATE TABLE videos(
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  prompt_id bigint REFERENCES prompts(id),
  url text NOT NULL DEFAULT '',
  path text NOT NULL DEFAULT '',
  content_hash text NOT NULL DEFAULT '',
  probe_json text NOT NULL DEFAULT '',
  generator text NOT NULL DEFAULT '',
  batch text NOT NULL DEFAULT '');
CREATE INDEX videos_prompt ON videos(prompt_id);
CREATE TABLE annotators(
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('human', 'model')));
CREATE TABLE evaluations(
  id bigserial PRIMARY KEY,
  video_id bigint NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
  annotator_id bigint NOT NULL REFERENCES annotators(id),
  visual double precision, t2v double precision, phy double precision,
  thinking text NOT NULL DEFAULT '',
  origin text NOT NULL CHECK (origin IN ('human', 'model', 'model-accepted', 'model-edited')),
  model_id text NOT NULL DEFAULT '',
  settings_json text NOT NULL DEFAULT '',
  time_spent_ms bigint NOT NULL DEFAULT 0,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  visual_rationale text NOT NULL DEFAULT '',
  t2v_rationale text NOT NULL DEFAULT '',
  phy_rationale text NOT NULL DEFAULT '',
  extra_json text NOT NULL DEFAULT '',
  UNIQUE (video_id, annotator_id));
CREATE TABLE history(
  id bigserial PRIMARY KEY,
  evaluation_id bigint NOT NULL REFERENCES evaluations(id),
  field text NOT NULL,
  old_value text, new_value text,
  changed_at bigint NOT NULL,
  origin text NOT NULL DEFAULT '');
CREATE INDEX history_evaluation ON history(evaluation_id);
CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history
  FOR EACH ROW EXECUTE FUNCTION vs_append_only();
CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history
  FOR EACH STATEMENT EXECUTE FUNCTION vs_append_only();
CREATE TABLE imports(
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  format text NOT NULL,
  annotator text NOT NULL,
  items bigint NOT NULL,
  imported_at bigint NOT NULL);
CREATE TABLE query_templates(
  name text PRIMARY KEY,
  text text NOT NULL,
  updated_at bigint NOT NULL);
CREATE TABLE media_folders(
  position bigint PRIMARY KEY,
  path text NOT NULL UNIQUE);

CREATE TABLE preferences(
  id bigserial PRIMARY KEY,
  annotator_id bigint NOT NULL REFERENCES annotators(id),
  prompt_id bigint REFERENCES prompts(id),
  left_id bigint NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
  right_id bigint NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
  dimension text NOT NULL CHECK (dimension IN ('overall', 'visual', 't2v', 'phy')),
  choice text NOT NULL CHECK (choice IN ('left', 'right', 'tie')),
  presentation text NOT NULL DEFAULT 'as-listed' CHECK (presentation IN ('as-listed', 'randomised')),
  swapped bigint NOT NULL DEFAULT 0 CHECK (swapped IN (0, 1)),
  reason text NOT NULL DEFAULT '',
  time_spent_ms bigint NOT NULL DEFAULT 0 CHECK (time_spent_ms >= 0),
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  CHECK (left_id <> right_id));
CREATE UNIQUE INDEX preferences_pair
  ON preferences(annotator_id, least(left_id, right_id), greatest(left_id, right_id), dimension);
CREATE INDEX preferences_prompt ON preferences(prompt_id);
CREATE TRIGGER preferences_fill_id BEFORE INSERT ON preferences FOR EACH ROW EXECUTE FUNCTION vs_fill_id();
CREATE TABLE preference_history(
  id bigserial PRIMARY KEY,
  preference_id bigint NOT NULL,
  field text NOT NULL,
  old_value text, new_value text,
  changed_at bigint NOT NULL);
CREATE INDEX preference_history_preference ON preference_history(preference_id);
CREATE TRIGGER preference_history_append_only BEFORE UPDATE OR DELETE ON preference_history
  FOR EACH ROW EXECUTE FUNCTION vs_append_only();
CREATE TRIGGER preference_history_no_truncate BEFORE TRUNCATE ON preference_history
  FOR EACH STATEMENT EXECUTE FUNCTION vs_append_only();

CREATE TABLE best_of_n_picks(
  id bigserial PRIMARY KEY,
  annotator_id bigint NOT NULL REFERENCES annotators(id),
  prompt_id bigint NOT NULL REFERENCES prompts(id),
  candidates_json text NOT NULL,
  best_id bigint NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
  worst_id bigint REFERENCES videos(id) ON DELETE CASCADE,
  time_spent_ms bigint NOT NULL DEFAULT 0 CHECK (time_spent_ms >= 0),
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  CHECK (worst_id IS NULL OR worst_id <> best_id),
  UNIQUE (annotator_id, prompt_id));
CREATE TRIGGER best_of_n_picks_fill_id BEFORE INSERT ON best_of_n_picks FOR EACH ROW EXECUTE FUNCTION vs_fill_id();
CREATE TABLE pick_history(
  id bigserial PRIMARY KEY,
  pick_id bigint NOT NULL,
  field text NOT NULL,
  old_value text, new_value text,
  changed_at bigint NOT NULL);
CREATE INDEX pick_history_pick ON pick_history(pick_id);
CREATE TRIGGER pick_history_append_only BEFORE UPDATE OR DELETE ON pick_history
  FOR EACH ROW EXECUTE FUNCTION vs_append_only();
CREATE TRIGGER pick_history_no_truncate BEFORE TRUNCATE ON pick_history
  FOR EACH STATEMENT EXECUTE FUNCTION vs_append_only();

)sql";

constexpr const char* kEvaluationTracked[] = {
    "visual",   "t2v",    "phy",           "visual_rationale", "t2v_rationale", "phy_rationale",
    "thinking", "origin", "time_spent_ms", "model_id",         "settings_json"};
constexpr const char* kPreferenceTracked[] = {"left_id", "right_id", "choice",       "presentation",
                                              "swapped", "reason",   "time_spent_ms"};
constexpr const char* kPickTracked[] = {"candidates_json", "best_id", "worst_id", "time_spent_ms"};

// One IF per tracked column: a history row when the value really changed (IS DISTINCT FROM, as
// SQLite's IS NOT). Values are written as text; extra_float_digits = 1 gives a double's shortest
// exact form, so a score reads back bit for bit.
QString changedRows(const char* const* columns, size_t count, const QString& insert) {
  QString body;
  for (size_t i = 0; i < count; ++i) {
    body += QStringLiteral("  IF OLD.%1 IS DISTINCT FROM NEW.%1 THEN %2; END IF;\n")
                .arg(QLatin1String(columns[i]), insert.arg(QLatin1String(columns[i])));
  }
  return body;
}

QByteArray historyFunction(const QString& name, const QString& body) {
  return QStringLiteral(
             "CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql SET extra_float_digits = 1 AS $$\n"
             "BEGIN\n%2  RETURN NULL;\nEND $$;\n")
      .arg(name, body)
      .toUtf8();
}

// Creation, deletion and each tracked column's change of a preference or Best-of-N pick.
void createRowHistory(Connection& db, const char* table, const char* historyTable, const char* idColumn,
                      const char* markColumn, const char* const* columns, size_t count,
                      const QString& where) {
  const QString insert = QStringLiteral("INSERT INTO %1(%2, field, old_value, new_value, changed_at) VALUES ")
                             .arg(QLatin1String(historyTable), QLatin1String(idColumn));
  QString body = QStringLiteral(
                     "  IF TG_OP = 'INSERT' THEN %1(NEW.id, 'created', NULL, NEW.%2::text, NEW.updated_at); "
                     "RETURN NULL; END IF;\n"
                     "  IF TG_OP = 'DELETE' THEN %1(OLD.id, 'deleted', OLD.%2::text, NULL, vs_now_ms()); "
                     "RETURN NULL; END IF;\n")
                     .arg(insert, QLatin1String(markColumn));
  body += changedRows(columns, count,
                      insert + QStringLiteral("(NEW.id, '%1', OLD.%1::text, NEW.%1::text, NEW.updated_at)"));
  const QString function = QStringLiteral("vs_%1_history").arg(QLatin1String(table));
  execSql(db, historyFunction(function, body).constData(), where);
  execSql(db,
          QStringLiteral("CREATE TRIGGER %1_history AFTER INSERT OR UPDATE OR DELETE ON %1 FOR EACH ROW "
                         "EXECUTE FUNCTION %2();")
              .arg(QLatin1String(table), function)
              .toUtf8()
              .constData(),
          where);
}

// Version 6 on PostgreSQL: a notification on "vs_changes" for each committed statement that
// changed a shared table ("<table> <writer's backend pid>"; repeats within a transaction are
// sent once), what ChangeWatcher listens to.
constexpr const char* kPgNotify = R"sql(
CREATE FUNCTION vs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('vs_changes', TG_TABLE_NAME || ' ' || pg_backend_pid());
  RETURN NULL;
END $$;
)sql";

constexpr const char* kNotifyingTables[] = {"videos",          "evaluations",     "preferences",
                                            "best_of_n_picks", "query_templates", "rubric",
                                            "video_flags",     "leases",          "settings"};

}  // namespace

void createPostgresNotify(Connection& db, const QString& where) {
  execSql(db, kPgNotify, where);
  for (const char* table : kNotifyingTables) {
    execSql(
        db,
        QStringLiteral("CREATE TRIGGER %1_notify AFTER INSERT OR UPDATE OR DELETE ON %1 FOR EACH STATEMENT "
                       "EXECUTE FUNCTION vs_notify();")
            .arg(QLatin1String(table))
            .toUtf8()
            .constData(),
        where);
  }
}

void createPostgresV5(Connection& db, const QString& where) {
  execSql(db, kPgV5, where);
  const QString body = changedRows(
      kEvaluationTracked, std::size(kEvaluationTracked),
      QStringLiteral("INSERT INTO history(evaluation_id, field, old_value, new_value, origin, changed_at) "
                     "VALUES (NEW.id, '%1', OLD.%1::text, NEW.%1::text, NEW.origin, NEW.updated_at)"));
  execSql(db, historyFunction(QStringLiteral("vs_evaluation_history"), body).constData(), where);
  execSql(db,
          "CREATE TRIGGER evaluations_history AFTER UPDATE ON evaluations FOR EACH ROW "
          "EXECUTE FUNCTION vs_evaluation_history();",
          where);
  createRowHistory(db, "preferences", "preference_history", "preference_id", "choice", kPreferenceTracked,
                   std::size(kPreferenceTracked), where);
  createRowHistory(db, "best_of_n_picks", "pick_history", "pick_id", "best_id", kPickTracked,
                   std::size(kPickTracked), where);
}

}  // namespace vs::store
