// Version 7: room for another person on each video, kept by triggers, so that a lease finds the
// next video with room through an index instead of counting every video's judgements and leases.
//   videos.takers: the people on the video: humans who judged it, plus lease holders who have not
//                  judged it (expired leases included: Store::leaseNext deletes those first);
//   videos.room:   1 while takers < k (the project's judgements per video), else 0;
//   videos_room:   a partial index on the ids of the videos with room.
// Store::leaseNext still checks each candidate exactly; these columns only spare it the videos
// that are full.
// Version 8: a bulk import into a SQLite project does not count per added evaluation. While it
// runs (inside its one transaction) the triggers for added evaluations stand aside (a settings
// row 'bulk_import' that only that transaction sees), and the import counts the videos it wrote
// to once at the end, from scratch. PostgreSQL's trigger for added evaluations already runs once
// per statement on the rows it added (a COPY import's are a few statements), which measured
// faster than a recount at the end; its version 8 changes nothing.
#include <QString>

#include "core/store/connection.h"
#include "core/store/schema.h"

namespace vs::store {
namespace {

constexpr const char* kColumns = R"sql(
ALTER TABLE videos ADD COLUMN takers BIGINT NOT NULL DEFAULT 0;
ALTER TABLE videos ADD COLUMN room BIGINT NOT NULL DEFAULT 1;
CREATE INDEX videos_room ON videos(id) WHERE room = 1;
CREATE INDEX leases_expiry ON leases(expires_at);
)sql";

#define VS_K \
  "(SELECT coalesce(max(CAST(value AS BIGINT)), 1) FROM settings WHERE key = 'judgements_per_video')"

// The takers of the video with id %1, counted from scratch.
#define VS_TAKERS(id)                                                               \
  "(SELECT count(*) FROM evaluations e JOIN annotators a ON a.id = e.annotator_id " \
  "WHERE e.video_id = " id                                                          \
  " AND a.kind = 'human') + "                                                       \
  "(SELECT count(*) FROM leases l WHERE l.video_id = " id                           \
  " AND NOT EXISTS "                                                                \
  "(SELECT 1 FROM evaluations e WHERE e.video_id = l.video_id AND e.annotator_id = l.annotator_id))"

constexpr const char* kRecount = "UPDATE videos SET takers = " VS_TAKERS("videos.id");

// %1: a query whose column `id` lists the videos to count again.
constexpr const char* kRecountSome =
    "UPDATE videos SET takers = c.n, room = CASE WHEN c.n < " VS_K
    " THEN 1 ELSE 0 END "
    "FROM (SELECT t.id, " VS_TAKERS("t.id") " AS n FROM (%1) t) c WHERE videos.id = c.id";

constexpr const char* kRoom = "UPDATE videos SET room = CASE WHEN takers < " VS_K " THEN 1 ELSE 0 END";

// SQLite: one trigger per case, each only when the count changes. %1 trigger, %2 event, %3 table,
// %4 the row (new/old), %5 condition, %6 change of takers.
constexpr const char* kSqliteTrigger =
    "CREATE TRIGGER %1 AFTER %2 ON %3 WHEN %5 BEGIN "
    "UPDATE videos SET takers = takers + (%6), room = CASE WHEN takers + (%6) < " VS_K
    " THEN 1 ELSE 0 END WHERE id = %4.video_id; END;";

// PostgreSQL: a statement trigger for added evaluations (an import adds thousands at once), row
// triggers for the rest.
constexpr const char* kPgTriggers = R"sql(
CREATE FUNCTION vs_judgements_per_video() RETURNS bigint LANGUAGE sql STABLE AS
  $$ SELECT coalesce(max(CAST(value AS bigint)), 1) FROM settings WHERE key = 'judgements_per_video' $$;
CREATE FUNCTION vs_takers_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE videos v SET takers = v.takers + d.n,
    room = CASE WHEN v.takers + d.n < vs_judgements_per_video() THEN 1 ELSE 0 END
  FROM (SELECT n.video_id, sum(CASE
      WHEN EXISTS (SELECT 1 FROM leases l WHERE l.video_id = n.video_id AND l.annotator_id = n.annotator_id)
      THEN CASE WHEN a.kind = 'human' THEN 0 ELSE -1 END
      ELSE CASE WHEN a.kind = 'human' THEN 1 ELSE 0 END END) AS n
    FROM vs_added n JOIN annotators a ON a.id = n.annotator_id GROUP BY n.video_id) d
  WHERE v.id = d.video_id AND d.n <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER evaluations_takers_added AFTER INSERT ON evaluations REFERENCING NEW TABLE AS vs_added
  FOR EACH STATEMENT EXECUTE FUNCTION vs_takers_added();
CREATE FUNCTION vs_takers_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  d bigint := 0;
  human boolean;
  leased boolean;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_TABLE_NAME = 'leases' THEN
    IF NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.video_id = r.video_id AND e.annotator_id = r.annotator_id) THEN
      d := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
    END IF;
  ELSE
    human := (SELECT kind FROM annotators WHERE id = r.annotator_id) = 'human';
    leased := EXISTS (SELECT 1 FROM leases l WHERE l.video_id = r.video_id AND l.annotator_id = r.annotator_id);
    d := CASE WHEN human AND NOT leased THEN -1 WHEN NOT human AND leased THEN 1 ELSE 0 END;
  END IF;
  IF d <> 0 THEN
    UPDATE videos SET takers = takers + d,
      room = CASE WHEN takers + d < vs_judgements_per_video() THEN 1 ELSE 0 END WHERE id = r.video_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER evaluations_takers_removed AFTER DELETE ON evaluations
  FOR EACH ROW EXECUTE FUNCTION vs_takers_row();
