#include "ui/annotation/edit_commands.h"

namespace vs::ui {

EditFieldsCommand::EditFieldsCommand(AnnotationSession& session, qint64 videoId, QVector<FieldChange> changes,
                                     const QString& text)
    : QUndoCommand(text), session_(session), videoId_(videoId), changes_(std::move(changes)) {}

void EditFieldsCommand::redo() {
  const bool ok = session_.writeFields(videoId_, changes_, WriteDirection::Apply);
  if (!ok && !applied_) {
    setObsolete(true);
  }
  applied_ = applied_ || ok;
}

void EditFieldsCommand::undo() {
  session_.writeFields(videoId_, changes_, WriteDirection::Revert);
}

bool EditFieldsCommand::isTextEdit() const {
  if (changes_.size() != 1) {
    return false;
  }
  switch (changes_.front().field) {
    case EvaluationField::VisualRationale:
    case EvaluationField::T2VRationale:
    case EvaluationField::PhyRationale:
    case EvaluationField::Thinking:
      return true;
    default:
      return false;
  }
}

int EditFieldsCommand::id() const {
  return isTextEdit() ? kTextMergeBase + static_cast<int>(changes_.front().field) : -1;
}

bool EditFieldsCommand::mergeWith(const QUndoCommand* other) {
  auto* next = dynamic_cast<const EditFieldsCommand*>(other);
  if (!next || next->videoId_ != videoId_ || next->id() != id() || !next->applied_) {
    return false;
  }
  changes_.front().after = next->changes_.front().after;
  return true;
}

SetFlagsCommand::SetFlagsCommand(AnnotationSession& session, qint64 videoId, ItemFlags before,
                                 ItemFlags after, const QString& text)
    : QUndoCommand(text),
      session_(session),
      videoId_(videoId),
      before_(std::move(before)),
      after_(std::move(after)) {}

void SetFlagsCommand::redo() {
  const bool ok = session_.writeFlags(videoId_, after_);
  if (!ok && !applied_) {
    setObsolete(true);
  }
  applied_ = applied_ || ok;
}

void SetFlagsCommand::undo() {
  session_.writeFlags(videoId_, before_);
}

qint64 commandVideoId(const QUndoCommand* command) {
  if (auto* e = dynamic_cast<const EditFieldsCommand*>(command)) {
    return e->videoId();
  }
  if (auto* f = dynamic_cast<const SetFlagsCommand*>(command)) {
    return f->videoId();
  }
  return 0;
}

}  // namespace vs::ui
