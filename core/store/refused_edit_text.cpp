#include "core/store/refused_edit_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace vs::store {

namespace {

QString named(const NameOf& nameOf, qint64 id, const char* kind) {
  const QString name = nameOf ? nameOf(id) : QString();
  return name.isEmpty() ? QStringLiteral("%1 #%2").arg(QLatin1String(kind)).arg(id) : name;
}

QString scoreText(const QVariant& v) {
  return v.isNull() ? QStringLiteral("(cleared)") : QString::number(v.toDouble(), 'g', 17);
}

// An extra key's JSON value as a person reads it: strings bare, arrays of strings joined.
QString extraText(const QByteArray& json) {
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
    return parts.isEmpty() ? QStringLiteral("(none)") : parts.join(QStringLiteral(", "));
  }
  return QString::fromUtf8(json);
}

void describeEvaluation(const EvaluationEdit& edit, const NameOf& videoName, RefusedEditText& out) {
  out.about = named(videoName, edit.videoId, "video");
  QStringList parts;
  for (const auto& [field, value] : edit.fields) {
    switch (field) {
      case EvaluationField::VisualScore:
      case EvaluationField::T2VScore:
      case EvaluationField::PhyScore:
        parts << evaluationFieldName(field) + QStringLiteral(": ") + scoreText(value);
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
    parts << k + QStringLiteral(": ") + (value ? extraText(*value) : QStringLiteral("(removed)"));
  }
  out.typed = parts.join(QStringLiteral("; "));
}

void describePreference(const PreferenceEdit& edit, const NameOf& videoName, const NameOf& promptText,
                        RefusedEditText& out) {
  if (edit.kind == PreferenceEdit::Kind::Pair) {
    const PreferenceRecord& p = edit.pair;
    const QString left = named(videoName, p.leftVideoId, "video");
    const QString right = named(videoName, p.rightVideoId, "video");
    out.about = QStringLiteral("%1 / %2 (%3)").arg(left, right, preferenceDimensionName(p.dimension));
    if (edit.remove) {
      out.typed = QStringLiteral("choice withdrawn");
      return;
    }
    QString choice = QStringLiteral("choice: ") + preferenceChoiceName(p.choice);
    if (p.choice == PreferenceChoice::Left)
      choice += QStringLiteral(" (%1)").arg(left);
    else if (p.choice == PreferenceChoice::Right)
      choice += QStringLiteral(" (%1)").arg(right);
    if (!p.reason.isEmpty())
      choice += QStringLiteral("; reason: ") + p.reason;
    out.typed = choice;
    return;
  }
  const BestOfNPick& pick = edit.pick;
  out.about = QStringLiteral("Best of N: ") + named(promptText, pick.promptId, "prompt");
  if (edit.remove) {
    out.typed = QStringLiteral("pick withdrawn");
    return;
  }
  out.typed = QStringLiteral("best: ") + named(videoName, pick.bestVideoId, "video");
  if (pick.worstVideoId)
    out.typed += QStringLiteral("; worst: ") + named(videoName, *pick.worstVideoId, "video");
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
                                const NameOf& promptText) {
  RefusedEditText out;
  out.when = entry.at.toUTC().toString(Qt::ISODate);
  out.reason = entry.reason;
  if (entry.preference)
    describePreference(*entry.preference, videoName, promptText, out);
  else
    describeEvaluation(entry.edit, videoName, out);
  return out;
}

QString refusedEditsAsTsv(const QStringList& header, const QVector<RefusedEditText>& rows) {
  QString text = tsvLine(header);
  for (const RefusedEditText& r : rows)
    text += tsvLine({r.when, r.about, r.typed, r.reason});
  return text;
}

}  // namespace vs::store
