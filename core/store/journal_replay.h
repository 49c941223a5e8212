#pragma once
// Sends the offline journal's edits (edit_journal.h: evaluation edits and preference choices) to the
// project's store, oldest first, each in its own transaction; an entry leaves the journal only after its
// transaction committed. Replay stops at the first edit the server cannot take now (connection gone, project
// busy): that edit and the later ones stay, in order, for the next try. An edit the server refuses for
// another reason (a removed video, a value it does not accept) is set aside in the journal with the reason,
// and the replay goes on.
#include <QString>
#include <QVector>
#include <limits>

namespace vs::store {

class EditJournal;
class Store;

struct ReplayResult {
  int sent = 0;
  int refused = 0;
  bool stopped = false;    // an edit could not be sent now (it and the later ones wait)
  bool offline = false;    // ... because the server could not be reached
  QString reason;          // why it stopped, or the last refusal
  QVector<qint64> videos;  // the videos whose edits were sent or refused, in order
  int preferences = 0;     // preference choices (and their undos) sent or refused
};

// Sends at most `maxEntries` edits, and no more once `budgetMs` (>= 0) has passed.
ReplayResult replayJournal(EditJournal& journal, Store& store,
                           int maxEntries = std::numeric_limits<int>::max(), qint64 budgetMs = -1);

// Would this failure of a write go away by itself (the connection, a busy project)?
bool isTransientWriteFailure(const std::exception& error);

}  // namespace vs::store
