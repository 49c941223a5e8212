// Bulk import into a PostgreSQL project: the items' rows go to a temporary staging table with
// COPY (text format), then three set-based statements apply them to prompts, videos and
// evaluations, all in the import's one transaction (writer lock held, complete or absent).
//
// The result is the statement-per-row import's (store_bulk.cpp):
//   - prompts and videos are inserted in order of first appearance in the file, so their ids
//     keep the file's order (exports list videos by id);
//   - a video met again keeps its prompt unless the item names one, and its URL unless the item
//     has a non-empty one (the last such item wins);
//   - evaluations are upserted in file order with ON CONFLICT, so the history triggers write the
//     same rows (AFTER UPDATE, per row). One statement cannot upsert a row twice, so a file that
//     names the same (video, annotator) again is applied in batches: the staged rows are applied
//     before the repeat is staged, and the repeat updates what the batch wrote.
#include <QSet>
#include <algorithm>
#include <utility>

#include "core/domain/error.h"
#include "core/store/store.h"
#include "core/store/store_bulk.h"

namespace vs::store {
namespace {

constexpr const char* kStaging =
    "CREATE TEMPORARY TABLE IF NOT EXISTS vs_import("
    "seq bigint NOT NULL, video_row boolean NOT NULL, prompt_first boolean NOT NULL, video_name text NOT "
    "NULL, "
    "prompt text, url text NOT NULL, annotator_id bigint, "
    "visual double precision, t2v double precision, phy double precision, visual_rationale text, "
    "t2v_rationale text, phy_rationale text, thinking text, origin text, model_id text, settings_json text, "
    "extra_json text) ON COMMIT DROP";

constexpr const char* kCopy =
    "COPY vs_import(seq, video_row, prompt_first, video_name, prompt, url, annotator_id, visual, t2v, phy, "
    "visual_rationale, "
    "t2v_rationale, phy_rationale, thinking, origin, model_id, settings_json, extra_json) FROM STDIN";

// Each prompt is staged as "first" once per import, where it is met first.
constexpr const char* kApplyPrompts =
    "INSERT INTO prompts(text) SELECT prompt FROM vs_import WHERE prompt_first ORDER BY seq "
    "ON CONFLICT(text) DO NOTHING";

constexpr const char* kVideoConflict =
    " ON CONFLICT(name) DO UPDATE SET prompt_id = coalesce(excluded.prompt_id, videos.prompt_id), "
    "url = CASE WHEN excluded.url <> '' THEN excluded.url ELSE videos.url END";

// A batch where each video is named by one item: its row (the item's first) as it is.
constexpr const char* kApplyVideos =
    "INSERT INTO videos(name, prompt_id, url) SELECT s.video_name, p.id, s.url FROM vs_import s "
    "LEFT JOIN prompts p ON p.text = s.prompt WHERE s.video_row ORDER BY s.seq";

// A batch that names a video in several items: the last prompt and the last non-empty URL.
constexpr const char* kApplyRepeatedVideos =
    "INSERT INTO videos(name, prompt_id, url) "
    "SELECT g.name, p.id, g.url FROM ("
    "  SELECT video_name AS name, min(seq) AS first, "
    "  (array_agg(prompt ORDER BY seq DESC) FILTER (WHERE prompt IS NOT NULL))[1] AS prompt, "
    "  coalesce((array_agg(url ORDER BY seq DESC) FILTER (WHERE url <> ''))[1], '') AS url "
    "  FROM vs_import GROUP BY video_name) g "
    "LEFT JOIN prompts p ON p.text = g.prompt ORDER BY g.first";

// %1: the import's time (ms since the epoch), as the per-row upsert binds it.
constexpr const char* kApplyEvaluations =
    "INSERT INTO evaluations(video_id, annotator_id, visual, t2v, phy, visual_rationale, t2v_rationale, "
    "phy_rationale, thinking, origin, model_id, settings_json, created_at, updated_at, extra_json) "
    "SELECT v.id, s.annotator_id, s.visual, s.t2v, s.phy, s.visual_rationale, s.t2v_rationale, "
    "s.phy_rationale, s.thinking, s.origin, s.model_id, s.settings_json, %1, %1, s.extra_json "
    "FROM vs_import s JOIN videos v ON v.name = s.video_name WHERE s.annotator_id IS NOT NULL "
    "ORDER BY s.seq "
    "ON CONFLICT(video_id, annotator_id) DO UPDATE SET visual = excluded.visual, "
    "t2v = excluded.t2v, phy = excluded.phy, visual_rationale = excluded.visual_rationale, "
    "t2v_rationale = excluded.t2v_rationale, phy_rationale = excluded.phy_rationale, "
    "thinking = excluded.thinking, origin = excluded.origin, model_id = excluded.model_id, "
    "settings_json = excluded.settings_json, updated_at = excluded.updated_at, "
    "extra_json = excluded.extra_json";

// Staged rows are applied once this much COPY text is waiting (memory stays bounded).
constexpr qsizetype kBatchBytes = 32 << 20;

// Appends one field in COPY's text format: backslash, tab, newline and carriage return escaped
// (so no field can end a row or the data early); `null` writes \N. Text stops at a NUL byte, as
// a libpq text parameter does (PostgreSQL text cannot hold one).
void field(QByteArray& out, const QByteArray& text) {
  const char* p = text.constData();
  const char* end = p + text.size();
  const char* run = p;
  for (; p < end && *p; ++p) {
    const char c = *p;
    if (c != '\\' && c != '\t' && c != '\n' && c != '\r')
      continue;
    out.append(run, p - run);
    out += '\\';
    out += c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
    run = p + 1;
  }
  out.append(run, p - run);
  out += '\t';
}
void nullField(QByteArray& out) {
  out += "\\N\t";
}
void number(QByteArray& out, qint64 n) {
  out += QByteArray::number(n);
  out += '\t';
}
void real(QByteArray& out, const std::optional<double>& v) {
  if (v) {
    out += QByteArray::number(*v, 'g', 17);  // as the per-row path binds it: reads back exact
    out += '\t';
  } else {
    nullField(out);
  }
}
void endRow(QByteArray& out) {
  out[out.size() - 1] = '\n';  // the last field's tab
}

class Staging {
 public:
  // Sorting a batch in file order stays in memory (the default work_mem spills to disk).
  Staging(Impl& d, qint64 now) : d_(d), now_(now) {
    d_.db->exec("SET LOCAL work_mem = '64MB'", d_.where);
    d_.db->exec(kStaging, d_.where);
  }