CREATE TRIGGER leases_takers AFTER INSERT OR DELETE ON leases
  FOR EACH ROW EXECUTE FUNCTION vs_takers_row();
)sql";

// Version 8 (SQLite): checked first by the triggers for added evaluations.
constexpr const char* kSqliteBulkGuard = "NOT EXISTS (SELECT 1 FROM settings WHERE key = 'bulk_import') AND ";

constexpr const char* kHuman = "(SELECT kind FROM annotators WHERE id = %1.annotator_id) = 'human'";
constexpr const char* kLeased =
    "EXISTS (SELECT 1 FROM leases WHERE video_id = %1.video_id AND annotator_id = %1.annotator_id)";
constexpr const char* kJudged =
    "EXISTS (SELECT 1 FROM evaluations WHERE video_id = %1.video_id AND annotator_id = %1.annotator_id)";

void sqliteTrigger(Connection& db, const char* name, const char* event, const char* table, const char* row,
                   const QString& condition, const char* change, const QString& where) {
  const QByteArray sql = QString::fromLatin1(kSqliteTrigger)
                             .arg(QLatin1String(name), QLatin1String(event), QLatin1String(table),
                                  QLatin1String(row), condition, QLatin1String(change))
                             .toUtf8();
  execSql(db, sql.constData(), where);
}

// `guard` (version 8): a condition checked before the rest, for the triggers of added evaluations.
void createSqliteTriggers(Connection& db, const QString& where, bool addedOnly, const QString& guard) {
  const auto human = [](const char* row) { return QString::fromLatin1(kHuman).arg(QLatin1String(row)); };
  const auto leased = [](const char* row) { return QString::fromLatin1(kLeased).arg(QLatin1String(row)); };
  const auto judged = [](const char* row) { return QString::fromLatin1(kJudged).arg(QLatin1String(row)); };
  // A person's judgement counts them unless their lease did already; a model's ends the count of
  // its lease.
  sqliteTrigger(db, "evaluations_takers_human_added", "INSERT", "evaluations", "new",
                guard + human("new") + " AND NOT " + leased("new"), "1", where);
  sqliteTrigger(db, "evaluations_takers_model_added", "INSERT", "evaluations", "new",
                guard + "NOT " + human("new") + " AND " + leased("new"), "-1", where);
  if (addedOnly)
    return;
  sqliteTrigger(db, "evaluations_takers_human_removed", "DELETE", "evaluations", "old",
                human("old") + " AND NOT " + leased("old"), "-1", where);
  sqliteTrigger(db, "evaluations_takers_model_removed", "DELETE", "evaluations", "old",
                "NOT " + human("old") + " AND " + leased("old"), "1", where);
  sqliteTrigger(db, "leases_takers_added", "INSERT", "leases", "new", "NOT " + judged("new"), "1", where);
  sqliteTrigger(db, "leases_takers_removed", "DELETE", "leases", "old", "NOT " + judged("old"), "-1", where);
}

}  // namespace

void createLeaseRoom(Connection& db, const QString& where) {
  execSql(db, kColumns, where);
  if (db.backend() == Backend::Postgres)
    execSql(db, kPgTriggers, where);
  else
    createSqliteTriggers(db, where, false, QString());
  recountLeaseRoom(db, where);
}

void guardLeaseRoomForBulk(Connection& db, const QString& where) {
  if (db.backend() == Backend::Postgres)
    return;  // its trigger for added evaluations already runs once per statement
  execSql(db, "DROP TRIGGER evaluations_takers_human_added; DROP TRIGGER evaluations_takers_model_added;",
          where);
  createSqliteTriggers(db, where, true, QString::fromLatin1(kSqliteBulkGuard));
}

void beginBulkLeaseRoom(Connection& db, const QString& where) {
  execSql(db, "INSERT OR REPLACE INTO settings(key, value) VALUES ('bulk_import', '1')", where);
}

void endBulkLeaseRoom(Connection& db, const QString& where) {
  execSql(db, "DELETE FROM settings WHERE key = 'bulk_import'", where);
}

QByteArray recountLeaseRoomSql(const char* ids) {
  return QByteArray(kRecountSome).replace("%1", ids);
}

void recountLeaseRoom(Connection& db, const QString& where) {
  execSql(db, kRecount, where);
  updateLeaseRoom(db, where);
}

void updateLeaseRoom(Connection& db, const QString& where) {
  execSql(db, kRoom, where);
}

}  // namespace vs::store
