#include "ui/preference/preference_session.h"

#include <QRandomGenerator>
#include <QUndoStack>
#include <algorithm>

#include "core/domain/error.h"
#include "core/store/store.h"
#include "ui/preference/preference_commands.h"
#include "ui/project/offline_edits.h"

namespace vs::ui {

namespace {

QString swapKey(PreferenceDimension d, qint64 first, qint64 second) {
  return QStringLiteral("%1/%2/%3").arg(static_cast<int>(d)).arg(first).arg(second);
}

}  // namespace

PreferenceSession::PreferenceSession(store::Store& store, qint64 annotatorId, QUndoStack& undo,
                                     QObject* parent)
    : QObject(parent), store_(store), undo_(undo), annotatorId_(annotatorId) {}

void PreferenceSession::setSchedule(analysis::ScheduleMethod method) {
  method_ = method;
  recompute();
}

void PreferenceSession::setScope(PreferenceScope scope) {
  scope_ = scope;
  recompute();
}

void PreferenceSession::setBlinding(Blinding blinding) {
  blinding_ = blinding;
  swaps_.clear();
  drawTiles();
  recompute();
}

void PreferenceSession::setRandomSeed(quint32 seed) {
  seed_ = seed;
  seeded_ = true;
  draws_ = 0;
}

void PreferenceSession::setPrompt(qint64 promptId) {
  if (promptId != promptId_) {
    swaps_.clear();
    pendingWorst_.reset();
  }
  promptId_ = promptId;
  candidates_ = promptId != 0 ? store_.videosOfPrompt(promptId) : QVector<Video>{};
  drawTiles();
  recompute();
  emit promptChanged(promptId);
}

const Video* PreferenceSession::video(qint64 videoId) const {
  for (const Video& v : candidates_) {
    if (v.id == videoId) {
      return &v;
    }
  }
  return nullptr;
}

QVector<PreferenceDimension> PreferenceSession::dimensions() const {
  if (scope_ == PreferenceScope::Overall) {
    return {PreferenceDimension::Overall};
  }
  return {PreferenceDimension::Visual, PreferenceDimension::T2V, PreferenceDimension::Phy};
}

std::optional<analysis::Comparison> PreferenceSession::known(PreferenceDimension dimension, int first,
                                                             int second) const {
  const qint64 a = candidates_[first].id, b = candidates_[second].id;
  for (const PreferenceRecord& p : stored_) {
    if (p.dimension != dimension) {
      continue;
    }
    PreferenceChoice c;
    if (p.leftVideoId == a && p.rightVideoId == b) {
      c = p.choice;
    } else if (p.leftVideoId == b && p.rightVideoId == a) {
      c = mirrored(p.choice);
    } else {
      continue;
    }
    return c == PreferenceChoice::Left    ? analysis::Comparison::FirstBetter
           : c == PreferenceChoice::Right ? analysis::Comparison::SecondBetter
                                          : analysis::Comparison::Tie;
  }
  return std::nullopt;
}

void PreferenceSession::recompute() {
  stored_.clear();
  if (promptId_ != 0) {
    stored_ = readPreferences();
  }
  const std::optional<ShownPair> before = current_;
  current_.reset();
  if (candidates_.size() >= 2) {
    for (PreferenceDimension d : dimensions()) {
      analysis::ComparisonSchedule schedule(int(candidates_.size()), method_);
      analysis::replay(schedule, [&](int i, int j) { return known(d, i, j); });
      const auto next = schedule.nextPair();
      if (!next) {
        continue;
      }
      ShownPair p;
      p.dimension = d;
      const qint64 first = candidates_[next->first].id, second = candidates_[next->second].id;
      const QString key = swapKey(d, first, second);
      if (!swaps_.contains(key)) {
        bool swap = false;
        if (blinding_ == Blinding::Blind) {
          swap = seeded_ ? QRandomGenerator(seed_ + quint32(draws_++)).bounded(2) == 1
                         : QRandomGenerator::global()->bounded(2) == 1;
        }
        swaps_.insert(key, swap);
      }
      p.swapped = swaps_.value(key);
      p.left = p.swapped ? second : first;
      p.right = p.swapped ? first : second;
      p.asked = schedule.asked();
      p.remainingAtMost = schedule.remainingAtMost();
      current_ = p;
      break;
    }
  }
  const bool samePair = before && current_ && before->left == current_->left &&
                        before->right == current_->right && before->dimension == current_->dimension;
  if (!samePair) {
    shownFor_.start();
  }
  emit changed();
}

QVector<QVector<qint64>> PreferenceSession::ranking(PreferenceDimension dimension) const {
  QVector<QVector<qint64>> out;
  if (candidates_.size() < 2) {
    return out;
  }
  analysis::ComparisonSchedule schedule(int(candidates_.size()), method_);
  analysis::replay(schedule, [&](int i, int j) { return known(dimension, i, j); });
  for (const std::vector<int>& tier : schedule.ranking()) {
    QVector<qint64> ids;
    for (int i : tier) {
      ids.append(candidates_[i].id);
    }
    out.append(ids);
  }
  return out;
}

int PreferenceSession::answeredPairs() const {
  return int(stored_.size());
}

bool PreferenceSession::choose(PreferenceChoice choice, const QString& reason) {
  if (!current_ || readOnly_) {
    return false;
  }
  PreferenceRecord p;
  p.annotatorId = annotatorId_;
  p.leftVideoId = current_->left;
  p.rightVideoId = current_->right;
  p.dimension = current_->dimension;
  p.choice = choice;
  p.order = blinding_ == Blinding::Blind ? PresentationOrder::Randomised : PresentationOrder::AsListed;
  p.swapped = current_->swapped;
  p.reason = reason.trimmed();
  p.timeSpentMs = shownFor_.isValid() ? shownFor_.elapsed() : 0;
  const QString text = choice == PreferenceChoice::Left    ? tr("Left is better")
                       : choice == PreferenceChoice::Right ? tr("Right is better")
                                                           : tr("Tie");
  auto* command = new RecordPreferenceCommand(*this, p, text);
  undo_.push(command);  // redo() writes the store; a failed first write drops the command
  return undo_.count() > 0 && undo_.command(undo_.index() - 1) == command;
}

void PreferenceSession::drawTiles() {
  tiles_.clear();
  for (const Video& v : candidates_) {
    if (tiles_.size() < BestOfNPick::kMaxCandidates) {
      tiles_.append(v.id);
    }
  }
  // A pick already recorded keeps the order it was made in, so its tiles stay where they were.
  if (const auto pick = currentPick(); pick && pick->candidateVideoIds.size() == tiles_.size()) {
    QVector<qint64> a = pick->candidateVideoIds, b = tiles_;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a == b) {
      tiles_ = pick->candidateVideoIds;
      return;
    }
  }
  if (blinding_ == Blinding::Blind) {
    for (qsizetype i = tiles_.size() - 1; i > 0; --i) {
      const auto j = seeded_ ? QRandomGenerator(seed_ + quint32(draws_++)).bounded(quint32(i + 1))
                             : QRandomGenerator::global()->bounded(quint32(i + 1));
      std::swap(tiles_[i], tiles_[qsizetype(j)]);
    }
  }
}

