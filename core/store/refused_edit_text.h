#pragma once
// An entry the server refused (EditJournal::Refused) as text a person can read and re-enter:
// when it was set aside, what it was about (the video, or the pair / prompt of a preference
// choice), what was typed (scores, texts, flags, the choice) and the server's reason; and rows
// of them as tab-separated text. Names come from the caller (the window knows them while the
// server is away); an id it cannot name shows as "video #id" / "prompt #id". Field and flag
// names are the project's own (evaluationFieldName, the exports' columns), untranslated.
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

RefusedEditText refusedEditText(const EditJournal::Refused& entry, const NameOf& videoName,
                                const NameOf& promptText);

// `header` then one line per row, cells separated by tabs, lines ending in "\n". A backslash, tab,
// carriage return or line feed inside a cell is written "\\", "\t", "\r", "\n" (nothing typed is
// lost, and each row stays one line).
QString refusedEditsAsTsv(const QStringList& header, const QVector<RefusedEditText>& rows);

}  // namespace vs::store
