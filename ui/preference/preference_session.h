#pragma once
// One person's preference judging of one prompt's candidates: which pair to show next (driven by
// analysis::ComparisonSchedule, rebuilt from the stored preferences so undo, redo and reopening
// the project resume where the answers stand), in which order (blind: left/right drawn at random
// and recorded), and Best-of-N picks among up to 9 tiles. Every choice is one undo command on the
// given QUndoStack that commits one store transaction at once.
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QVector>
#include <optional>
#include <vector>

#include "core/analysis/comparison_schedule.h"
#include "core/domain/preference.h"
#include "core/domain/video.h"

class QUndoStack;

namespace vs::store {
class Store;
}

namespace vs::ui {

enum class PreferenceTask { Pairs, BestOfN };
// What a pair is judged on: the whole video, or each VideoScore2 dimension in turn.
enum class PreferenceScope { Overall, EachDimension };
enum class Blinding { Blind, Open };

// The pair on screen: left/right as shown, and what the schedule asked.
struct ShownPair {
  PreferenceDimension dimension = PreferenceDimension::Overall;
  qint64 left = 0;
  qint64 right = 0;
  bool swapped = false;  // the schedule asked (right, left)
  int asked = 0;         // answers so far on this dimension
  int remainingAtMost = 0;
};

class OfflineEdits;

class PreferenceSession : public QObject {
  Q_OBJECT
 public:
  // `store` and `undo` outlive the session.
  PreferenceSession(store::Store& store, qint64 annotatorId, QUndoStack& undo, QObject* parent = nullptr);

  store::Store& store() { return store_; }
  qint64 annotatorId() const { return annotatorId_; }
  void setReadOnly(bool readOnly) { readOnly_ = readOnly; }
  // A team project's offline journal (may be null): choices the server cannot take wait there,
  // and what waits is shown over what the server (or, while it is away, this window) knew.
  void setOfflineEdits(OfflineEdits* offline) { offline_ = offline; }
  OfflineEdits* offlineEdits() const { return offline_; }
  bool isReadOnly() const { return readOnly_; }

  void setSchedule(analysis::ScheduleMethod method);
  analysis::ScheduleMethod schedule() const { return method_; }
  void setScope(PreferenceScope scope);
  PreferenceScope scope() const { return scope_; }
  void setBlinding(Blinding blinding);
  Blinding blinding() const { return blinding_; }
  // Seeds the left/right and tile order draws (tests); by default they are unpredictable.
  void setRandomSeed(quint32 seed);

  // Shows the candidates of a prompt (its videos in id order).
  void setPrompt(qint64 promptId);
  qint64 promptId() const { return promptId_; }
  const QVector<Video>& candidates() const { return candidates_; }
  const Video* video(qint64 videoId) const;

  // --- pairs ----------------------------------------------------------------------------------
  std::optional<ShownPair> currentPair() const { return current_; }
  // Records the answer to the current pair (one undo step); the next pair follows at once.
  bool choose(PreferenceChoice choice, const QString& reason);
  // The order found on a dimension so far: tiers of video ids, best first.
  QVector<QVector<qint64>> ranking(PreferenceDimension dimension) const;
  QVector<PreferenceDimension> dimensions() const;  // judged in this scope
  int answeredPairs() const;                        // stored preferences of this person on this prompt
  // This person's preference of the unordered pair on `dimension`, as shown (waiting ones too).
  std::optional<PreferenceRecord> shownPreference(qint64 a, qint64 b, PreferenceDimension dimension) const;

  // --- Best-of-N ------------------------------------------------------------------------------
  // The tiles in the order shown (blind: drawn at random once per prompt), at most 9.
  const QVector<qint64>& tiles() const { return tiles_; }
  std::optional<BestOfNPick> currentPick() const;
  // Tile index 0..8. Best records the pick (with a worst marked before); worst marks it, and
  // updates a recorded pick. Each store write is one undo step.
  bool pickBest(int tile);
  bool pickWorst(int tile);
  std::optional<qint64> pendingWorst() const { return pendingWorst_; }

  // --- used by the commands -------------------------------------------------------------------
  // After a command wrote the store for `promptId`: follow it there and recompute.
  void storeChanged(qint64 promptId);
  void reportFailure(const QString& message);
  // Reads this person's preferences again (after waiting choices were sent).
  void reload() { recompute(); }

 signals:
  void changed();  // pair, ranking or pick changed; the view redraws
  void promptChanged(qint64 promptId);
  void failed(const QString& message);

 private:
  void recompute();
  std::optional<analysis::Comparison> known(PreferenceDimension dimension, int first, int second) const;
  void drawTiles();
  // The person's preferences on the prompt and pick: from the server, or what this window last
  // read while it is away; waiting choices over them.
  QVector<PreferenceRecord> readPreferences();
  std::optional<BestOfNPick> readPick() const;

  store::Store& store_;
  QUndoStack& undo_;
  qint64 annotatorId_;
  bool readOnly_ = false;
  analysis::ScheduleMethod method_ = analysis::ScheduleMethod::BinaryInsertion;
  PreferenceScope scope_ = PreferenceScope::Overall;
  Blinding blinding_ = Blinding::Blind;
  quint32 seed_ = 0;
  bool seeded_ = false;
  quint64 draws_ = 0;
  qint64 promptId_ = 0;
  QVector<Video> candidates_;
  QVector<PreferenceRecord> stored_;  // this person's preferences on the prompt
  OfflineEdits* offline_ = nullptr;
  qint64 seenPrompt_ = 0;           // the prompt of seen_ and seenPick_
  QVector<PreferenceRecord> seen_;  // as last read from the server
  mutable std::optional<BestOfNPick> seenPick_;
  std::optional<ShownPair> current_;
  // Left/right order drawn for a pair, kept while the prompt is shown (key: dim, first, second).
  QHash<QString, bool> swaps_;
  QVector<qint64> tiles_;
  std::optional<qint64> pendingWorst_;
  QElapsedTimer shownFor_;
};

}  // namespace vs::ui
