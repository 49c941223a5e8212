#pragma once
// A person's preference between two videos of one prompt ("which is better?"), per dimension or
// overall, and a Best-of-N pick among a prompt's candidates. Left/right are the positions the two
// videos were shown in; the store keys a preference by the unordered pair.
#include <QDateTime>
#include <QString>
#include <QVector>
#include <optional>

namespace vs {

enum class PreferenceChoice { Left, Right, Tie };
// What was compared: the whole video, or one VideoScore2 dimension.
enum class PreferenceDimension { Overall, Visual, T2V, Phy };
// How the left/right order was chosen: as listed (scripts, imports), or drawn at random
// (blind judging; only these preferences measure position bias).
enum class PresentationOrder { AsListed, Randomised };

QString preferenceChoiceName(PreferenceChoice c);  // "left", "right", "tie"
std::optional<PreferenceChoice> preferenceChoiceFromName(const QString& name);
QString preferenceDimensionName(PreferenceDimension d);  // "overall", "visual", "t2v", "phy"
std::optional<PreferenceDimension> preferenceDimensionFromName(const QString& name);
QString presentationOrderName(PresentationOrder o);  // "as-listed", "randomised"
std::optional<PresentationOrder> presentationOrderFromName(const QString& name);
// The same preference seen with left and right exchanged (tie stays tie).
PreferenceChoice mirrored(PreferenceChoice c);

// One stored preference (Store::recordPreference and friends).
struct PreferenceRecord {
  qint64 id = 0;  // 0 until stored
  qint64 annotatorId = 0;
  qint64 promptId = 0;     // the videos' prompt (0 when they have none); set by the store
  qint64 leftVideoId = 0;  // as shown
  qint64 rightVideoId = 0;
  PreferenceDimension dimension = PreferenceDimension::Overall;
  PreferenceChoice choice = PreferenceChoice::Tie;
  PresentationOrder order = PresentationOrder::AsListed;
  // The schedule asked for (right, left) and the randomised order showed it the other way round.
  bool swapped = false;
  QString reason;
  qint64 timeSpentMs = 0;
  QDateTime created;  // UTC; set by the store
  QDateTime updated;
};

// A preference by video names, as exchange files carry it (interop <-> Store::importPreferences).
struct NamedPreference {
  QString annotator;
  QString left;  // video names, as shown
  QString right;
  QString prompt;  // may be empty
  PreferenceDimension dimension = PreferenceDimension::Overall;
  PreferenceChoice choice = PreferenceChoice::Tie;
  PresentationOrder order = PresentationOrder::AsListed;
  bool swapped = false;
  QString reason;
  qint64 timeSpentMs = 0;
};

// A Best-of-N pick: the best (and optionally the worst) of up to 9 candidates of one prompt.
struct BestOfNPick {
  static constexpr int kMaxCandidates = 9;
  qint64 id = 0;
  qint64 annotatorId = 0;
  qint64 promptId = 0;
  QVector<qint64> candidateVideoIds;  // the tiles shown, in order
  qint64 bestVideoId = 0;
  std::optional<qint64> worstVideoId;
  qint64 timeSpentMs = 0;
  QDateTime created;
  QDateTime updated;
};

}  // namespace vs
