#include "core/library/judgement_entry.h"

#include <QJsonArray>

#include "core/domain/error.h"
#include "core/store/store.h"

namespace vs::library {
namespace {

Video videoNamed(const store::Store& store, const QString& project, const QString& name) {
  const auto video = store.findVideoByName(name);
  if (!video)
    throw Error(Error::Kind::Usage, project, QStringLiteral("no video named \"%1\"").arg(name));
  return *video;
}

QString recorded(bool replaced) {
  return replaced ? QStringLiteral("updated") : QStringLiteral("recorded");
}

}  // namespace

PreferenceEntered enterPreference(store::Store& store, const QString& project, const PreferenceEntry& entry) {
  PreferenceRecord p;
  p.leftVideoId = videoNamed(store, project, entry.left).id;
  p.rightVideoId = videoNamed(store, project, entry.right).id;
  p.annotatorId = store.addAnnotator(entry.annotator, AnnotatorKind::Human);
  p.choice = entry.choice;
  p.dimension = entry.dimension;
  p.reason = entry.reason;
  p.timeSpentMs = entry.timeSpentMs;
  p.order = entry.randomised ? PresentationOrder::Randomised : PresentationOrder::AsListed;
  return {entry, store.recordPreference(p)};
}

QString preferenceEnteredText(const PreferenceEntered& e) {
  return QStringLiteral("%1 preference %2: %3 vs %4 (%5) = %6\n")
      .arg(recorded(e.change.before.has_value()))
      .arg(e.change.after.id)
      .arg(e.entry.left, e.entry.right, preferenceDimensionName(e.change.after.dimension),
           preferenceChoiceName(e.change.after.choice));
}

QJsonObject preferenceEnteredJson(const PreferenceEntered& e) {
  return QJsonObject{
      {QStringLiteral("id"), static_cast<double>(e.change.after.id)},
      {QStringLiteral("left"), e.entry.left},
      {QStringLiteral("right"), e.entry.right},
      {QStringLiteral("preference"), preferenceChoiceName(e.change.after.choice)},
      {QStringLiteral("dimension"), preferenceDimensionName(e.change.after.dimension)},
      {QStringLiteral("annotator"), e.entry.annotator},
      {QStringLiteral("replaced"),
       e.change.before ? QJsonValue(preferenceChoiceName(e.change.before->choice)) : QJsonValue()}};
}

PickEntered enterPick(store::Store& store, const QString& project, const PickEntry& entry) {
  PickEntered out{entry, {}, {}, {}};
  const QString anchorName = entry.promptOf.value_or(entry.best);
  const Video anchor = videoNamed(store, project, anchorName);
  if (anchor.promptId == 0)
    throw Error(Error::Kind::Usage, project, QStringLiteral("video \"%1\" has no prompt").arg(anchorName));
  BestOfNPick pick;
  pick.promptId = anchor.promptId;
  if (entry.candidates) {
    out.shown = *entry.candidates;
  } else {
    for (const Video& v : store.videosOfPrompt(anchor.promptId))
      out.shown << v.name;
  }
  if (out.shown.size() < 2 || out.shown.size() > BestOfNPick::kMaxCandidates) {
    throw Error(Error::Kind::Usage, project,
                QStringLiteral("a pick needs 2 to %1 candidates, got %2 (name them with --candidates)")
                    .arg(BestOfNPick::kMaxCandidates)
                    .arg(out.shown.size()));
  }
  for (const QString& name : out.shown)
    pick.candidateVideoIds.append(videoNamed(store, project, name.trimmed()).id);
  pick.bestVideoId = videoNamed(store, project, entry.best).id;
  if (entry.worst)
    pick.worstVideoId = videoNamed(store, project, *entry.worst).id;
  pick.annotatorId = store.addAnnotator(entry.annotator, AnnotatorKind::Human);
  pick.timeSpentMs = entry.timeSpentMs;
  // The store checks the rest (candidates of that prompt, best and worst among them and apart).
  out.change = store.recordBestOfNPick(pick);
  if (out.change.after.worstVideoId)
    out.worst = entry.worst.value_or(QString());
  return out;
}

QString pickEnteredText(const PickEntered& e) {
  return QStringLiteral("%1 pick %2: best %3%4 of %5 candidates\n")
      .arg(recorded(e.change.before.has_value()))
      .arg(e.change.after.id)
      .arg(e.entry.best, e.worst.isEmpty() ? QString() : QStringLiteral(", worst %1").arg(e.worst))
      .arg(e.shown.size());
}

QJsonObject pickEnteredJson(const PickEntered& e) {
  return QJsonObject{{QStringLiteral("id"), static_cast<double>(e.change.after.id)},
                     {QStringLiteral("annotator"), e.entry.annotator},
                     {QStringLiteral("candidates"), QJsonArray::fromStringList(e.shown)},
                     {QStringLiteral("best"), e.entry.best},
                     {QStringLiteral("worst"), e.worst.isEmpty() ? QJsonValue() : QJsonValue(e.worst)},
                     {QStringLiteral("replaced"), e.change.before.has_value()}};
}

}  // namespace vs::library