std::optional<BestOfNPick> PreferenceSession::currentPick() const {
  if (promptId_ == 0) {
    return std::nullopt;
  }
  try {
    return readPick();
  } catch (const Error&) {
    return std::nullopt;
  }
}

QVector<PreferenceRecord> PreferenceSession::readPreferences() {
  QVector<PreferenceRecord> rows;
  const bool known = seenPrompt_ == promptId_;
  if (offline_ && offline_->isOffline() && known) {
    rows = seen_;  // no try while the server is known to be away
  } else {
    try {
      store::PreferenceFilter filter;
      filter.annotatorId = annotatorId_;
      filter.promptId = promptId_;
      rows = store_.preferences(filter);
      if (offline_) {
        if (!known)
          seenPick_.reset();
        seen_ = rows;
        seenPrompt_ = promptId_;
      }
    } catch (const store::ConnectionLost&) {
      if (!offline_)
        throw;
      offline_->connectionLost();
      rows = known ? seen_ : QVector<PreferenceRecord>{};
    }
  }
  if (offline_) {
    QVector<qint64> ids;
    for (const Video& v : candidates_)
      ids.append(v.id);
    offline_->overlay(ids, promptId_, rows, annotatorId_);
  }
  return rows;
}

std::optional<BestOfNPick> PreferenceSession::readPick() const {
  if (!offline_)
    return store_.findBestOfNPick(annotatorId_, promptId_);
  std::optional<BestOfNPick> pick;
  if (offline_->isOffline() && seenPrompt_ == promptId_) {
    pick = seenPick_;
  } else {
    try {
      pick = store_.findBestOfNPick(annotatorId_, promptId_);
      if (seenPrompt_ == promptId_)
        seenPick_ = pick;
    } catch (const store::ConnectionLost&) {
      offline_->connectionLost();
      pick = seenPrompt_ == promptId_ ? seenPick_ : std::nullopt;
    }
  }
  offline_->overlay(promptId_, pick, annotatorId_);
  return pick;
}

