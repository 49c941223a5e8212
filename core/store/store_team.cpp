// Working together on one project: leases that hand each video to at most k people at a time,
// and shared records (rubric, video flags, query templates) whose edits name the version they
// were based on. Written once for both backends; the only difference is the row lock taken on a
// candidate video (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has one writer at a time).
#include <QDateTime>

#include "core/domain/error.h"
#include "core/store/schema.h"
#include "core/store/store.h"
#include "core/store/store_impl.h"

namespace vs::store {
namespace {

// Room on video v (?1 = v.id) for person ?2 at time ?3 with k = ?4: they have not judged it, and
// the people who judged it plus the others holding a live lease on it (and not judged yet) are
// fewer than k.
#define VS_HAS_ROOM                                                                                        \
  "NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.video_id = v.id AND e.annotator_id = ?2) AND "          \
  "(SELECT count(*) FROM evaluations e JOIN annotators a ON a.id = e.annotator_id "                        \
  "WHERE e.video_id = v.id AND a.kind = 'human') + "                                                       \
  "(SELECT count(*) FROM leases l WHERE l.video_id = v.id AND l.expires_at > ?3 AND l.annotator_id <> ?2 " \
  "AND NOT EXISTS (SELECT 1 FROM evaluations e2 WHERE e2.video_id = v.id AND e2.annotator_id = "           \
  "l.annotator_id)) "                                                                                      \
  "< ?4"

// Candidates: first the videos with room by their kept count (the partial index videos_room, so
// full videos are not visited), then, when none is left there, every video (a count gone stale,
// an expired lease another session is still removing, must not hide one).
constexpr const char* kRoomCandidate =
    "SELECT v.id, v.name FROM videos v INDEXED BY videos_room WHERE v.room = 1 "
    "AND v.id > ?1 AND " VS_HAS_ROOM " ORDER BY v.id LIMIT 1";
constexpr const char* kRoomCandidateLocked =
    "SELECT v.id, v.name FROM videos v WHERE v.room = 1 AND v.id > ?1 AND " VS_HAS_ROOM
    " ORDER BY v.id LIMIT 1 FOR UPDATE SKIP LOCKED";
constexpr const char* kCandidate =
    "SELECT v.id, v.name FROM videos v WHERE v.id > ?1 AND " VS_HAS_ROOM " ORDER BY v.id LIMIT 1";
constexpr const char* kCandidateLocked = "SELECT v.id, v.name FROM videos v WHERE v.id > ?1 AND " VS_HAS_ROOM
                                         " ORDER BY v.id LIMIT 1 FOR UPDATE SKIP LOCKED";
// Expired leases, removed before looking (they count for nothing; removed, they leave each video's
// kept count its live takers). Rows another session is removing are skipped.
constexpr const char* kExpired =
    "SELECT video_id, annotator_id FROM leases WHERE expires_at <= ?1 ORDER BY video_id, annotator_id";
constexpr const char* kExpiredLocked =
    "SELECT video_id, annotator_id FROM leases WHERE expires_at <= ?1 ORDER BY video_id, annotator_id FOR "
    "UPDATE SKIP LOCKED";
// Counted again after the lock, in a statement of its own: under READ COMMITTED it sees every
// lease and judgement committed before the lock was taken.
constexpr const char* kStillRoom = "SELECT count(*) FROM videos v WHERE v.id = ?1 AND " VS_HAS_ROOM;
#undef VS_HAS_ROOM

void removeExpiredLeases(Impl& d, qint64 now, bool rowLocks) {
  Statement& expired = d.statement(rowLocks ? kExpiredLocked : kExpired);
  expired.bind(1, now);
  QVector<std::pair<qint64, qint64>> leases;
  while (expired.step())
    leases.push_back({expired.int64(0), expired.int64(1)});
  expired.reset();
  Statement& remove = d.statement("DELETE FROM leases WHERE video_id = ?1 AND annotator_id = ?2");
  for (const auto& [video, annotator] : leases)
    remove.bind(1, video).bind(2, annotator).run();
}

}  // namespace

int Store::judgementsPerVideo() const {
  Statement& s = d_->statement("SELECT value FROM settings WHERE key = 'judgements_per_video'");
  int k = 1;
  if (s.step())
    k = std::max(1, s.text(0).toInt());
  s.reset();
  return k;
}

void Store::setJudgementsPerVideo(int k) {
  if (k < 1)
    throw Error(Error::Kind::Usage, d_->where, QStringLiteral("judgements per video must be >= 1"));
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  d_->statement(
        "INSERT INTO settings(key, value) VALUES ('judgements_per_video', ?1) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .bind(1, QString::number(k))
      .run();
  updateLeaseRoom(*d_->db, d_->where);
  transaction.commit();
}

PreferenceOptions Store::preferenceOptions() const {
  Statement& s = d_->statement(
      "SELECT key, value FROM settings WHERE key IN "
      "('preference_schedule', 'preference_dimensions', 'preference_blind')");
  PreferenceOptions options;
  while (s.step()) {
    const QString key = s.text(0);
    const QString value = s.text(1);
    if (key == QLatin1String("preference_schedule"))
      options.allPairs = value == QLatin1String("all-pairs");
    else if (key == QLatin1String("preference_dimensions"))
      options.eachDimension = value == QLatin1String("each");
    else
      options.blind = value != QLatin1String("0");
  }
  s.reset();
  return options;
}

void Store::setPreferenceOptions(const PreferenceOptions& options) {
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  Statement& s = d_->statement(
      "INSERT INTO settings(key, value) VALUES (?1, ?2) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  const auto put = [&s](const char* key, const QString& value) {
    s.bind(1, QString::fromLatin1(key)).bind(2, value).run();
  };
  if (options.allPairs)
    put("preference_schedule",
        *options.allPairs ? QStringLiteral("all-pairs") : QStringLiteral("binary-insertion"));
  if (options.eachDimension)
    put("preference_dimensions", *options.eachDimension ? QStringLiteral("each") : QStringLiteral("overall"));
  if (options.blind)
    put("preference_blind", *options.blind ? QStringLiteral("1") : QStringLiteral("0"));
  transaction.commit();
}

std::optional<Lease> Store::leaseNext(const QString& annotator, int leaseSeconds) {
  if (leaseSeconds < 1)
    throw Error(Error::Kind::Usage, d_->where, QStringLiteral("a lease lasts at least 1 s"));
  const qint64 me = addAnnotator(annotator, AnnotatorKind::Human);
  const qint64 k = judgementsPerVideo();
  const bool rowLocks = d_->db->backend() == Backend::Postgres;
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs, TransactionKind::RowLocks);
  const qint64 now = nowMs();
  const qint64 until = now + static_cast<qint64>(leaseSeconds) * 1000;
  Lease lease;
  lease.annotatorId = me;
  lease.expires = fromMs(until);
  // Their own live lease on a video they have not judged yet comes back, renewed.
  Statement& renew = d_->statement(
      "UPDATE leases SET expires_at = ?1 WHERE annotator_id = ?2 AND expires_at > ?3 AND NOT EXISTS "
      "(SELECT 1 FROM evaluations e WHERE e.video_id = leases.video_id AND e.annotator_id = ?2) RETURNING "
      "video_id");
  renew.bind(1, until).bind(2, me).bind(3, now);
  while (renew.step()) {
    if (lease.videoId == 0 || renew.int64(0) < lease.videoId)
      lease.videoId = renew.int64(0);
  }
  renew.reset();
  if (lease.videoId != 0) {
    lease.videoName = findVideo(lease.videoId)->name;
    transaction.commit();
    return lease;
  }
  removeExpiredLeases(*d_, now, rowLocks);
  Statement& roomCandidate = d_->statement(rowLocks ? kRoomCandidateLocked : kRoomCandidate);
  Statement& anyCandidate = d_->statement(rowLocks ? kCandidateLocked : kCandidate);
  Statement* candidate = &roomCandidate;
  Statement& recount = d_->statement(kStillRoom);
  qint64 after = 0;
  for (;;) {
    candidate->bind(1, after).bind(2, me).bind(3, now).bind(4, k);
    if (!candidate->step()) {
      candidate->reset();
      if (candidate == &anyCandidate)
        return std::nullopt;  // rolled back: nothing was written
      candidate = &anyCandidate;
      after = 0;
      continue;
    }
    const qint64 id = candidate->int64(0);
    const QString name = candidate->text(1);
    candidate->reset();
    recount.bind(1, id).bind(2, me).bind(3, now).bind(4, k);
    const bool room = recount.step() && recount.int64(0) == 1;
    recount.reset();
    if (room) {
      d_->statement(
            "INSERT INTO leases(video_id, annotator_id, expires_at) VALUES (?1, ?2, ?3) "
            "ON CONFLICT(video_id, annotator_id) DO UPDATE SET expires_at = excluded.expires_at")
          .bind(1, id)
          .bind(2, me)
          .bind(3, until)
          .run();
      transaction.commit();
      lease.videoId = id;
      lease.videoName = name;
      return lease;
    }
    after = id;
  }
}

bool Store::releaseLease(const QString& annotator, qint64 videoId) {
  const auto who = findAnnotator(annotator);
  if (!who)
    return false;
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs, TransactionKind::RowLocks);
  d_->statement("DELETE FROM leases WHERE video_id = ?1 AND annotator_id = ?2")
      .bind(1, videoId)
      .bind(2, who->id)
      .run();
  const bool released = d_->db->changes() > 0;
  transaction.commit();
  return released;
}

