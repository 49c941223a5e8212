#include "core/store/store.h"

#include <QFileInfo>
#include <cmath>
#include <limits>
#include <map>

#include "core/domain/error.h"
#include "core/domain/score_label.h"
#include "core/json/extra_fields_json.h"
#include "core/store/schema.h"
#include "core/store/connection.h"
#include "core/store/store_impl.h"

namespace vs::store {
namespace {

const char* columnOf(EvaluationField field) {
  switch (field) {
    case EvaluationField::VisualScore:
      return "visual";
    case EvaluationField::T2VScore:
      return "t2v";
    case EvaluationField::PhyScore:
      return "phy";
    case EvaluationField::VisualRationale:
      return "visual_rationale";
    case EvaluationField::T2VRationale:
      return "t2v_rationale";
    case EvaluationField::PhyRationale:
      return "phy_rationale";
    case EvaluationField::Thinking:
      return "thinking";
    case EvaluationField::Origin:
      return "origin";
    case EvaluationField::TimeSpentMs:
      return "time_spent_ms";
  }
  return "";
}

constexpr const char* kEvaluationColumns =
    "id, video_id, annotator_id, visual, t2v, phy, visual_rationale, t2v_rationale, "
    "phy_rationale, thinking, origin, model_id, settings_json, time_spent_ms, created_at, "
    "updated_at, extra_json";

Evaluation readEvaluation(const Statement& s, int first = 0) {
  Evaluation e;
  e.id = s.int64(first + 0);
  e.videoId = s.int64(first + 1);
  e.annotatorId = s.int64(first + 2);
  for (int i = 0; i < 3; ++i) {
    e.scores.value[static_cast<size_t>(i)] = s.optionalReal(first + 3 + i);
    e.rationale[static_cast<size_t>(i)] = s.text(first + 6 + i);
  }
  e.thinking = s.text(first + 9);
  e.origin = originFromName(s.text(first + 10)).value_or(Origin::Human);
  e.modelId = s.text(first + 11);
  e.settingsJson = s.text(first + 12);
  e.timeSpentMs = s.int64(first + 13);
  e.created = fromMs(s.int64(first + 14));
  e.updated = fromMs(s.int64(first + 15));
  e.extra = extraFieldsFromJson(s.bytes(first + 16));
  return e;
}

}  // namespace

// --- Impl ------------------------------------------------------------------------------------

Impl::~Impl() {
  statements.clear();  // finalized before the connection closes
  db.reset();
}

Statement& Impl::statement(const char* sql) {
  auto it = statements.find(sql);
  if (it == statements.end()) {
    it = statements.emplace(sql, std::make_unique<Statement>(*db, sql, where)).first;
  }
  it->second->reset();
  return *it->second;
}

namespace {
// A model's soft score is kept as given: the reference arithmetic (best * p_best / sum p_1..5,
// videoscore2.md §7) can fall below 1, down to 0 when every digit was masked.
bool isStorableModelScore(double score) {
  return std::isfinite(score) && score >= 0.0 && score <= 5.0;
}
}  // namespace

void Impl::checkScores(const Scores& scores, AnnotatorKind kind, const QString& at) const {
  for (Dimension d : kDimensions) {
    const auto& v = scores[d];
    if (!v)
      continue;
    // Range only; the integer rule for people is upsertEvaluation's.
    if (kind == AnnotatorKind::Model ? !isStorableModelScore(*v) : !isValidModelScore(*v)) {
      throw Error(Error::Kind::InvalidData, at,
                  QStringLiteral("%1_score %2 is outside %3")
                      .arg(dimensionKey(d))
                      .arg(*v)
                      .arg(kind == AnnotatorKind::Model ? QStringLiteral("0..5") : QStringLiteral("1..5")));
    }
  }
}

AnnotatorKind Impl::annotatorKind(qint64 annotatorId) {
  Statement& s = statement("SELECT kind FROM annotators WHERE id = ?");
  s.bind(1, annotatorId);
  if (!s.step()) {
    throw Error(Error::Kind::Usage, where, QStringLiteral("no annotator with id %1").arg(annotatorId));
  }
  const auto kind = annotatorKindFromName(s.text(0)).value_or(AnnotatorKind::Human);
  s.reset();
  return kind;
}

qint64 Impl::ensureAnnotator(const QString& name, AnnotatorKind kind) {
  if (name.trimmed().isEmpty()) {
    throw Error(Error::Kind::Usage, where, QStringLiteral("annotator name is empty"));
  }
  Statement& find = statement("SELECT id, kind FROM annotators WHERE name = ?");
  find.bind(1, name);
  if (find.step()) {
    const qint64 id = find.int64(0);
    const QString existing = find.text(1);
    find.reset();
    if (existing != annotatorKindName(kind)) {
      throw Error(
          Error::Kind::Usage, where,
          QStringLiteral("annotator \"%1\" is a %2, not a %3").arg(name, existing, annotatorKindName(kind)));
    }
    return id;
  }
  find.reset();
  Statement& insert = statement("INSERT INTO annotators(name, kind) VALUES (?, ?) RETURNING id");
  insert.bind(1, name).bind(2, annotatorKindName(kind)).step();
  const qint64 id = insert.int64(0);
  insert.reset();
  return id;
}

// --- Store -----------------------------------------------------------------------------------

bool isDatabaseProject(const QString& project) {
  return isPostgresUri(project);
}
bool projectExists(const QString& project) {
  return isPostgresUri(project) || QFileInfo::exists(project);
}

Store::Store(const QString& path, OpenMode mode, int busyTimeoutMs) : d_(std::make_unique<Impl>()) {
  d_->path = path;
  d_->where = path;
  d_->busyTimeoutMs = busyTimeoutMs;
  d_->db =
      isPostgresUri(path) ? openPostgres(path, mode, busyTimeoutMs) : openSqlite(path, mode, busyTimeoutMs);
  const int version = d_->db->schemaVersion(path);
  if (version > kSchemaVersion) {
    throw Error(Error::Kind::Io, path,
                QStringLiteral("project schema version %1 is newer than this program supports (%2); "
                               "open it with a newer VideoScore Studio")
                    .arg(version)
                    .arg(kSchemaVersion));
  }
  if (version < kSchemaVersion) {
    migrate(*d_->db, version, kSchemaVersion, path);
  }
  d_->schemaVersion = kSchemaVersion;
}

Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

QString Store::path() const {
  return d_->path;
}
int Store::schemaVersion() const {
  return d_->schemaVersion;
}
qint64 Store::sessionId() const {
  return d_->db->sessionId();
}

qint64 Store::addPrompt(const QString& text) {
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  const qint64 id = d_->ensurePrompt(text.toUtf8());
  transaction.commit();
  return id;
}

qint64 Impl::ensurePrompt(const QByteArray& text) {
  Statement& find = statement("SELECT id FROM prompts WHERE text = ?");
  find.bind(1, text);
  if (find.step()) {
    const qint64 id = find.int64(0);
    find.reset();
    return id;
  }
  find.reset();
  Statement& insert = statement("INSERT INTO prompts(text) VALUES (?) RETURNING id");
  insert.bind(1, text).step();
  const qint64 id = insert.int64(0);
  insert.reset();
  return id;
}

std::optional<Prompt> Store::findPrompt(qint64 id) const {
  Statement& s = d_->statement("SELECT id, text FROM prompts WHERE id = ?");
  s.bind(1, id);
  return readOne(s, [](const Statement& row) { return Prompt{row.int64(0), row.text(1)}; });
}

qint64 Store::addVideo(const Video& video) {
  if (video.name.isEmpty()) {
    throw Error(Error::Kind::Usage, d_->where, QStringLiteral("video name is empty"));
  }
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  Statement& s = d_->statement(
      "INSERT INTO videos(name, prompt_id, url, path, content_hash, probe_json, generator, batch) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(name) DO UPDATE SET "
      "prompt_id = excluded.prompt_id, url = excluded.url, path = excluded.path, "
      "content_hash = excluded.content_hash, probe_json = excluded.probe_json, "
      "generator = excluded.generator, batch = excluded.batch RETURNING id");
  s.bind(1, video.name);
  if (video.promptId > 0) {
    s.bind(2, video.promptId);
  } else {
    s.bindNull(2);
  }
  s.bind(3, video.url).bind(4, video.path).bind(5, video.contentHash).bind(6, video.probeJson);
  s.bind(7, video.generator).bind(8, video.batch);
  s.step();
  const qint64 id = s.int64(0);
  s.reset();
  transaction.commit();
  return id;
}

static constexpr const char* kVideoColumns =
    "id, coalesce(prompt_id, 0), name, url, path, content_hash, probe_json, generator, batch";

static Video readVideo(const Statement& s, int first = 0) {
  Video v;
  v.id = s.int64(first);
  v.promptId = s.int64(first + 1);
  v.name = s.text(first + 2);
  v.url = s.text(first + 3);
  v.path = s.text(first + 4);
  v.contentHash = s.text(first + 5);
  v.probeJson = s.text(first + 6);
  v.generator = s.text(first + 7);
  v.batch = s.text(first + 8);
  return v;
}

std::optional<Video> Store::findVideo(qint64 id) const {
  static const QByteArray sql = QByteArray("SELECT ") + kVideoColumns + " FROM videos WHERE id = ?";
  Statement& s = d_->statement(sql.constData());
  s.bind(1, id);
  return readOne(s, [](const Statement& row) { return readVideo(row); });
}

std::optional<Video> Store::findVideoByName(const QString& name) const {
  static const QByteArray sql = QByteArray("SELECT ") + kVideoColumns + " FROM videos WHERE name = ?";
  Statement& s = d_->statement(sql.constData());
  s.bind(1, name);
  return readOne(s, [](const Statement& row) { return readVideo(row); });
}

qint64 Store::addAnnotator(const QString& name, AnnotatorKind kind) {
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  const qint64 id = d_->ensureAnnotator(name, kind);
  transaction.commit();
  return id;
}

static Annotator readAnnotator(const Statement& s) {
  return {s.int64(0), s.text(1), annotatorKindFromName(s.text(2)).value_or(AnnotatorKind::Human)};
}

std::optional<Annotator> Store::findAnnotator(const QString& name) const {
  Statement& s = d_->statement("SELECT id, name, kind FROM annotators WHERE name = ?");
  s.bind(1, name);
  return readOne(s, readAnnotator);
}

std::optional<Annotator> Store::findAnnotator(qint64 id) const {
  Statement& s = d_->statement("SELECT id, name, kind FROM annotators WHERE id = ?");
  s.bind(1, id);
  return readOne(s, readAnnotator);
}

QVector<Annotator> Store::annotators() const {
  QVector<Annotator> all;
  Statement& s = d_->statement("SELECT id, name, kind FROM annotators ORDER BY id");
  while (s.step()) {
    all.push_back({s.int64(0), s.text(1), annotatorKindFromName(s.text(2)).value_or(AnnotatorKind::Human)});
  }
  s.reset();
  return all;
}

qint64 Store::upsertEvaluation(const Evaluation& e) {
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  const qint64 id = d_->writeEvaluation(e);
  transaction.commit();
  return id;
}

qint64 Impl::writeEvaluation(const Evaluation& e) {
  const AnnotatorKind kind = annotatorKind(e.annotatorId);
  checkScores(e.scores, kind, where);
  if (kind == AnnotatorKind::Human) {
    for (Dimension dim : kDimensions) {
      if (e.scores[dim] && !isValidHumanScore(*e.scores[dim])) {
        throw Error(Error::Kind::InvalidData, where,
                    QStringLiteral("%1 score %2 of a person must be an integer 1..5")
                        .arg(dimensionKey(dim))
                        .arg(*e.scores[dim]));
      }
    }
  }
  const qint64 now = nowMs();
  Statement& s = statement(
      "INSERT INTO evaluations(video_id, annotator_id, visual, t2v, phy, visual_rationale, "
      "t2v_rationale, phy_rationale, thinking, origin, model_id, settings_json, time_spent_ms, "
      "created_at, updated_at, extra_json) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15) "
      "ON CONFLICT(video_id, annotator_id) DO UPDATE SET visual = excluded.visual, "
      "t2v = excluded.t2v, phy = excluded.phy, visual_rationale = excluded.visual_rationale, "
      "t2v_rationale = excluded.t2v_rationale, phy_rationale = excluded.phy_rationale, "
      "thinking = excluded.thinking, origin = excluded.origin, model_id = excluded.model_id, "
      "settings_json = excluded.settings_json, time_spent_ms = excluded.time_spent_ms, "
      "updated_at = excluded.updated_at, extra_json = excluded.extra_json RETURNING id");
  s.bind(1, e.videoId).bind(2, e.annotatorId);
  for (int i = 0; i < 3; ++i) {
    s.bind(3 + i, e.scores.value[static_cast<size_t>(i)]);
    s.bind(6 + i, e.rationale[static_cast<size_t>(i)]);
  }
  s.bind(9, e.thinking).bind(10, originName(e.origin)).bind(11, e.modelId).bind(12, e.settingsJson);
  s.bind(13, e.timeSpentMs).bind(14, now);
  const QByteArray extra = extraFieldsToJson(e.extra);
  s.bind(15, extra);
  s.step();
  const qint64 id = s.int64(0);
  s.reset();
  return id;
}

std::optional<Evaluation> Store::findEvaluation(qint64 id) const {
  static const QByteArray sql = QByteArray("SELECT ") + kEvaluationColumns + " FROM evaluations WHERE id = ?";
  Statement& s = d_->statement(sql.constData());
  s.bind(1, id);
  return readOne(s, [](const Statement& row) { return readEvaluation(row); });
}

std::optional<Evaluation> Store::findEvaluation(qint64 videoId, qint64 annotatorId) const {
  static const QByteArray sql = QByteArray("SELECT ") + kEvaluationColumns +
                                " FROM evaluations WHERE video_id = ? AND annotator_id = ?";
  Statement& s = d_->statement(sql.constData());
  s.bind(1, videoId).bind(2, annotatorId);
  return readOne(s, [](const Statement& row) { return readEvaluation(row); });
}

QVector<Evaluation> Store::evaluationsForVideo(qint64 videoId) const {
  static const QByteArray sql = QByteArray("SELECT ") + kEvaluationColumns +
                                " FROM evaluations WHERE video_id = ? ORDER BY annotator_id";
  QVector<Evaluation> all;
  Statement& s = d_->statement(sql.constData());
  s.bind(1, videoId);
  while (s.step())
    all.push_back(readEvaluation(s));
  s.reset();
  return all;
}

void Store::editField(qint64 evaluationId, EvaluationField field, const QVariant& value) {
  const QString at = QStringLiteral("%1: evaluation %2").arg(d_->where).arg(evaluationId);
  // Validate before taking the write lock.
  const QVariant bound = checkedFieldValue(field, value, at);
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  d_->writeField(evaluationId, field, bound, at);
  transaction.commit();
}

QVariant checkedFieldValue(EvaluationField field, const QVariant& value, const QString& at) {
  QVariant bound = value;
  switch (field) {
    case EvaluationField::VisualScore:
    case EvaluationField::T2VScore:
    case EvaluationField::PhyScore: {
      if (!value.isNull()) {
        bool ok = false;
        const double v = value.toDouble(&ok);
        // 0..5 here; a person's evaluation is held to integers 1..5 below.
        if (!ok || !isStorableModelScore(v)) {
          throw Error(Error::Kind::InvalidData, at,
                      QStringLiteral("%1 score %2 is outside 0..5")
                          .arg(evaluationFieldName(field), value.toString()));
        }
        bound = v;
      }
      break;
    }
    case EvaluationField::Origin:
      if (!originFromName(value.toString())) {
        throw Error(Error::Kind::InvalidData, at,
                    QStringLiteral("unknown origin \"%1\"").arg(value.toString()));
      }
      break;
    case EvaluationField::TimeSpentMs: {
      bool ok = false;
      const qint64 ms = value.toLongLong(&ok);
      if (!ok || ms < 0) {
        throw Error(Error::Kind::InvalidData, at, QStringLiteral("time spent must be >= 0 ms"));
      }
      bound = ms;
      break;
    }
    default:
      bound = value.toString();
      break;
  }
  return bound;
}

void Impl::writeField(qint64 evaluationId, EvaluationField field, const QVariant& bound, const QString& at) {
  // One prepared statement per field (column names cannot be bound).
  static const auto sqlFor = [] {
    std::map<EvaluationField, QByteArray> m;
    for (int i = 0; i <= static_cast<int>(EvaluationField::TimeSpentMs); ++i) {
      const auto f = static_cast<EvaluationField>(i);
      m[f] = QByteArray("UPDATE evaluations SET ") + columnOf(f) + " = ?1, updated_at = ?2 WHERE id = ?3";
    }
    return m;
  }();
  const bool isScore = field == EvaluationField::VisualScore || field == EvaluationField::T2VScore ||
                       field == EvaluationField::PhyScore;
  if (isScore && !bound.isNull()) {
    Statement& who = statement(
        "SELECT a.kind FROM evaluations e JOIN annotators a ON a.id = e.annotator_id WHERE e.id = ?");
    who.bind(1, evaluationId);
    if (who.step() && who.text(0) == QLatin1String("human") && !isValidHumanScore(bound.toDouble())) {
      who.reset();
      throw Error(Error::Kind::InvalidData, at,
                  QStringLiteral("%1 score %2 of a person must be an integer 1..5")
                      .arg(evaluationFieldName(field), bound.toString()));
    }
    who.reset();
  }
  Statement& s = statement(sqlFor.at(field).constData());
  if (bound.isNull()) {
    s.bindNull(1);
  } else if (isScore) {
    s.bind(1, bound.toDouble());
  } else if (field == EvaluationField::TimeSpentMs) {
    s.bind(1, bound.toLongLong());
  } else {
    s.bind(1, bound.toString());
  }
  s.bind(2, nowMs()).bind(3, evaluationId);
  s.run();
  if (db->changes() != 1) {
    throw Error(Error::Kind::Usage, at, QStringLiteral("no such evaluation"));
  }
}

QVector<HistoryEntry> Store::history(qint64 evaluationId) const {
  QVector<HistoryEntry> all;
  Statement& s = d_->statement(
      "SELECT id, evaluation_id, field, old_value, new_value, origin, changed_at FROM history "
      "WHERE evaluation_id = ? ORDER BY id");
  s.bind(1, evaluationId);
  while (s.step()) {
    HistoryEntry h;
    h.id = s.int64(0);
    h.evaluationId = s.int64(1);
    h.field = s.text(2);
    h.oldValue = historyValue(h.field, d_->variantOf(s, 3));
    h.newValue = historyValue(h.field, d_->variantOf(s, 4));
    h.origin = s.text(5);
    h.changedAt = fromMs(s.int64(6));
    all.push_back(h);
  }
  s.reset();
  return all;
}

QVector<QueueItem> Store::listItems(const ItemFilter& filter) const {
  QByteArray sql = QByteArray(
      "SELECT v.id, coalesce(v.prompt_id, 0), v.name, v.url, v.path, "
      "v.content_hash, v.probe_json, v.generator, v.batch, "
      "coalesce(p.text, '') FROM videos v "
      "LEFT JOIN prompts p ON p.id = v.prompt_id WHERE 1 = 1");
  if (!filter.batch.isEmpty())
    sql += " AND v.batch = ?1";
  if (filter.annotatorId && filter.evaluated != ItemFilter::Evaluated::Any) {
    sql += filter.evaluated == ItemFilter::Evaluated::Yes ? " AND EXISTS" : " AND NOT EXISTS";
    sql += " (SELECT 1 FROM evaluations e WHERE e.video_id = v.id AND e.annotator_id = ?2)";
  }
  sql += " ORDER BY v.id LIMIT ?3 OFFSET ?4";
  Statement s(*d_->db, sql.constData(), d_->where);
  if (!filter.batch.isEmpty())
    s.bind(1, filter.batch);
  if (filter.annotatorId)
    s.bind(2, *filter.annotatorId);
  // A negative limit is "no limit" (SQLite's reading; PostgreSQL refuses it).
  const qint64 limit =
      filter.limit < 0 ? std::numeric_limits<qint64>::max() : static_cast<qint64>(filter.limit);
  s.bind(3, limit).bind(4, static_cast<qint64>(filter.offset));
  QVector<QueueItem> items;
  std::map<qint64, int> indexOf;
  while (s.step()) {
    QueueItem item;
    item.video = readVideo(s);
    item.promptText = s.text(9);
    indexOf[item.video.id] = items.size();
    items.push_back(std::move(item));
  }
  if (items.isEmpty())
    return items;
  // Evaluations of the listed videos in one pass.
  static const QByteArray evalSql = QByteArray("SELECT ") + kEvaluationColumns +
                                    " FROM evaluations WHERE video_id BETWEEN ? AND ? "
                                    "ORDER BY video_id, annotator_id";
  Statement& e = d_->statement(evalSql.constData());
  e.bind(1, items.front().video.id).bind(2, items.back().video.id);
  while (e.step()) {
    const auto it = indexOf.find(e.int64(1));
    if (it != indexOf.end())
      items[it->second].evaluations.push_back(readEvaluation(e));
  }
  e.reset();
  return items;
}

ProjectStats Store::stats() const {
  ProjectStats st;
  Statement& counts = d_->statement(
      "SELECT (SELECT count(*) FROM prompts), (SELECT count(*) FROM videos), "
      "(SELECT count(*) FROM evaluations), (SELECT count(*) FROM annotators)");
  if (counts.step()) {
    st.prompts = counts.int64(0);
    st.videos = counts.int64(1);
    st.evaluations = counts.int64(2);
    st.annotators = counts.int64(3);
  }
  counts.reset();
  // Rounded here (half away from zero, as SQLite's round()): PostgreSQL's round() of a double
  // rounds half to even.
  const char* sql[3] = {"SELECT visual, count(*) FROM evaluations WHERE visual IS NOT NULL GROUP BY 1",
                        "SELECT t2v, count(*) FROM evaluations WHERE t2v IS NOT NULL GROUP BY 1",
                        "SELECT phy, count(*) FROM evaluations WHERE phy IS NOT NULL GROUP BY 1"};
  for (size_t d = 0; d < 3; ++d) {
    Statement& h = d_->statement(sql[d]);
    while (h.step()) {
      const auto score = static_cast<qint64>(std::round(h.real(0)));
      if (score >= 1 && score <= 5)
        st.histogram[d][static_cast<size_t>(score - 1)] += h.int64(1);
    }
    h.reset();
  }
  return st;
}

QVariant Impl::variantOf(const Statement& s, int column) const {
  return s.value(column);
}

// History keeps old and new values as the column held them; PostgreSQL's history tables keep
// text, so a value is read back by its field's type (the same QVariant from either backend).
QVariant historyValue(const QString& field, const QVariant& value) {
  if (value.isNull())
    return {};
  static const QStringList reals{QStringLiteral("visual"), QStringLiteral("t2v"), QStringLiteral("phy")};
  static const QStringList integers{QStringLiteral("time_spent_ms"), QStringLiteral("left_id"),
                                    QStringLiteral("right_id"),      QStringLiteral("swapped"),
                                    QStringLiteral("best_id"),       QStringLiteral("worst_id")};
  if (reals.contains(field))
    return QVariant(value.toDouble());
  if (integers.contains(field))
    return QVariant(value.toLongLong());
  return QVariant(value.toString());
}

}  // namespace vs::store
