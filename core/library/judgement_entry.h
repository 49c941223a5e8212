#pragma once
// One person's judgement entered by video names, as `vscore prefer` and `vscore pick` take it:
// the names resolved in the project, the judgement recorded (one committed transaction, history
// kept; the same pair or prompt again replaces it) and what was stored, as text or JSON.
#include <QJsonObject>
#include <QStringList>
#include <optional>

#include "core/domain/preference.h"
#include "core/store/store_types.h"

namespace vs::store {
class Store;
}

namespace vs::library {

struct PreferenceEntry {
  QString annotator;  // a person; added when new
  QString left, right;
  PreferenceChoice choice = PreferenceChoice::Tie;
  PreferenceDimension dimension = PreferenceDimension::Overall;
  QString reason;
  qint64 timeSpentMs = 0;
  bool randomised = false;
};

struct PreferenceEntered {
  PreferenceEntry entry;
  store::PreferenceChange change;
};

// Throws Error Usage (where: `project`) for a video name the project lacks.
PreferenceEntered enterPreference(store::Store& store, const QString& project, const PreferenceEntry& entry);
QString preferenceEnteredText(const PreferenceEntered& entered);
QJsonObject preferenceEnteredJson(const PreferenceEntered& entered);

struct PickEntry {
  QString annotator;                // a person; added when new
  std::optional<QString> promptOf;  // a video of the prompt; nullopt: the best video
  QString best;
  std::optional<QString> worst;
  std::optional<QStringList> candidates;  // in tile order; nullopt: every video of the prompt
  qint64 timeSpentMs = 0;
};

struct PickEntered {
  PickEntry entry;
  QStringList shown;  // the candidates
  QString worst;      // empty when the pick has none
  store::BestOfNPickChange change;
};

// Throws Error Usage (where: `project`) for an unknown video, a video without a prompt or a
// candidate count outside 2..BestOfNPick::kMaxCandidates; the store checks the rest.
PickEntered enterPick(store::Store& store, const QString& project, const PickEntry& entry);
QString pickEnteredText(const PickEntered& entered);
QJsonObject pickEnteredJson(const PickEntered& entered);

}  // namespace vs::library
