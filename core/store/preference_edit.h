#pragma once
// One preference choice a person's window makes (a pairwise choice or a Best-of-N pick), or its
// undo, as the offline journal keeps it (edit_journal.h) while the server is away. It is keyed
// by what the server can resolve once it is back (the person's name; the unordered pair and the
// dimension, or the prompt of the candidates), never by row ids the server has not given yet.
// Values are absolute, so applying an edit twice leaves the same rows (and history) as once.
#include <QByteArray>
#include <QString>
#include <QVector>
#include <optional>

#include "core/domain/preference.h"

namespace vs::store {

struct PreferenceChange;
struct BestOfNPickChange;

struct PreferenceEdit {
  enum class Kind { Pair, Pick };
  Kind kind = Kind::Pair;
  QString annotator;
  // true: no row for the key afterwards (the undo of a choice that made the row).
  bool remove = false;
  // Kind::Pair: the choice as shown (left/right, dimension, choice, order, swapped, reason,
  // time); ids other than the videos' are ignored.
  PreferenceRecord pair;
  // Kind::Pick: the pick (prompt, candidates, best, worst, time); ids other than the videos'
  // and the prompt's are ignored.
  BestOfNPick pick;
};

// The edit that writes `change.after` (undo = false) or puts `change.before` back (undo = true).
PreferenceEdit preferenceEditOf(const PreferenceChange& change, const QString& annotator, bool undo);
PreferenceEdit preferenceEditOf(const BestOfNPickChange& change, const QString& annotator, bool undo);

// Compact JSON text of an edit ("kind": "pair" | "pick"), and back: nullopt for JSON without a
// preference kind (an evaluation edit), Kind::InvalidData for a preference entry it cannot read.
QByteArray preferenceEditToJson(const PreferenceEdit& edit);
std::optional<PreferenceEdit> preferenceEditFromJson(const QByteArray& json);

// The edit applied in memory (what the window shows while it waits), as the store would:
// `preferences` are one person's (`annotatorId`) on `promptId`; a pair edit replaces or removes
// the row of its unordered pair and dimension. A pick edit of another prompt changes nothing.
void applyPreferenceEdit(const PreferenceEdit& edit, QVector<PreferenceRecord>& preferences,
                         qint64 annotatorId, qint64 promptId);
void applyPreferenceEdit(const PreferenceEdit& edit, std::optional<BestOfNPick>& pick, qint64 annotatorId);

}  // namespace vs::store
