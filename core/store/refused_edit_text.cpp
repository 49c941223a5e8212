#include "core/store/refused_edit_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace vs::store {

namespace {

QString named(const NameOf& nameOf, qint64 id, const QString& unnamed) {
  const QString name = nameOf ? nameOf(id) : QString();
  return name.isEmpty() ? unnamed.arg(id) : name;
}

// An extra key's JSON value as a person reads it: strings bare, arrays of strings joined.
QString extraText(const QByteArray& json, const RefusedEditWords& words) {
  const QJsonDocument doc = QJsonDocument::fromJson("[" + json + "]");
  if (!doc.isArray() || doc.array().size() != 1)
    return QString::fromUtf8(json);
  const QJsonValue v = doc.array().at(0);
  if (v.isString())
    return v.toString();
  if (v.isArray()) {
    QStringList parts;
    for (const QJsonValue& item : v.toArray()) {
      if (!item.isString())
        return QString::fromUtf8(json);
      parts << item.toString();
    }
    return parts.isEmpty() ? words.none : parts.join(QStringLiteral(", "));
  }
  return QString::fromUtf8(json);
}

void describeEvaluation(const EvaluationEdit& edit, const NameOf& videoName, const RefusedEditWords& words,
                        RefusedEditText& out) {
  out.about = named(videoName, edit.videoId, words.video);
  QStringList parts;
  for (const auto& [field, value] : edit.fields) {
    switch (field) {
      case EvaluationField::VisualScore:
      case EvaluationField::T2VScore:
      case EvaluationField::PhyScore:
        parts << evaluationFieldName(field) + QStringLiteral(": ") +
                     (value.isNull() ? words.cleared : QString::number(value.toDouble(), 'g', 17));
        break;
      case EvaluationField::VisualRationale:
      case EvaluationField::T2VRationale:
      case EvaluationField::PhyRationale:
      case EvaluationField::Thinking:
        parts << evaluationFieldName(field) + QStringLiteral(": ") + value.toString();
        break;
      case EvaluationField::Origin:  // follows from the scores, not typed
      case EvaluationField::TimeSpentMs:
        break;
    }
  }
  for (const auto& [key, value] : edit.extra) {
    const QString k = QString::fromUtf8(key);
    parts << k + QStringLiteral(": ") + (value ? extraText(*value, words) : words.removed);
  }
  out.typed = parts.join(QStringLiteral("; "));
}

void describePreference(const PreferenceEdit& edit, const NameOf& videoName, const NameOf& promptText,
                        const RefusedEditWords& words, RefusedEditText& out) {
  if (edit.kind == PreferenceEdit::Kind::Pair) {
    const PreferenceRecord& p = edit.pair;
    const QString left = named(videoName, p.leftVideoId, words.video);
    const QString right = named(videoName, p.rightVideoId, words.video);
    out.about = words.pair.arg(left, right, preferenceDimensionName(p.dimension));
    if (edit.remove) {
      out.typed = words.choiceWithdrawn;
      return;
    }
    QString choice = preferenceChoiceName(p.choice);
    if (p.choice == PreferenceChoice::Left)
      choice += QStringLiteral(" (%1)").arg(left);
    else if (p.choice == PreferenceChoice::Right)
      choice += QStringLiteral(" (%1)").arg(right);
    out.typed = words.choice.arg(choice);
    if (!p.reason.isEmpty())
      out.typed += QStringLiteral("; ") + words.reason.arg(p.reason);
    return;
  }
  const BestOfNPick& pick = edit.pick;
  out.about = words.pick.arg(named(promptText, pick.promptId, words.prompt));
  if (edit.remove) {
    out.typed = words.pickWithdrawn;
    return;
  }
  out.typed = words.best.arg(named(videoName, pick.bestVideoId, words.video));
  if (pick.worstVideoId)
    out.typed += QStringLiteral("; ") + words.worst.arg(named(videoName, *pick.worstVideoId, words.video));
}

QString tsvCell(QString text) {
  text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
  text.replace(QLatin1Char('\t'), QStringLiteral("\\t"));
  text.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
  text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
  return text;
}

QString tsvLine(const QStringList& cells) {
  QStringList escaped;
  for (const QString& c : cells)
    escaped << tsvCell(c);
  return escaped.join(QLatin1Char('\t')) + QLatin1Char('\n');
}

}  // namespace

RefusedEditText refusedEditText(const EditJournal::Refused& entry, const NameOf& videoName,
                                const NameOf& promptText, const RefusedEditWords& words) {
  RefusedEditText out;
  out.when = entry.at.toUTC().toString(Qt::ISODate);
  out.reason = entry.reason;
  if (entry.preference)
    describePreference(*entry.preference, videoName, promptText, words, out);
  else
    describeEvaluation(entry.edit, videoName, words, out);
  return out;
}

QString refusedEditsAsTsv(const QStringList& header, const QVector<RefusedEditText>& rows) {
  QString text = tsvLine(header);
  for (const RefusedEditText& r : rows)
    text += tsvLine({r.when, r.about, r.typed, r.reason});
  return text;
}

}  // namespace vs::store
