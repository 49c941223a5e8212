#include "ui/preference/preference_commands.h"

#include "core/domain/error.h"
#include "core/store/store.h"
#include "ui/preference/preference_session.h"

namespace vs::ui {

PreferenceStoreCommand::PreferenceStoreCommand(PreferenceSession& session, const QString& text)
    : QUndoCommand(text), session_(session) {}

void PreferenceStoreCommand::redo() {
  run(&PreferenceStoreCommand::write, true);
}

void PreferenceStoreCommand::undo() {
  run(&PreferenceStoreCommand::revert, false);
}

void PreferenceStoreCommand::run(qint64 (PreferenceStoreCommand::*step)(store::Store&), bool first) {
  qint64 promptId = 0;
  try {
    promptId = (this->*step)(session_.store());
    if (first) {
      applied_ = true;
    }
  } catch (const Error& e) {
    if (first && !applied_) {
      setObsolete(true);
    }
    session_.reportFailure(e.full());
    return;
  }
  session_.storeChanged(promptId);
}

RecordPreferenceCommand::RecordPreferenceCommand(PreferenceSession& session, PreferenceRecord preference,
                                                 const QString& text)
    : PreferenceStoreCommand(session, text), preference_(std::move(preference)) {}

qint64 RecordPreferenceCommand::write(store::Store& store) {
  change_ = store.recordPreference(preference_);
  return change_.after.promptId;
}

qint64 RecordPreferenceCommand::revert(store::Store& store) {
  store.revertPreference(change_);
  return change_.after.promptId;
}

RecordPickCommand::RecordPickCommand(PreferenceSession& session, BestOfNPick pick, const QString& text)
    : PreferenceStoreCommand(session, text), pick_(std::move(pick)) {}

qint64 RecordPickCommand::write(store::Store& store) {
  change_ = store.recordBestOfNPick(pick_);
  return change_.after.promptId;
}

qint64 RecordPickCommand::revert(store::Store& store) {
  store.revertBestOfNPick(change_);
  return change_.after.promptId;
}

}  // namespace vs::ui