  // One row per evaluation an item writes (or one with none); the first carries the item's
  // video and prompt.
  void add(const FeedbackItem& item, const EvaluationWrite* writes, int count) {
    for (int w = 0; w < std::max(count, 1); ++w) {
      const EvaluationWrite* e = count > 0 ? &writes[w] : nullptr;
      if (e) {
        auto key = std::make_pair(item.videoName, e->annotatorId);
        if (keys_.contains(key) || rows_.size() >= kBatchBytes)
          apply();
        keys_.insert(std::move(key));
      }
      const bool videoRow = w == 0;
      if (videoRow) {
        if (names_.contains(item.videoName))
          repeatedNames_ = true;
        else
          names_.insert(item.videoName);
      }
      const bool firstPrompt = videoRow && !item.prompt.isEmpty() && !prompts_.contains(item.prompt);
      if (firstPrompt)
        prompts_.insert(item.prompt);
      number(rows_, ++seq_);
      rows_ += videoRow ? "t\t" : "f\t";
      rows_ += firstPrompt ? "t\t" : "f\t";
      field(rows_, item.videoName);
      if (item.prompt.isEmpty() || !videoRow)
        nullField(rows_);
      else
        field(rows_, item.prompt);
      field(rows_, videoRow ? item.videoUrl : QByteArray());  // a null URL is ""
      if (!e) {
        for (int i = 0; i < 12; ++i)
          nullField(rows_);
        endRow(rows_);
        continue;
      }
      number(rows_, e->annotatorId);
      for (size_t k = 0; k < 3; ++k)
        real(rows_, e->scores->value[k]);
      for (size_t k = 0; k < 3; ++k)
        field(rows_, *e->rationale[k]);
      field(rows_, *e->thinking);
      field(rows_, *e->origin);
      field(rows_, *e->modelId);
      field(rows_, *e->settings);
      field(rows_, *e->extraJson);
      endRow(rows_);
    }
  }

  // Sends the staged rows and applies them; the staging table is empty again afterwards.
  void apply() {
    if (rows_.isEmpty())
      return;
    Connection& db = *d_.db;
    db.copyIn(kCopy, rows_, d_.where);
    rows_.clear();
    keys_.clear();
    names_.clear();
    db.exec(kApplyPrompts, d_.where);
    db.exec((QByteArray(repeatedNames_ ? kApplyRepeatedVideos : kApplyVideos) + kVideoConflict).constData(),
            d_.where);
    repeatedNames_ = false;
    db.exec(QByteArray(kApplyEvaluations).replace("%1", QByteArray::number(now_)).constData(), d_.where);
    db.exec("TRUNCATE vs_import", d_.where);
  }

 private:
  Impl& d_;
  qint64 now_;
  qint64 seq_ = 0;
  QByteArray rows_;
  QSet<std::pair<QByteArray, qint64>> keys_;  // (video name, annotator) staged since the last apply
  QSet<QByteArray> names_;                    // videos staged since the last apply
  bool repeatedNames_ = false;                // ... one of them by more than one item
  QSet<QByteArray> prompts_;                  // staged by this import
};

}  // namespace

ImportResult importItemsByCopy(Impl& d, const std::function<const FeedbackItem*()>& next,
                               const ImportOptions& options) {
  ImportResult result;
  qint64 written = 0;
  Transaction transaction(*d.db, d.where, d.busyTimeoutMs);
  ImportTally tally(d);
  ImportPlanner planner(d, options);
  Staging staging(d, planner.now());
  EvaluationWrite writes[2];
  for (size_t i = 0;; ++i) {
    const FeedbackItem* item = next();
    if (!item)
      break;
    ++result.items;
    if (options.progress && (i & 4095) == 0)
      options.progress(static_cast<qint64>(i), -1);
    const int count = planner.plan(i, *item, writes);
    staging.add(*item, writes, count);
    written += count;
  }
  staging.apply();
  tally.finish(options, planner.now(), written, result);
  transaction.commit();
  return result;
}

}  // namespace vs::store
