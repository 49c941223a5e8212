#include "core/store/journal_replay.h"

#include <QElapsedTimer>

#include "core/store/edit_journal.h"
#include "core/store/store.h"

namespace vs::store {

bool isTransientWriteFailure(const std::exception& error) {
  if (dynamic_cast<const ConnectionLost*>(&error))
    return true;
  if (dynamic_cast<const VersionConflict*>(&error))
    return false;
  // Kind::Io from the store: the server or the file could not do it now (busy, I/O); the data
  // itself was not judged wrong. InvalidData and Usage are the server's "no".
  const auto* e = dynamic_cast<const Error*>(&error);
  return e && e->kind() == Error::Kind::Io;
}

ReplayResult replayJournal(EditJournal& journal, Store& store, int maxEntries, qint64 budgetMs) {
  ReplayResult result;
  QElapsedTimer clock;
  clock.start();
  while (!journal.isEmpty() && result.sent + result.refused < maxEntries &&
         (budgetMs < 0 || clock.elapsed() < budgetMs)) {
    const EditJournal::Entry entry = journal.pending().front();
    try {
      if (entry.preference) {
        store.applyPreferenceEdit(*entry.preference);
      } else {
        store.applyEvaluationEdit(entry.edit);
      }
    } catch (const Error& e) {
      if (isTransientWriteFailure(e)) {
        result.stopped = true;
        result.offline = dynamic_cast<const ConnectionLost*>(&e) != nullptr;
        result.reason = e.full();
        return result;
      }
      journal.setAside(entry.seq, e.full());
      ++result.refused;
      result.reason = e.full();
      if (entry.preference) {
        ++result.preferences;
      } else {
        result.videos.append(entry.edit.videoId);
      }
      continue;
    }
    journal.remove(entry.seq);
    ++result.sent;
    if (entry.preference) {
      ++result.preferences;
    } else {
      result.videos.append(entry.edit.videoId);
    }
  }
  return result;
}

}  // namespace vs::store
