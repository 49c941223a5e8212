#pragma once
// An entry the server refused (EditJournal::Refused) as text a person can read and re-enter:
// when it was set aside, what it was about (the video, or the pair / prompt of a preference
// choice), what was typed (scores, texts, flags, the choice) and the server's reason; and rows
// of them as tab-separated text. Names come from the caller (the window knows them while the
// server is away); an id it cannot name shows as "video #id" / "prompt #id". The fixed phrases
// are the caller's too (English by default; the window passes translated ones); field, flag,
// dimension and choice names are the project's own (evaluationFieldName, the exports' columns).
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>

#include "core/store/edit_journal.h"

namespace vs::store {

struct RefusedEditText {
  QString when;    // UTC, ISO 8601 ("2026-12-06T14:03:12Z")
  QString about;   // "clip.mp4"; "a.mp4 / b.mp4 (overall)"; "Best of N: <prompt>"
  QString typed;   // "visual: 3; thinking: grainy sky; flags: skip"
  QString reason;  // the server's
};

using NameOf = std::function<QString(qint64)>;  // empty when unknown

struct RefusedEditWords {
  QString video = QStringLiteral("video #%1");    // an id without a name
  QString prompt = QStringLiteral("prompt #%1");  // an id without a text
  QString pair = QStringLiteral("%1 / %2 (%3)");  // left, right, dimension
  QString pick = QStringLiteral("Best of N: %1");
  QString cleared = QStringLiteral("(cleared)");  // a score set to none
  QString removed = QStringLiteral("(removed)");  // an extra key removed
  QString none = QStringLiteral("(none)");        // an empty list of flags
  QString choice = QStringLiteral("choice: %1");  // "left (clip.mp4)", "tie"
  QString reason = QStringLiteral("reason: %1");
  QString best = QStringLiteral("best: %1");
  QString worst = QStringLiteral("worst: %1");
  QString choiceWithdrawn = QStringLiteral("choice withdrawn");
  QString pickWithdrawn = QStringLiteral("pick withdrawn");
};

RefusedEditText refusedEditText(const EditJournal::Refused& entry, const NameOf& videoName,
                                const NameOf& promptText, const RefusedEditWords& words = {});

// `header` then one line per row, cells separated by tabs, lines ending in "\n". A backslash, tab,
// carriage return or line feed inside a cell is written "\\", "\t", "\r", "\n" (nothing typed is
// lost, and each row stays one line).
QString refusedEditsAsTsv(const QStringList& header, const QVector<RefusedEditText>& rows);

}  // namespace vs::store
