#pragma once
// The person's work on one project: reads the items, turns every edit into an undo command on
// the given QUndoStack, and commits each one to the store at once (one transaction per edit).
// Undo and redo write the store again, for any item, not only the one shown.
#include <QHash>
#include <QObject>
#include <QVariant>
#include <QVector>
#include <optional>

#include "core/domain/evaluation.h"
#include "ui/annotation/item_flags.h"
#include "ui/annotation/model_view.h"

class QUndoStack;

namespace vs::store {
class Store;
}

namespace vs::ui {

struct FieldChange {
  EvaluationField field;
  QVariant before;  // null: no value
  QVariant after;
};

enum class WriteDirection { Apply, Revert };

class AnnotationSession : public QObject {
  Q_OBJECT
 public:
  // `store` and `undo` outlive the session. `annotator`: the person's name in the project.
  AnnotationSession(store::Store& store, const QString& annotator, QUndoStack& undo,
                    QObject* parent = nullptr);

  store::Store& store() { return store_; }
  qint64 annotatorId() const { return annotatorId_; }
  QUndoStack& undoStack() { return undo_; }
  bool isReadOnly() const { return readOnly_; }
  void setReadOnly(bool readOnly) { readOnly_ = readOnly; }

  std::optional<Evaluation> mine(qint64 videoId) const;
  std::optional<Evaluation> model(qint64 videoId) const;  // the newest model evaluation
  ItemFlags flags(qint64 videoId) const;

  // --- edits (each pushes one undo command and commits it) -------------------------------
  void setScore(qint64 videoId, Dimension dim, std::optional<int> score);
  void acceptModel(qint64 videoId);  // copies the model's integer scores; origin model-accepted
  // Text fields (rationales, thinking). Consecutive edits of one field merge into one undo step.
  void setText(qint64 videoId, EvaluationField field, const QString& text);
  void setFlags(qint64 videoId, const ItemFlags& flags);
  // Time on the item; not undoable. Kept in memory until the person has an evaluation.
  void addTimeSpent(qint64 videoId, qint64 ms);
  qint64 pendingTimeMs(qint64 videoId) const { return pendingMs_.value(videoId); }

  // --- used by the commands ----------------------------------------------------------------
  bool writeFields(qint64 videoId, const QVector<FieldChange>& changes, WriteDirection dir);
  bool writeFlags(qint64 videoId, const ItemFlags& flags);

 signals:
  void evaluationChanged(qint64 videoId);
  void editFailed(const QString& message);

 private:
  qint64 ensureEvaluation(qint64 videoId);
  Origin originAfterScoreEdit(qint64 videoId, const Scores& after) const;

  store::Store& store_;
  QUndoStack& undo_;
  qint64 annotatorId_ = 0;
  bool readOnly_ = false;
  QHash<qint64, qint64> pendingMs_;
};

}  // namespace vs::ui
