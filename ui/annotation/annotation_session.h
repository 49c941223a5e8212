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
struct EvaluationEdit;
}  // namespace vs::store

namespace vs::ui {

struct FieldChange {
  EvaluationField field;
  QVariant before;  // null: no value
  QVariant after;
};

enum class WriteDirection { Apply, Revert };

class OfflineEdits;

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
  // On a database project: where edits wait while the server is away (outlives the session's
  // use of it; null: every write goes to the store, as on a file project).
  void setOfflineEdits(OfflineEdits* offline) { offline_ = offline; }

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
  // The write as an edit kept for later (offline journal).
  store::EvaluationEdit fieldsEdit(qint64 videoId, const QVector<FieldChange>& changes,
                                   WriteDirection dir) const;
  // Keeps the write on this computer, with the time counted in memory when the person has no
  // evaluation yet.
  bool keepFields(qint64 videoId, const QVector<FieldChange>& changes, WriteDirection dir);
  store::EvaluationEdit flagsEdit(qint64 videoId, const ItemFlags& flags) const;
  // Keeps `edit` on this computer; false (reported) when even that fails.
  bool keep(const store::EvaluationEdit& edit);
  // After a write the store took: what the window remembers of the evaluation follows it.
  void remember(const store::EvaluationEdit& edit);

  store::Store& store_;
  QString annotator_;
  QUndoStack& undo_;
  qint64 annotatorId_ = 0;
  bool readOnly_ = false;
  QHash<qint64, qint64> pendingMs_;
  OfflineEdits* offline_ = nullptr;
  // Database projects: the last evaluations read from the server (what is shown while it is away).
  mutable QHash<qint64, std::optional<Evaluation>> known_;
  mutable QHash<qint64, std::optional<Evaluation>> knownModel_;
};

}  // namespace vs::ui