bool Store::renewLease(const QString& annotator, qint64 videoId, int leaseSeconds) {
  if (leaseSeconds < 1)
    throw Error(Error::Kind::Usage, d_->where, QStringLiteral("a lease lasts at least 1 s"));
  const auto who = findAnnotator(annotator);
  if (!who)
    return false;
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs, TransactionKind::RowLocks);
  const qint64 now = nowMs();
  d_->statement(
        "UPDATE leases SET expires_at = ?1 WHERE video_id = ?2 AND annotator_id = ?3 AND expires_at > ?4")
      .bind(1, now + static_cast<qint64>(leaseSeconds) * 1000)
      .bind(2, videoId)
      .bind(3, who->id)
      .bind(4, now)
      .run();
  const bool renewed = d_->db->changes() > 0;
  transaction.commit();
  return renewed;
}

QVector<Lease> Store::liveLeases() const {
  Statement& s = d_->statement(
      "SELECT l.video_id, v.name, l.annotator_id, l.expires_at FROM leases l JOIN videos v ON v.id = "
      "l.video_id "
      "WHERE l.expires_at > ?1 ORDER BY l.video_id, l.annotator_id");
  s.bind(1, nowMs());
  QVector<Lease> all;
  while (s.step())
    all.push_back({s.int64(0), s.text(1), s.int64(2), fromMs(s.int64(3))});
  s.reset();
  return all;
}

