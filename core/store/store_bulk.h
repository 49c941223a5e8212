#pragma once
// The per-item rules of a bulk import, shared by the statement-per-row path (SQLite,
// store_bulk.cpp) and the COPY path (PostgreSQL, store_bulk_pg.cpp): which checks an item must
// pass, which annotators it needs (created on first use) and which evaluations it writes.
#include <QByteArray>
#include <QHash>
#include <functional>

#include "core/store/store_impl.h"

namespace vs::store {

// One evaluation an item writes, upserted on (video, annotator). The pointers stay valid until
// the planner's next plan() call.
struct EvaluationWrite {
  qint64 annotatorId = 0;
  const Scores* scores = nullptr;
  const QByteArray* rationale[3] = {};
  const QByteArray* thinking = nullptr;
  const QByteArray* origin = nullptr;
  const QByteArray* modelId = nullptr;
  const QByteArray* settings = nullptr;
  const QByteArray* extraJson = nullptr;
};

class ImportPlanner {
 public:
  ImportPlanner(Impl& d, const ImportOptions& options);
  // Checks item `index` (throws InvalidData naming it) and fills `out` with the evaluations it
  // writes, in order; returns how many (0 to 2).
  int plan(size_t index, const FeedbackItem& item, EvaluationWrite out[2]);
  qint64 now() const { return now_; }

 private:
  Impl& d_;
  const ImportOptions& options_;
  qint64 optionsAnnotatorId_ = 0;
  qint64 modelAnnotatorId_ = 0;
  QHash<QByteArray, qint64> itemAnnotatorIds_;  // named by the items, looked up once per name
  QByteArray origin_, modelId_, settings_, modelAnnotatorModelId_, extraJson_;
  const QByteArray modelOrigin_{"model"};
  const QByteArray empty_{""};
  qint64 now_ = 0;
};

// What an import did, as both paths report it: counted before its first write and again, with
// the row in `imports`, after its last (inside the import's transaction).
class ImportTally {
 public:
  explicit ImportTally(Impl& d);
  // Records the import and fills `result`'s created/updated counts; `written` is how many
  // evaluation writes the items made.
  void finish(const ImportOptions& options, qint64 importedAt, qint64 written, ImportResult& result);

 private:
  Impl& d_;
  qint64 evaluationsBefore_ = 0;
  qint64 videosBefore_ = 0;
};

// PostgreSQL: the same import as Store::importItems, rows sent with COPY (store_bulk_pg.cpp).
ImportResult importItemsByCopy(Impl& d, const std::function<const FeedbackItem*()>& next,
                               const ImportOptions& options);

}  // namespace vs::store
