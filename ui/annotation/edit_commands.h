#pragma once
// Undo commands for the person's edits. Each holds old and new values and writes the store in
// redo() and undo(); a command whose first write fails marks itself obsolete so the stack
// drops it. Typing in one text field merges into one step (same video, same field).
#include <QUndoCommand>
#include <QVector>

#include "ui/annotation/annotation_session.h"

namespace vs::ui {

class EditFieldsCommand : public QUndoCommand {
 public:
  enum { kTextMergeBase = 1000 };
  EditFieldsCommand(AnnotationSession& session, qint64 videoId, QVector<FieldChange> changes,
                    const QString& text);

  void redo() override;
  void undo() override;
  int id() const override;
  bool mergeWith(const QUndoCommand* other) override;

  qint64 videoId() const { return videoId_; }

 private:
  bool isTextEdit() const;
  AnnotationSession& session_;
  qint64 videoId_;
  QVector<FieldChange> changes_;
  bool applied_ = false;
};

class SetFlagsCommand : public QUndoCommand {
 public:
  SetFlagsCommand(AnnotationSession& session, qint64 videoId, ItemFlags before, ItemFlags after,
                  const QString& text);
  void redo() override;
  void undo() override;
  qint64 videoId() const { return videoId_; }

 private:
  AnnotationSession& session_;
  qint64 videoId_;
  ItemFlags before_;
  ItemFlags after_;
  bool applied_ = false;
};

// The video an undo command touches (0 when unknown); the window follows undo/redo to it.
qint64 commandVideoId(const QUndoCommand* command);

}  // namespace vs::ui
