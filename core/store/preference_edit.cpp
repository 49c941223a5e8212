#include "core/store/preference_edit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

#include "core/domain/error.h"
#include "core/store/store_types.h"

namespace vs::store {

namespace {

[[noreturn]] void bad(const QString& what) {
  throw Error(Error::Kind::InvalidData, QStringLiteral("offline journal entry"), what);
}

qint64 idOf(const QJsonValue& v) {
  return qint64(v.toDouble());
}

}  // namespace

PreferenceEdit preferenceEditOf(const PreferenceChange& change, const QString& annotator, bool undo) {
  PreferenceEdit e;
  e.kind = PreferenceEdit::Kind::Pair;
  e.annotator = annotator;
  e.pair = change.after;
  if (undo) {
    e.remove = !change.before;
    if (change.before)
      e.pair = *change.before;
  }
  return e;
}

PreferenceEdit preferenceEditOf(const BestOfNPickChange& change, const QString& annotator, bool undo) {
  PreferenceEdit e;
  e.kind = PreferenceEdit::Kind::Pick;
  e.annotator = annotator;
  e.pick = change.after;
  if (undo) {
    e.remove = !change.before;
    if (change.before)
      e.pick = *change.before;
  }
  return e;
}

QByteArray preferenceEditToJson(const PreferenceEdit& edit) {
  QJsonObject o{{QStringLiteral("annotator"), edit.annotator}, {QStringLiteral("remove"), edit.remove}};
  if (edit.kind == PreferenceEdit::Kind::Pair) {
    const PreferenceRecord& p = edit.pair;
    o.insert(QStringLiteral("kind"), QStringLiteral("pair"));
    o.insert(QStringLiteral("left"), double(p.leftVideoId));
    o.insert(QStringLiteral("right"), double(p.rightVideoId));
    o.insert(QStringLiteral("dimension"), preferenceDimensionName(p.dimension));
    o.insert(QStringLiteral("choice"), preferenceChoiceName(p.choice));
    o.insert(QStringLiteral("presentation"), presentationOrderName(p.order));
    o.insert(QStringLiteral("swapped"), p.swapped);
    o.insert(QStringLiteral("reason"), p.reason);
    o.insert(QStringLiteral("time_spent_ms"), double(p.timeSpentMs));
  } else {
    const BestOfNPick& p = edit.pick;
    QJsonArray candidates;
    for (qint64 id : p.candidateVideoIds)
      candidates.append(double(id));
    o.insert(QStringLiteral("kind"), QStringLiteral("pick"));
    o.insert(QStringLiteral("prompt"), double(p.promptId));
    o.insert(QStringLiteral("candidates"), candidates);
    o.insert(QStringLiteral("best"), double(p.bestVideoId));
    o.insert(QStringLiteral("worst"), p.worstVideoId ? QJsonValue(double(*p.worstVideoId)) : QJsonValue());
    o.insert(QStringLiteral("time_spent_ms"), double(p.timeSpentMs));
  }
  return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<PreferenceEdit> preferenceEditFromJson(const QByteArray& json) {
  const QJsonDocument doc = QJsonDocument::fromJson(json);
  if (!doc.isObject() || !doc.object().contains(QStringLiteral("kind")))
    return std::nullopt;
  const QJsonObject o = doc.object();
  PreferenceEdit e;
  e.annotator = o.value(QStringLiteral("annotator")).toString();
  e.remove = o.value(QStringLiteral("remove")).toBool();
  const QString kind = o.value(QStringLiteral("kind")).toString();
  if (kind == QLatin1String("pair")) {
    PreferenceRecord& p = e.pair;
    p.leftVideoId = idOf(o.value(QStringLiteral("left")));
    p.rightVideoId = idOf(o.value(QStringLiteral("right")));
    const auto dimension = preferenceDimensionFromName(o.value(QStringLiteral("dimension")).toString());
    const auto choice = preferenceChoiceFromName(o.value(QStringLiteral("choice")).toString());
    const auto order = presentationOrderFromName(o.value(QStringLiteral("presentation")).toString());
    if (!dimension || !choice || !order)
      bad(QStringLiteral("unknown dimension, choice or presentation"));
    p.dimension = *dimension;
    p.choice = *choice;
    p.order = *order;
    p.swapped = o.value(QStringLiteral("swapped")).toBool();
    p.reason = o.value(QStringLiteral("reason")).toString();
    p.timeSpentMs = idOf(o.value(QStringLiteral("time_spent_ms")));
    if (p.leftVideoId <= 0 || p.rightVideoId <= 0)
      bad(QStringLiteral("no pair"));
  } else if (kind == QLatin1String("pick")) {
    e.kind = PreferenceEdit::Kind::Pick;
    BestOfNPick& p = e.pick;
    p.promptId = idOf(o.value(QStringLiteral("prompt")));
    for (const QJsonValue& v : o.value(QStringLiteral("candidates")).toArray())
      p.candidateVideoIds.push_back(idOf(v));
    p.bestVideoId = idOf(o.value(QStringLiteral("best")));
    if (o.value(QStringLiteral("worst")).isDouble())
      p.worstVideoId = idOf(o.value(QStringLiteral("worst")));
    p.timeSpentMs = idOf(o.value(QStringLiteral("time_spent_ms")));
    if (p.promptId <= 0)
      bad(QStringLiteral("no prompt"));
  } else {
    bad(QStringLiteral("unknown kind \"%1\"").arg(kind));
  }
  if (e.annotator.isEmpty())
    bad(QStringLiteral("no annotator"));
  return e;
}

void applyPreferenceEdit(const PreferenceEdit& edit, QVector<PreferenceRecord>& preferences,
                         qint64 annotatorId, qint64 promptId) {
  if (edit.kind != PreferenceEdit::Kind::Pair)
    return;
  const PreferenceRecord& p = edit.pair;
  const qint64 low = std::min(p.leftVideoId, p.rightVideoId), high = std::max(p.leftVideoId, p.rightVideoId);
  auto it = std::find_if(preferences.begin(), preferences.end(), [&](const PreferenceRecord& r) {
    return r.annotatorId == annotatorId && r.dimension == p.dimension &&
           std::min(r.leftVideoId, r.rightVideoId) == low && std::max(r.leftVideoId, r.rightVideoId) == high;
  });
  if (edit.remove) {
    if (it != preferences.end())
      preferences.erase(it);
    return;
  }
  PreferenceRecord row = p;
  row.annotatorId = annotatorId;
  row.promptId = promptId;
  if (it != preferences.end()) {
    row.id = it->id;
    row.created = it->created;
    *it = row;
  } else {
    row.id = 0;
    preferences.push_back(row);
  }
}

void applyPreferenceEdit(const PreferenceEdit& edit, std::optional<BestOfNPick>& pick, qint64 annotatorId) {
  if (edit.kind != PreferenceEdit::Kind::Pick)
    return;
  if (edit.remove) {
    pick.reset();
    return;
  }
  BestOfNPick row = edit.pick;
  row.annotatorId = annotatorId;
  row.id = pick ? pick->id : 0;
  pick = row;
}

}  // namespace vs::store
