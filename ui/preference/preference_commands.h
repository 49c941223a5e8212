#pragma once
// Undo commands for preference judging. Each writes the store in redo() and undo() (one
// transaction each, through Store::recordPreference / revertPreference and their Best-of-N
// twins) and tells the session, which follows the change to its prompt. A command whose first
// write fails marks itself obsolete so the stack drops it.
#include <QUndoCommand>

#include "core/domain/preference.h"
#include "core/store/store_types.h"

namespace vs::ui {

class PreferenceSession;

class RecordPreferenceCommand : public QUndoCommand {
 public:
  RecordPreferenceCommand(PreferenceSession& session, PreferenceRecord preference, const QString& text);
  void redo() override;
  void undo() override;
  bool applied() const { return applied_; }

 private:
  PreferenceSession& session_;
  PreferenceRecord preference_;  // as asked (no id): recorded again on every redo
  store::PreferenceChange change_;
  bool applied_ = false;
};

class RecordPickCommand : public QUndoCommand {
 public:
  RecordPickCommand(PreferenceSession& session, BestOfNPick pick, const QString& text);
  void redo() override;
  void undo() override;
  bool applied() const { return applied_; }

 private:
  PreferenceSession& session_;
  BestOfNPick pick_;
  store::BestOfNPickChange change_;
  bool applied_ = false;
};

}  // namespace vs::ui
