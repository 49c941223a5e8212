// Bulk import/export: the hot paths of `vscore import/export`. SQLite: prepared statements in
// one transaction, UTF-8 bound straight from the parsed file, prompts cached by text.
// PostgreSQL imports with COPY instead (store_bulk_pg.cpp); the per-item rules are shared.
#include <QDateTime>
#include <QHash>
#include <algorithm>

#include "core/domain/error.h"
#include "core/json/extra_fields_json.h"
#include "core/store/schema.h"
#include "core/store/store.h"
#include "core/store/store_bulk.h"

namespace vs::store {
namespace {

// New videos take the cheap path (plain insert); a name met before is looked up and updated.
// The new ids are read from the connection, not with RETURNING: SQLite runs RETURNING through a
// temporary B-tree opened and closed per statement (measured: a tenth of the import's CPU).
constexpr const char* kInsertVideo =
    "INSERT INTO videos(name, prompt_id, url) VALUES (?1, ?2, ?3) ON CONFLICT(name) DO NOTHING";
constexpr const char* kUpdateVideo =
    "UPDATE videos SET prompt_id = coalesce(?2, prompt_id), "
    "url = CASE WHEN ?3 <> '' THEN ?3 ELSE url END WHERE name = ?1 RETURNING id";
// A prompt new to this import is inserted straight away; only one already in the project is
// looked up (one search of the long-text unique index instead of a miss and then an insert).
constexpr const char* kInsertPrompt = "INSERT INTO prompts(text) VALUES (?1) ON CONFLICT(text) DO NOTHING";
constexpr const char* kFindPrompt = "SELECT id FROM prompts WHERE text = ?1";

// One evaluation row and its parameters, for both statements below.
#define VS_EVALUATION_ROW                                                                          \
  "INTO evaluations(video_id, annotator_id, visual, t2v, phy, visual_rationale, t2v_rationale, "   \
  "phy_rationale, thinking, origin, model_id, settings_json, created_at, updated_at, extra_json) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)"

constexpr const char* kUpsertEvaluation =
    "INSERT " VS_EVALUATION_ROW
    " ON CONFLICT(video_id, annotator_id) DO UPDATE SET visual = excluded.visual, "
    "t2v = excluded.t2v, phy = excluded.phy, visual_rationale = excluded.visual_rationale, "
    "t2v_rationale = excluded.t2v_rationale, phy_rationale = excluded.phy_rationale, "
    "thinking = excluded.thinking, origin = excluded.origin, model_id = excluded.model_id, "
    "settings_json = excluded.settings_json, updated_at = excluded.updated_at, "
    "extra_json = excluded.extra_json";

// The evaluations of a video this import has just created cannot conflict: a plain insert. OR
// ROLLBACK (the import is all or nothing anyway) lets SQLite skip the statement journal that an
// upsert, which may abort half way through its triggers, keeps for every row.
constexpr const char* kInsertEvaluation = "INSERT OR ROLLBACK " VS_EVALUATION_ROW;
#undef VS_EVALUATION_ROW

// The videos an import wrote evaluations for, as a JSON array of ids, counted again at the end.
constexpr const char* kTouchedIds = "SELECT value AS id FROM json_each(?1)";

QString itemWhere(const QString& where, size_t index, const FeedbackItem& item) {
  return QStringLiteral("%1: item %2 (video_name \"%3\")")
      .arg(where)
      .arg(index + 1)
      .arg(QString::fromUtf8(item.videoName));
}

bool inRange(const Scores& scores) {
  for (const auto& v : scores.value) {
    if (v && !(*v >= 1.0 && *v <= 5.0))
      return false;
  }
  return true;
}

qint64 countOf(Impl& d, const char* sql) {
  Statement& s = d.statement(sql);
  const qint64 n = s.step() ? s.int64(0) : 0;
  s.reset();
  return n;
}

}  // namespace

ImportTally::ImportTally(Impl& d)
    : d_(d),
      evaluationsBefore_(countOf(d, "SELECT count(*) FROM evaluations")),
      videosBefore_(countOf(d, "SELECT count(*) FROM videos")) {}

void ImportTally::finish(const ImportOptions& options, qint64 importedAt, qint64 written,
                         ImportResult& result) {
  d_.statement("INSERT INTO imports(source, format, annotator, items, imported_at) VALUES (?, ?, ?, ?, ?)")
      .bind(1, options.source)
      .bind(2, options.format)
      .bind(3, options.annotator.isEmpty() ? options.modelAnnotator : options.annotator)
      .bind(4, result.items)
      .bind(5, importedAt)
      .run();
  result.videosCreated = countOf(d_, "SELECT count(*) FROM videos") - videosBefore_;
  result.evaluationsCreated = countOf(d_, "SELECT count(*) FROM evaluations") - evaluationsBefore_;
  result.evaluationsUpdated = written - result.evaluationsCreated;
}

// The options' annotators are created on first use (the person's before the model's, as they
// always were): a file whose items all name their own annotator (Label Studio) leaves no empty
// "default" behind.
ImportPlanner::ImportPlanner(Impl& d, const ImportOptions& options)
    : d_(d),
      options_(options),
      origin_(originName(options.origin).toUtf8()),
      modelId_(options.modelId.toUtf8()),
      settings_(options.settingsJson.toUtf8()),
      modelAnnotatorModelId_((options.modelId.isEmpty() ? options.modelAnnotator : options.modelId).toUtf8()),
      now_(QDateTime::currentMSecsSinceEpoch()) {
  if (options.annotator.isEmpty() && options.modelAnnotator.isEmpty()) {
    throw Error(Error::Kind::Usage, d.where, QStringLiteral("import needs an annotator"));
  }
}

int ImportPlanner::plan(size_t index, const FeedbackItem& item, EvaluationWrite out[2]) {
  if (item.videoName.isEmpty()) {
    throw Error(Error::Kind::InvalidData, itemWhere(d_.where, index, item),
                QStringLiteral("video_name is empty"));
  }
  const bool ownAnnotator = !item.annotator.isEmpty();
  const AnnotatorKind kind = ownAnnotator ? item.annotatorKind : options_.annotatorKind;
  if (!inRange(item.scores) || !inRange(item.modelScores)) {  // location text only on failure
    d_.checkScores(item.scores, kind, itemWhere(d_.where, index, item));
    d_.checkScores(item.modelScores, AnnotatorKind::Model, itemWhere(d_.where, index, item));
  }
  qint64 annotatorId = 0;
  if (ownAnnotator) {
    const auto it = itemAnnotatorIds_.constFind(item.annotator);
    if (it != itemAnnotatorIds_.constEnd()) {
      annotatorId = it.value();
    } else {
      annotatorId = d_.ensureAnnotator(QString::fromUtf8(item.annotator), item.annotatorKind);
      itemAnnotatorIds_.insert(item.annotator, annotatorId);
    }
  } else if (!options_.annotator.isEmpty()) {
    if (optionsAnnotatorId_ == 0)
      optionsAnnotatorId_ = d_.ensureAnnotator(options_.annotator, options_.annotatorKind);
    annotatorId = optionsAnnotatorId_;
  }
  int n = 0;
  const bool hasHuman =
      annotatorId != 0 && (!item.scores.empty() || item.modelState == ModelScoreState::None);
  if (hasHuman) {
    extraJson_ = extraFieldsToJson(item.extra);
    // A model named by the item (a Label Studio prediction) is its own model id.
    const bool itemModel = ownAnnotator && item.annotatorKind == AnnotatorKind::Model;
    EvaluationWrite& w = out[n++];
    w.annotatorId = annotatorId;
    w.scores = &item.scores;
    for (size_t k = 0; k < 3; ++k)
      w.rationale[k] = &item.rationale[k];
    w.thinking = &item.thinking;
    w.origin = itemModel ? &modelOrigin_ : &origin_;
    w.modelId = itemModel ? &item.annotator : &modelId_;
    w.settings = &settings_;
    w.extraJson = &extraJson_;
  }
  if (!options_.modelAnnotator.isEmpty() && item.modelState != ModelScoreState::None) {
    if (modelAnnotatorId_ == 0)
      modelAnnotatorId_ = d_.ensureAnnotator(options_.modelAnnotator, AnnotatorKind::Model);
    // Unknown keys ride with the reference evaluation when there is one.
    if (!hasHuman)
      extraJson_ = extraFieldsToJson(item.extra);
    EvaluationWrite& w = out[n++];
    w.annotatorId = modelAnnotatorId_;
    w.scores = &item.modelScores;
    for (size_t k = 0; k < 3; ++k)
      w.rationale[k] = &empty_;
    w.thinking = &item.modelOutput;
    w.origin = &modelOrigin_;
    w.modelId = &modelAnnotatorModelId_;
    w.settings = &settings_;
    w.extraJson = hasHuman ? &empty_ : &extraJson_;
  }
  return n;
}

ImportResult Store::importItems(const std::vector<FeedbackItem>& items, const ImportOptions& options) {
  size_t next = 0;
  return importItems([&]() -> const FeedbackItem* { return next < items.size() ? &items[next++] : nullptr; },
                     options);
}

ImportResult Store::importItems(const std::function<const FeedbackItem*()>& next,
                                const ImportOptions& options) {
  Impl& d = *d_;
  if (d.db->backend() == Backend::Postgres)
    return importItemsByCopy(d, next, options);
  ImportResult result;
  qint64 written = 0;
  const auto bulk = d.db->bulkScope();
  Transaction transaction(*d.db, d.where, d.busyTimeoutMs);
  ImportTally tally(d);
  ImportPlanner planner(d, options);
  const QByteArray empty("");
  beginBulkLeaseRoom(*d.db, d.where);  // counted once at the end instead of per evaluation
  std::vector<qint64> touched;

  QHash<QByteArray, qint64> promptIds;
  promptIds.reserve(4096);
  Statement& insertPrompt = d.statement(kInsertPrompt);
  Statement& findPrompt = d.statement(kFindPrompt);
  Statement& insertVideo = d.statement(kInsertVideo);
  Statement& updateVideo = d.statement(kUpdateVideo);
  Statement& upsertEvaluation = d.statement(kUpsertEvaluation);
  Statement& insertEvaluation = d.statement(kInsertEvaluation);
  EvaluationWrite writes[2];

  for (size_t i = 0;; ++i) {
    const FeedbackItem* nextItem = next();
    if (!nextItem)
      break;
    const FeedbackItem& item = *nextItem;
    ++result.items;
    if (options.progress && (i & 4095) == 0)
      options.progress(static_cast<qint64>(i), -1);
    const int count = planner.plan(i, item, writes);

    qint64 promptId = 0;
    if (!item.prompt.isEmpty()) {
      const auto it = promptIds.constFind(item.prompt);
      if (it != promptIds.constEnd()) {
        promptId = it.value();
      } else {
        insertPrompt.bind(1, item.prompt).run();
        if (d.db->changes() == 1) {
          promptId = d.db->lastInsertId(d.where);
        } else {
          findPrompt.bind(1, item.prompt);
          findPrompt.step();
          promptId = findPrompt.int64(0);
          findPrompt.reset();
        }
        promptIds.insert(item.prompt, promptId);
      }
    }
    const QByteArray& url = item.videoUrl.isNull() ? empty : item.videoUrl;
    insertVideo.bind(1, item.videoName).bind(3, url);
    if (promptId) {
      insertVideo.bind(2, promptId);
    }
    qint64 videoId = 0;
    insertVideo.run();
    const bool newVideo = d.db->changes() == 1;
    if (newVideo) {
      videoId = d.db->lastInsertId(d.where);
    } else {
      updateVideo.bind(1, item.videoName).bind(3, url);
      if (promptId) {
        updateVideo.bind(2, promptId);
      }
      updateVideo.step();
      videoId = updateVideo.int64(0);
      updateVideo.reset();
    }

    for (int w = 0; w < count; ++w) {
      const EvaluationWrite& e = writes[w];
      const bool fresh = newVideo && (w == 0 || e.annotatorId != writes[0].annotatorId);
      Statement& write = fresh ? insertEvaluation : upsertEvaluation;
      write.bind(1, videoId).bind(2, e.annotatorId);
      for (int k = 0; k < 3; ++k) {
        write.bind(3 + k, e.scores->value[static_cast<size_t>(k)]);
        write.bind(6 + k, *e.rationale[k]);
      }
      write.bind(9, *e.thinking).bind(10, *e.origin).bind(11, *e.modelId).bind(12, *e.settings);
      write.bind(13, planner.now()).bind(14, *e.extraJson);
      write.run();
      ++written;
    }
    if (count > 0 && (touched.empty() || touched.back() != videoId))
      touched.push_back(videoId);
  }
  endBulkLeaseRoom(*d.db, d.where);
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  QByteArray ids = "[";
  for (const qint64 id : touched) {
    ids += QByteArray::number(id);
    ids += ',';
  }
  if (ids.size() > 1)
    ids.chop(1);
  ids += ']';
  const QByteArray recount = recountLeaseRoomSql(kTouchedIds);
  Statement(*d.db, recount.constData(), d.where).bind(1, ids).run();
  tally.finish(options, planner.now(), written, result);
  transaction.commit();
  return result;
}

void Store::exportItems(const ExportFilter& filter,
                        const std::function<void(const FeedbackItem&)>& sink) const {
  Impl& d = *d_;
  QByteArray sql =
      "SELECT v.name, v.url, coalesce(p.text, ''), e.visual, e.t2v, e.phy, e.visual_rationale, "
      "e.t2v_rationale, e.phy_rationale, e.thinking, e.extra_json, a.name, a.kind";
  const bool withModel = !filter.modelAnnotator.isEmpty();
  sql += withModel ? ", m.id, m.visual, m.t2v, m.phy, m.thinking" : "";  // from column 13
  sql +=
      " FROM evaluations e JOIN videos v ON v.id = e.video_id "
      "JOIN annotators a ON a.id = e.annotator_id LEFT JOIN prompts p ON p.id = v.prompt_id";
  if (withModel) {
    sql +=
        " LEFT JOIN evaluations m ON m.video_id = e.video_id AND m.annotator_id = "
        "(SELECT id FROM annotators WHERE name = ?4)";
  }
  sql += " WHERE 1 = 1";
  if (!filter.annotator.isEmpty())
    sql += " AND a.name = ?1";
  if (filter.origin)
    sql += " AND e.origin = ?2";
  if (filter.annotatorKind)
    sql += " AND a.kind = ?3";
  if (withModel)
    sql += " AND a.name <> ?4";
  sql += " ORDER BY v.id, a.id";
  // A read transaction gives one consistent snapshot even while another process writes.
  const ReadTransaction snapshot(*d.db, d.where);
  Statement s(*d.db, sql.constData(), d.where);
  if (!filter.annotator.isEmpty())
    s.bind(1, filter.annotator);
  if (filter.origin)
    s.bind(2, originName(*filter.origin));
  if (filter.annotatorKind)
    s.bind(3, annotatorKindName(*filter.annotatorKind));
  if (withModel)
    s.bind(4, filter.modelAnnotator);
  FeedbackItem item;
  while (s.step()) {
    item.videoName = s.bytes(0);
    item.videoUrl = s.bytes(1);
    item.prompt = s.bytes(2);
    for (int k = 0; k < 3; ++k) {
      item.scores.value[static_cast<size_t>(k)] = s.optionalReal(3 + k);
      item.rationale[static_cast<size_t>(k)] = s.bytes(6 + k);
    }
    item.thinking = s.bytes(9);
    item.extra = extraFieldsFromJson(s.bytes(10));
    item.annotator = s.bytes(11);
    item.annotatorKind = s.bytes(12) == "model" ? AnnotatorKind::Model : AnnotatorKind::Human;
    if (withModel) {
      if (s.isNull(13)) {
        item.modelState = ModelScoreState::None;
        item.modelScores = {};
        item.modelOutput.clear();
      } else {
        item.modelState = ModelScoreState::Given;
        for (int k = 0; k < 3; ++k)
          item.modelScores.value[static_cast<size_t>(k)] = s.optionalReal(14 + k);
        item.modelOutput = s.bytes(17);
      }
    }
    sink(item);
  }
}

}  // namespace vs::store