std::optional<PreferenceRecord> PreferenceSession::shownPreference(qint64 a, qint64 b,
                                                                   PreferenceDimension dimension) const {
  for (const PreferenceRecord& p : stored_) {
    if (p.dimension == dimension && std::min(p.leftVideoId, p.rightVideoId) == std::min(a, b) &&
        std::max(p.leftVideoId, p.rightVideoId) == std::max(a, b))
      return p;
  }
  return std::nullopt;
}

bool PreferenceSession::pickBest(int tile) {
  if (readOnly_ || tile < 0 || tile >= tiles_.size() || tiles_.size() < 2) {
    return false;
  }
  BestOfNPick pick;
  pick.annotatorId = annotatorId_;
  pick.promptId = promptId_;
  pick.candidateVideoIds = tiles_;
  pick.bestVideoId = tiles_[tile];
  const auto before = currentPick();
  std::optional<qint64> worst =
      pendingWorst_ ? pendingWorst_ : (before ? before->worstVideoId : std::nullopt);
  if (worst == pick.bestVideoId) {
    worst.reset();  // the new best cannot stay the worst
  }
  pick.worstVideoId = worst;
  pick.timeSpentMs = shownFor_.isValid() ? shownFor_.elapsed() : 0;
  auto* command = new RecordPickCommand(*this, pick, tr("Best of %n", nullptr, int(tiles_.size())));
  undo_.push(command);
  pendingWorst_.reset();
  emit changed();
  return undo_.count() > 0 && undo_.command(undo_.index() - 1) == command;
}

bool PreferenceSession::pickWorst(int tile) {
  if (readOnly_ || tile < 0 || tile >= tiles_.size() || tiles_.size() < 2) {
    return false;
  }
  const qint64 id = tiles_[tile];
  const auto before = currentPick();
  if (!before) {
    // Nothing recorded yet: the worst waits for the best (a pick needs one).
    pendingWorst_ = pendingWorst_ == id ? std::nullopt : std::optional(id);
    emit changed();
    return true;
  }
  if (before->bestVideoId == id) {
    reportFailure(tr("The worst must be another tile than the best."));
    return false;
  }
  BestOfNPick pick = *before;
  pick.id = 0;
  pick.worstVideoId = id;
  auto* command = new RecordPickCommand(*this, pick, tr("Worst of %n", nullptr, int(tiles_.size())));
  undo_.push(command);
  return undo_.count() > 0 && undo_.command(undo_.index() - 1) == command;
}

void PreferenceSession::storeChanged(qint64 promptId) {
  if (promptId != promptId_) {
    setPrompt(promptId);  // undo of another prompt's choice: show where it happened
    return;
  }
  recompute();
}

void PreferenceSession::reportFailure(const QString& message) {
  emit failed(message);
}

}  // namespace vs::ui
