#pragma once
// Undo commands for preference judging. Each writes the store in redo() and undo() (one
// transaction each, through Store::recordPreference / revertPreference and their Best-of-N
// twins) and tells the session, which follows the change to its prompt. A command whose first
// write fails marks itself obsolete so the stack drops it. On a team project whose server is
// away (or while older edits wait), the write goes to the offline journal instead, keyed by the
// person, the pair or prompt and the dimension (core/store/preference_edit.h), and undo works
// the same way.
#include <QUndoCommand>
#include <functional>

#include "core/domain/preference.h"
#include "core/store/store_types.h"

namespace vs::store {
class Store;
}

namespace vs::ui {

class PreferenceSession;

// What both commands share: failure reporting, the obsolete rule and following the prompt.
class PreferenceStoreCommand : public QUndoCommand {
 public:
  void redo() final;
  void undo() final;
  bool applied() const { return applied_; }

 protected:
  PreferenceStoreCommand(PreferenceSession& session, const QString& text);
  // Each returns the prompt the write changed.
  virtual qint64 write(store::Store& store) = 0;
  virtual qint64 revert(store::Store& store) = 0;
  PreferenceSession& session() { return session_; }
  // Runs `online` unless the session's journal must keep the write (then, or when the server
  // turns out to be away, runs `offline`, which keeps it). Returns whether it was kept.
  bool sendOrKeep(const std::function<void()>& online, const std::function<void()>& offline);

 private:
  void run(qint64 (PreferenceStoreCommand::*step)(store::Store&), bool first);

  PreferenceSession& session_;
  bool applied_ = false;
};

class RecordPreferenceCommand : public PreferenceStoreCommand {
 public:
  RecordPreferenceCommand(PreferenceSession& session, PreferenceRecord preference, const QString& text);

 private:
  qint64 write(store::Store& store) override;
  qint64 revert(store::Store& store) override;

  PreferenceRecord preference_;  // as asked (no id): recorded again on every redo
  store::PreferenceChange change_;
  bool kept_ = false;  // change_ was made offline (no row ids): undone by key
};

class RecordPickCommand : public PreferenceStoreCommand {
 public:
  RecordPickCommand(PreferenceSession& session, BestOfNPick pick, const QString& text);

 private:
  qint64 write(store::Store& store) override;
  qint64 revert(store::Store& store) override;

  BestOfNPick pick_;
  store::BestOfNPickChange change_;
  bool kept_ = false;
};

}  // namespace vs::ui