// --- versioned shared records ----------------------------------------------------------------

namespace {

// Inside a write transaction: the record's current version (0: none), refusing an edit based on
// another one.
void checkVersion(const VersionedText& current, qint64 basedOn, const QString& where, const QString& what) {
  if (current.version == basedOn)
    return;
  throw VersionConflict(
      where,
      QStringLiteral("%1 was changed by someone else (now version %2; this edit was based on "
                     "version %3): nothing was written")
          .arg(what)
          .arg(current.version)
          .arg(basedOn),
      current);
}

VersionedText readVersioned(Impl& d, const char* sql, const std::function<void(Statement&)>& bind) {
  Statement& s = d.statement(sql);
  bind(s);
  VersionedText v;
  if (s.step())
    v = {s.text(0), s.int64(1)};
  s.reset();
  return v;
}

}  // namespace

VersionedText Store::rubric() const {
  return readVersioned(*d_, "SELECT json, version FROM rubric WHERE id = 1", [](Statement&) {});
}

qint64 Store::saveRubric(const QString& json, qint64 basedOnVersion) {
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  checkVersion(rubric(), basedOnVersion, d_->where, QStringLiteral("the rubric"));
  const qint64 version = basedOnVersion + 1;
  d_->statement(
        "INSERT INTO rubric(id, json, version, updated_at) VALUES (1, ?1, ?2, ?3) "
        "ON CONFLICT(id) DO UPDATE SET json = excluded.json, version = excluded.version, "
        "updated_at = excluded.updated_at")
      .bind(1, json)
      .bind(2, version)
      .bind(3, nowMs())
      .run();
  transaction.commit();
  return version;
}

VersionedText Store::videoFlags(qint64 videoId) const {
  return readVersioned(*d_, "SELECT flags, version FROM video_flags WHERE video_id = ?1",
                       [&](Statement& s) { s.bind(1, videoId); });
}

qint64 Store::saveVideoFlags(qint64 videoId, const QString& flags, qint64 basedOnVersion) {
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  checkVersion(videoFlags(videoId), basedOnVersion, d_->where,
               QStringLiteral("the flags of video %1").arg(videoId));
  const qint64 version = basedOnVersion + 1;
  d_->statement(
        "INSERT INTO video_flags(video_id, flags, version, updated_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(video_id) DO UPDATE SET flags = excluded.flags, version = excluded.version, "
        "updated_at = excluded.updated_at")
      .bind(1, videoId)
      .bind(2, flags)
      .bind(3, version)
      .bind(4, nowMs())
      .run();
  transaction.commit();
  return version;
}

qint64 Store::queryTemplateVersion(const QString& name) const {
  return readVersioned(*d_, "SELECT text, version FROM query_templates WHERE name = ?1",
                       [&](Statement& s) { s.bind(1, name); })
      .version;
}

qint64 Store::saveQueryTemplate(const QString& name, const QString& text, qint64 basedOnVersion) {
  if (name.trimmed().isEmpty() || name.trimmed() != name) {
    throw Error(Error::Kind::Usage, d_->where,
                QStringLiteral("template name \"%1\" is empty or has leading/trailing spaces").arg(name));
  }
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  const VersionedText current =
      readVersioned(*d_, "SELECT text, version FROM query_templates WHERE name = ?1",
                    [&](Statement& s) { s.bind(1, name); });
  checkVersion(current, basedOnVersion, d_->where, QStringLiteral("query template \"%1\"").arg(name));
  const qint64 version = basedOnVersion + 1;
  d_->statement(
        "INSERT INTO query_templates(name, text, updated_at, version) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(name) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at, "
        "version = excluded.version")
      .bind(1, name)
      .bind(2, text)
      .bind(3, nowMs())
      .bind(4, version)
      .run();
  transaction.commit();
  return version;
}

}  // namespace vs::store
