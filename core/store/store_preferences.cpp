// People's preferences between two videos and Best-of-N picks: one committed transaction per
// edit (nothing is lost on kill -9), history written by the schema's triggers, and undo as
// "put the previous row back" so a GUI undo command only has to keep the PreferenceChange.
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <functional>
#include <map>

#include "core/domain/error.h"
#include "core/store/store.h"
#include "core/store/store_impl.h"

namespace vs::store {
namespace {

constexpr const char* kPreferenceColumns =
    "id, annotator_id, coalesce(prompt_id, 0), left_id, right_id, dimension, choice, presentation, swapped, "
    "reason, time_spent_ms, created_at, updated_at";

PreferenceRecord readPreference(const Statement& s) {
  PreferenceRecord p;
  p.id = s.int64(0);
  p.annotatorId = s.int64(1);
  p.promptId = s.int64(2);
  p.leftVideoId = s.int64(3);
  p.rightVideoId = s.int64(4);
  p.dimension = preferenceDimensionFromName(s.text(5)).value_or(PreferenceDimension::Overall);
  p.choice = preferenceChoiceFromName(s.text(6)).value_or(PreferenceChoice::Tie);
  p.order = presentationOrderFromName(s.text(7)).value_or(PresentationOrder::AsListed);
  p.swapped = s.int64(8) != 0;
  p.reason = s.text(9);
  p.timeSpentMs = s.int64(10);
  p.created = fromMs(s.int64(11));
  p.updated = fromMs(s.int64(12));
  return p;
}

constexpr const char* kPickColumns =
    "id, annotator_id, prompt_id, candidates_json, best_id, worst_id, time_spent_ms, created_at, updated_at";

BestOfNPick readPick(const Statement& s) {
  BestOfNPick p;
  p.id = s.int64(0);
  p.annotatorId = s.int64(1);
  p.promptId = s.int64(2);
  for (const QJsonValue& v : QJsonDocument::fromJson(s.bytes(3)).array()) {
    p.candidateVideoIds.push_back(static_cast<qint64>(v.toDouble()));
  }
  p.bestVideoId = s.int64(4);
  if (!s.isNull(5))
    p.worstVideoId = s.int64(5);
  p.timeSpentMs = s.int64(6);
  p.created = fromMs(s.int64(7));
  p.updated = fromMs(s.int64(8));
  return p;
}

QByteArray candidatesJson(const QVector<qint64>& ids) {
  QJsonArray a;
  for (qint64 id : ids)
    a.append(static_cast<double>(id));
  return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

// The prompt of a video (0 when none); Kind::Usage when the video does not exist.
qint64 promptOfVideo(Impl& d, qint64 videoId, const QString& at) {
  Statement& s = d.statement("SELECT coalesce(prompt_id, 0) FROM videos WHERE id = ?");
  s.bind(1, videoId);
  if (!s.step()) {
    s.reset();
    throw Error(Error::Kind::Usage, at, QStringLiteral("no video with id %1").arg(videoId));
  }
  const qint64 prompt = s.int64(0);
  s.reset();
  return prompt;
}

std::optional<PreferenceRecord> findPreferenceIn(Impl& d, qint64 annotatorId, qint64 a, qint64 b,
                                                 PreferenceDimension dimension) {
  static const QByteArray sql = QByteArray("SELECT ") + kPreferenceColumns +
                                " FROM preferences WHERE annotator_id = ?1 AND min(left_id, right_id) = ?2 "
                                "AND max(left_id, right_id) = ?3 AND dimension = ?4";
  Statement& s = d.statement(sql.constData());
  s.bind(1, annotatorId)
      .bind(2, std::min(a, b))
      .bind(3, std::max(a, b))
      .bind(4, preferenceDimensionName(dimension));
  return readOne(s, readPreference);
}

std::optional<PreferenceRecord> findPreferenceById(Impl& d, qint64 id) {
  static const QByteArray sql = QByteArray("SELECT ") + kPreferenceColumns + " FROM preferences WHERE id = ?";
  Statement& s = d.statement(sql.constData());
  s.bind(1, id);
  return readOne(s, readPreference);
}

// Inside a transaction: validates and writes `p` (insert, or update of the row with the same key;
// `keepId` re-inserts a deleted row under its old id so its history stays one story).
PreferenceChange writePreference(Impl& d, const PreferenceRecord& p, const QString& at, bool keepId) {
  if (p.leftVideoId == p.rightVideoId) {
    throw Error(Error::Kind::Usage, at, QStringLiteral("a video cannot be compared with itself"));
  }
  if (p.timeSpentMs < 0)
    throw Error(Error::Kind::InvalidData, at, QStringLiteral("time spent must be >= 0 ms"));
  d.annotatorKind(p.annotatorId);  // throws for an unknown annotator
  const qint64 promptLeft = promptOfVideo(d, p.leftVideoId, at);
  const qint64 promptRight = promptOfVideo(d, p.rightVideoId, at);
  if (promptLeft != promptRight) {
    throw Error(Error::Kind::Usage, at,
                QStringLiteral("videos %1 and %2 belong to different prompts")
                    .arg(p.leftVideoId)
                    .arg(p.rightVideoId));
  }
  PreferenceChange change;
  change.before = findPreferenceIn(d, p.annotatorId, p.leftVideoId, p.rightVideoId, p.dimension);
  const qint64 now = nowMs();
  if (change.before) {
    Statement& s = d.statement(
        "UPDATE preferences SET left_id = ?2, right_id = ?3, choice = ?4, presentation = ?5, swapped = ?6, "
        "reason = ?7, time_spent_ms = ?8, updated_at = ?9 WHERE id = ?1");
    s.bind(1, change.before->id).bind(2, p.leftVideoId).bind(3, p.rightVideoId);
    s.bind(4, preferenceChoiceName(p.choice)).bind(5, presentationOrderName(p.order));
    s.bind(6, static_cast<qint64>(p.swapped ? 1 : 0)).bind(7, p.reason).bind(8, p.timeSpentMs).bind(9, now);
    s.run();
    change.after = *findPreferenceById(d, change.before->id);
    return change;
  }
  Statement& s = d.statement(
      "INSERT INTO preferences(id, annotator_id, prompt_id, left_id, right_id, dimension, choice, "
      "presentation, "
      "swapped, reason, time_spent_ms, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id");
  if (keepId && p.id > 0) {
    s.bind(1, p.id);
  } else {
    s.bindNull(1);
  }
  s.bind(2, p.annotatorId);
  if (promptLeft > 0) {
    s.bind(3, promptLeft);
  } else {
    s.bindNull(3);
  }
  s.bind(4, p.leftVideoId).bind(5, p.rightVideoId).bind(6, preferenceDimensionName(p.dimension));
  s.bind(7, preferenceChoiceName(p.choice)).bind(8, presentationOrderName(p.order));
  s.bind(9, static_cast<qint64>(p.swapped ? 1 : 0)).bind(10, p.reason).bind(11, p.timeSpentMs);
  const qint64 created = keepId && p.created.isValid() ? p.created.toMSecsSinceEpoch() : now;
  s.bind(12, created).bind(13, now);
  s.step();
  const qint64 id = s.int64(0);
  s.reset();
  change.after = *findPreferenceById(d, id);
  return change;
}

// `markField`: the column whose value a 'created'/'deleted' row records.
QVector<PreferenceHistoryEntry> readHistory(Impl& d, const char* sql, qint64 id, const QString& markField) {
  QVector<PreferenceHistoryEntry> all;
  Statement& s = d.statement(sql);
  s.bind(1, id);
  while (s.step()) {
    PreferenceHistoryEntry h;
    h.id = s.int64(0);
    h.rowId = s.int64(1);
    h.field = s.text(2);
    const bool mark = h.field == QLatin1String("created") || h.field == QLatin1String("deleted");
    h.oldValue = historyValue(mark ? markField : h.field, d.variantOf(s, 3));
    h.newValue = historyValue(mark ? markField : h.field, d.variantOf(s, 4));
    h.changedAt = fromMs(s.int64(5));
    all.push_back(h);
  }
  s.reset();
  return all;
}

std::optional<BestOfNPick> findPickIn(Impl& d, qint64 annotatorId, qint64 promptId) {
  static const QByteArray sql =
      QByteArray("SELECT ") + kPickColumns + " FROM best_of_n_picks WHERE annotator_id = ? AND prompt_id = ?";
  Statement& s = d.statement(sql.constData());
  s.bind(1, annotatorId).bind(2, promptId);
  return readOne(s, readPick);
}

BestOfNPickChange writePick(Impl& d, const BestOfNPick& pick, const QString& at, bool keepId) {
  const auto& ids = pick.candidateVideoIds;
  if (ids.size() < 2 || ids.size() > BestOfNPick::kMaxCandidates) {
    throw Error(Error::Kind::Usage, at,
                QStringLiteral("Best-of-N takes 2 to %1 candidates, not %2")
                    .arg(BestOfNPick::kMaxCandidates)
                    .arg(ids.size()));
  }
  for (qsizetype i = 0; i < ids.size(); ++i) {
    if (ids.indexOf(ids[i]) != i)
      throw Error(Error::Kind::Usage, at, QStringLiteral("a candidate is listed twice"));
    if (promptOfVideo(d, ids[i], at) != pick.promptId) {
      throw Error(Error::Kind::Usage, at,
                  QStringLiteral("video %1 is not a candidate of prompt %2").arg(ids[i]).arg(pick.promptId));
    }
  }
  if (!ids.contains(pick.bestVideoId))
    throw Error(Error::Kind::Usage, at, QStringLiteral("the best is not a candidate"));
  if (pick.worstVideoId && (!ids.contains(*pick.worstVideoId) || *pick.worstVideoId == pick.bestVideoId)) {
    throw Error(Error::Kind::Usage, at, QStringLiteral("the worst must be another candidate than the best"));
  }
  if (pick.timeSpentMs < 0)
    throw Error(Error::Kind::InvalidData, at, QStringLiteral("time spent must be >= 0 ms"));
  d.annotatorKind(pick.annotatorId);
  BestOfNPickChange change;
  change.before = findPickIn(d, pick.annotatorId, pick.promptId);
  const qint64 now = nowMs();
  Statement& s = d.statement(
      "INSERT INTO best_of_n_picks(id, annotator_id, prompt_id, candidates_json, best_id, worst_id, "
      "time_spent_ms, "
      "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
      "ON CONFLICT(annotator_id, prompt_id) DO UPDATE SET candidates_json = excluded.candidates_json, "
      "best_id = excluded.best_id, worst_id = excluded.worst_id, time_spent_ms = excluded.time_spent_ms, "
      "updated_at = excluded.updated_at");
  if (keepId && pick.id > 0 && !change.before) {
    s.bind(1, pick.id);
  } else {
    s.bindNull(1);
  }
  const QByteArray candidates = candidatesJson(ids);  // bound SQLITE_STATIC: must outlive the step
  s.bind(2, pick.annotatorId).bind(3, pick.promptId).bind(4, candidates).bind(5, pick.bestVideoId);
  if (pick.worstVideoId) {
    s.bind(6, *pick.worstVideoId);
  } else {
    s.bindNull(6);
  }
  const qint64 created = keepId && pick.created.isValid() ? pick.created.toMSecsSinceEpoch() : now;
  s.bind(7, pick.timeSpentMs).bind(8, created).bind(9, now);
  s.run();
  change.after = *findPickIn(d, pick.annotatorId, pick.promptId);
  return change;
}

// A preference's or Best-of-N pick's edit in its own transaction (`what` names it in errors):
// `write` is writePreference or writePick.
template <typename Row, typename Change>
Change recordIn(Impl& d, const Row& row, const QString& what,
                Change (*write)(Impl&, const Row&, const QString&, bool)) {
  const QString at = QStringLiteral("%1: %2").arg(d.where, what);
  Transaction transaction(*d.db, d.where, d.busyTimeoutMs);
  Change change = write(d, row, at, false);
  transaction.commit();
  return change;
}

// Its undo: the row before put back under its id, or the row a first judgement made deleted
// (`deleteSql`, by id).
template <typename Row, typename Change>
void revertIn(Impl& d, const Change& change, const QString& what, const char* deleteSql,
              Change (*write)(Impl&, const Row&, const QString&, bool)) {
  const QString at = QStringLiteral("%1: %2 %3").arg(d.where, what, QString::number(change.after.id));
  Transaction transaction(*d.db, d.where, d.busyTimeoutMs);
  if (change.before) {
    write(d, *change.before, at, true);
  } else {
    d.statement(deleteSql).bind(1, change.after.id).run();
  }
  transaction.commit();
}

}  // namespace

QVector<Video> Store::videosOfPrompt(qint64 promptId) const {
  QVector<qint64> ids;
  Statement& s = d_->statement("SELECT id FROM videos WHERE prompt_id = ? ORDER BY id");
  s.bind(1, promptId);
  while (s.step())
    ids.push_back(s.int64(0));
  s.reset();
  QVector<Video> videos;
  for (qint64 id : ids) {
    if (auto v = findVideo(id))
      videos.push_back(*v);
  }
  return videos;
}

PreferenceChange Store::recordPreference(const PreferenceRecord& preference) {
  return recordIn(*d_, preference, QStringLiteral("preference"), writePreference);
}

void Store::revertPreference(const PreferenceChange& change) {
  revertIn(*d_, change, QStringLiteral("preference"), "DELETE FROM preferences WHERE id = ?",
           writePreference);
}

void Store::applyPreferenceEdit(const PreferenceEdit& edit) {
  const QString at =
      QStringLiteral("%1: %2 kept while offline")
          .arg(d_->where, edit.kind == PreferenceEdit::Kind::Pair ? QStringLiteral("preference")
                                                                  : QStringLiteral("Best-of-N pick"));
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  const qint64 annotatorId = d_->ensureAnnotator(edit.annotator, AnnotatorKind::Human);
  if (edit.kind == PreferenceEdit::Kind::Pair) {
    PreferenceRecord p = edit.pair;
    p.annotatorId = annotatorId;
    const auto now = findPreferenceIn(*d_, annotatorId, p.leftVideoId, p.rightVideoId, p.dimension);
    if (edit.remove) {
      if (now)
        d_->statement("DELETE FROM preferences WHERE id = ?").bind(1, now->id).run();
    } else if (!now || now->leftVideoId != p.leftVideoId || now->rightVideoId != p.rightVideoId ||
               now->choice != p.choice || now->order != p.order || now->swapped != p.swapped ||
               now->reason != p.reason || now->timeSpentMs != p.timeSpentMs) {
      writePreference(*d_, p, at, false);
    }
  } else {
    BestOfNPick p = edit.pick;
    p.annotatorId = annotatorId;
    const auto now = findPickIn(*d_, annotatorId, p.promptId);
    if (edit.remove) {
      if (now)
        d_->statement("DELETE FROM best_of_n_picks WHERE id = ?").bind(1, now->id).run();
    } else if (!now || now->candidateVideoIds != p.candidateVideoIds || now->bestVideoId != p.bestVideoId ||
               now->worstVideoId != p.worstVideoId || now->timeSpentMs != p.timeSpentMs) {
      writePick(*d_, p, at, false);
    }
  }
  transaction.commit();
}

bool Store::removePreference(qint64 preferenceId) {
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  d_->statement("DELETE FROM preferences WHERE id = ?").bind(1, preferenceId).run();
  const bool removed = d_->db->changes() > 0;
  transaction.commit();
  return removed;
}

std::optional<PreferenceRecord> Store::findPreference(qint64 annotatorId, qint64 videoA, qint64 videoB,
                                                      PreferenceDimension dimension) const {
  return findPreferenceIn(*d_, annotatorId, videoA, videoB, dimension);
}

QVector<PreferenceRecord> Store::preferences(const PreferenceFilter& filter) const {
  static const QByteArray sql = QByteArray("SELECT ") + kPreferenceColumns +
                                " FROM preferences WHERE (CAST(?1 AS BIGINT) IS NULL OR annotator_id = ?1) "
                                "AND (CAST(?2 AS BIGINT) IS NULL OR prompt_id = ?2) "
                                "AND (CAST(?3 AS TEXT) IS NULL OR dimension = ?3) ORDER BY id";
  Statement& s = d_->statement(sql.constData());
  if (filter.annotatorId) {
    s.bind(1, *filter.annotatorId);
  } else {
    s.bindNull(1);
  }
  if (filter.promptId) {
    s.bind(2, *filter.promptId);
  } else {
    s.bindNull(2);
  }
  if (filter.dimension) {
    s.bind(3, preferenceDimensionName(*filter.dimension));
  } else {
    s.bindNull(3);
  }
  QVector<PreferenceRecord> all;
  while (s.step())
    all.push_back(readPreference(s));
  s.reset();
  return all;
}

QVector<PreferenceHistoryEntry> Store::preferenceHistory(qint64 preferenceId) const {
  return readHistory(
      *d_,
      "SELECT id, preference_id, field, old_value, new_value, changed_at FROM preference_history "
      "WHERE preference_id = ? ORDER BY id",
      preferenceId, QStringLiteral("choice"));
}

QVector<NamedPreference> Store::namedPreferences(const PreferenceFilter& filter) const {
  std::map<qint64, QString> videoNames, annotatorNames, promptTexts;
  auto cached = [](std::map<qint64, QString>& cache, qint64 id, const std::function<QString()>& look) {
    auto it = cache.find(id);
    if (it == cache.end())
      it = cache.emplace(id, look()).first;
    return it->second;
  };
  QVector<NamedPreference> out;
  for (const PreferenceRecord& p : preferences(filter)) {
    NamedPreference n;
    auto video = [&](qint64 id) {
      return cached(videoNames, id, [&] {
        const auto v = findVideo(id);
        return v ? v->name : QString();
      });
    };
    n.left = video(p.leftVideoId);
    n.right = video(p.rightVideoId);
    n.annotator = cached(annotatorNames, p.annotatorId, [&] {
      const auto a = findAnnotator(p.annotatorId);
      return a ? a->name : QString();
    });
    n.prompt = p.promptId > 0 ? cached(promptTexts, p.promptId,
                                       [&] {
                                         const auto pr = findPrompt(p.promptId);
                                         return pr ? pr->text : QString();
                                       })
                              : QString();
    n.dimension = p.dimension;
    n.choice = p.choice;
    n.order = p.order;
    n.swapped = p.swapped;
    n.reason = p.reason;
    n.timeSpentMs = p.timeSpentMs;
    out.push_back(n);
  }
  return out;
}

PreferenceImportResult Store::importPreferences(const QVector<NamedPreference>& preferences,
                                                const QString& source, const QString& format) {
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  PreferenceImportResult result;
  std::map<QString, qint64> videoIds;
  auto videoId = [&](const QString& name, const QString& prompt, const QString& at) {
    if (name.isEmpty())
      throw Error(Error::Kind::InvalidData, at, QStringLiteral("video name is empty"));
    if (auto it = videoIds.find(name); it != videoIds.end())
      return it->second;
    Statement& find = d_->statement("SELECT id FROM videos WHERE name = ?");
    find.bind(1, name);
    qint64 id = 0;
    if (find.step())
      id = find.int64(0);
    find.reset();
    if (id == 0) {
      Statement& insert = d_->statement("INSERT INTO videos(name, prompt_id) VALUES (?1, ?2) RETURNING id");
      insert.bind(1, name);
      if (prompt.isEmpty()) {
        insert.bindNull(2);
      } else {
        insert.bind(2, d_->ensurePrompt(prompt.toUtf8()));
      }
      insert.step();
      id = insert.int64(0);
      insert.reset();
      ++result.videosCreated;
    }
    videoIds.emplace(name, id);
    return id;
  };
  for (qsizetype i = 0; i < preferences.size(); ++i) {
    const NamedPreference& n = preferences[i];
    const QString at = QStringLiteral("%1: pair %2").arg(source).arg(i + 1);
    PreferenceRecord p;
    p.annotatorId = d_->ensureAnnotator(n.annotator.isEmpty() ? QStringLiteral("default") : n.annotator,
                                        AnnotatorKind::Human);
    p.leftVideoId = videoId(n.left, n.prompt, at);
    p.rightVideoId = videoId(n.right, n.prompt, at);
    p.dimension = n.dimension;
    p.choice = n.choice;
    p.order = n.order;
    p.swapped = n.swapped;
    p.reason = n.reason;
    p.timeSpentMs = n.timeSpentMs;
    const PreferenceChange change = writePreference(*d_, p, at, false);
    ++(change.before ? result.updated : result.created);
    ++result.preferences;
  }
  Statement& log = d_->statement(
      "INSERT INTO imports(source, format, annotator, items, imported_at) VALUES (?1, ?2, '', ?3, ?4)");
  log.bind(1, source).bind(2, format).bind(3, result.preferences).bind(4, nowMs()).run();
  transaction.commit();
  return result;
}

BestOfNPickChange Store::recordBestOfNPick(const BestOfNPick& pick) {
  return recordIn(*d_, pick, QStringLiteral("Best-of-N pick"), writePick);
}

void Store::revertBestOfNPick(const BestOfNPickChange& change) {
  revertIn(*d_, change, QStringLiteral("Best-of-N pick"), "DELETE FROM best_of_n_picks WHERE id = ?",
           writePick);
}

std::optional<BestOfNPick> Store::findBestOfNPick(qint64 annotatorId, qint64 promptId) const {
  return findPickIn(*d_, annotatorId, promptId);
}

QVector<BestOfNPick> Store::bestOfNPicks(std::optional<qint64> annotatorId) const {
  static const QByteArray sql =
      QByteArray("SELECT ") + kPickColumns +
      " FROM best_of_n_picks WHERE (CAST(?1 AS BIGINT) IS NULL OR annotator_id = ?1) ORDER BY id";
  Statement& s = d_->statement(sql.constData());
  if (annotatorId) {
    s.bind(1, *annotatorId);
  } else {
    s.bindNull(1);
  }
  QVector<BestOfNPick> all;
  while (s.step())
    all.push_back(readPick(s));
  s.reset();
  return all;
}

QVector<PreferenceHistoryEntry> Store::bestOfNPickHistory(qint64 pickId) const {
  return readHistory(*d_,
                     "SELECT id, pick_id, field, old_value, new_value, changed_at FROM pick_history "
                     "WHERE pick_id = ? ORDER BY id",
                     pickId, QStringLiteral("best_id"));
}

}  // namespace vs::store
