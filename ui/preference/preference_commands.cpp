#include "ui/preference/preference_commands.h"

#include "core/domain/error.h"
#include "core/store/store.h"
#include "ui/preference/preference_session.h"

namespace vs::ui {

RecordPreferenceCommand::RecordPreferenceCommand(PreferenceSession& session, PreferenceRecord preference,
                                                 const QString& text)
    : QUndoCommand(text), session_(session), preference_(std::move(preference)) {}

void RecordPreferenceCommand::redo() {
  try {
    change_ = session_.store().recordPreference(preference_);
    applied_ = true;
  } catch (const Error& e) {
    if (!applied_) {
      setObsolete(true);
    }
    session_.reportFailure(e.full());
    return;
  }
  session_.storeChanged(change_.after.promptId);
}

void RecordPreferenceCommand::undo() {
  try {
    session_.store().revertPreference(change_);
  } catch (const Error& e) {
    session_.reportFailure(e.full());
    return;
  }
  session_.storeChanged(change_.after.promptId);
}

RecordPickCommand::RecordPickCommand(PreferenceSession& session, BestOfNPick pick, const QString& text)
    : QUndoCommand(text), session_(session), pick_(std::move(pick)) {}

void RecordPickCommand::redo() {
  try {
    change_ = session_.store().recordBestOfNPick(pick_);
    applied_ = true;
  } catch (const Error& e) {
    if (!applied_) {
      setObsolete(true);
    }
    session_.reportFailure(e.full());
    return;
  }
  session_.storeChanged(change_.after.promptId);
}

void RecordPickCommand::undo() {
  try {
    session_.store().revertBestOfNPick(change_);
  } catch (const Error& e) {
    session_.reportFailure(e.full());
    return;
  }
  session_.storeChanged(change_.after.promptId);
}

}  // namespace vs::ui
