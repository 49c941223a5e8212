#include "ui/preference/preference_commands.h"

#include "core/domain/error.h"
#include "core/store/preference_edit.h"
#include "core/store/store.h"
#include "ui/preference/preference_session.h"
#include "ui/project/offline_edits.h"

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
  try {
    session_.storeChanged(promptId);
  } catch (const Error& e) {  // the change is made (or kept); only the view could not follow it
    session_.reportFailure(e.full());
  }
}

bool PreferenceStoreCommand::sendOrKeep(const std::function<void()>& online,
                                        const std::function<void()>& offline) {
  OfflineEdits* journal = session_.offlineEdits();
  if (journal && journal->mustKeep()) {
    offline();
    return true;
  }
  try {
    online();
  } catch (const store::ConnectionLost&) {
    if (!journal)
      throw;
    journal->connectionLost();
    offline();
    return true;
  }
  return false;
}

RecordPreferenceCommand::RecordPreferenceCommand(PreferenceSession& session, PreferenceRecord preference,
                                                 const QString& text)
    : PreferenceStoreCommand(session, text), preference_(std::move(preference)) {}

qint64 RecordPreferenceCommand::write(store::Store& store) {
  kept_ = sendOrKeep(
      [&] { change_ = store.recordPreference(preference_); },
      [&] {
        PreferenceSession& s = session();
        change_.before =
            s.shownPreference(preference_.leftVideoId, preference_.rightVideoId, preference_.dimension);
        change_.after = preference_;
        change_.after.annotatorId = s.annotatorId();
        change_.after.promptId = s.promptId();
        s.offlineEdits()->keep(store::preferenceEditOf(change_, s.offlineEdits()->annotator(), false));
      });
  return change_.after.promptId;
}

qint64 RecordPreferenceCommand::revert(store::Store& store) {
  OfflineEdits* journal = session().offlineEdits();
  sendOrKeep(
      [&] {
        if (kept_)  // no row ids known: by key
          store.applyPreferenceEdit(store::preferenceEditOf(change_, journal->annotator(), true));
        else
          store.revertPreference(change_);
      },
      [&] { journal->keep(store::preferenceEditOf(change_, journal->annotator(), true)); });
  return change_.after.promptId;
}

RecordPickCommand::RecordPickCommand(PreferenceSession& session, BestOfNPick pick, const QString& text)
    : PreferenceStoreCommand(session, text), pick_(std::move(pick)) {}

qint64 RecordPickCommand::write(store::Store& store) {
  kept_ = sendOrKeep(
      [&] { change_ = store.recordBestOfNPick(pick_); },
      [&] {
        PreferenceSession& s = session();
        change_.before = s.currentPick();
        change_.after = pick_;
        change_.after.annotatorId = s.annotatorId();
        s.offlineEdits()->keep(store::preferenceEditOf(change_, s.offlineEdits()->annotator(), false));
      });
  return change_.after.promptId;
}

qint64 RecordPickCommand::revert(store::Store& store) {
  OfflineEdits* journal = session().offlineEdits();
  sendOrKeep(
      [&] {
        if (kept_)
          store.applyPreferenceEdit(store::preferenceEditOf(change_, journal->annotator(), true));
        else
          store.revertBestOfNPick(change_);
      },
      [&] { journal->keep(store::preferenceEditOf(change_, journal->annotator(), true)); });
  return change_.after.promptId;
}

}  // namespace vs::ui
