#include "core/store/evaluation_edit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

#include "core/domain/error.h"

namespace vs::store {

namespace {

bool isScore(EvaluationField f) {
  return f == EvaluationField::VisualScore || f == EvaluationField::T2VScore ||
         f == EvaluationField::PhyScore;
}

QJsonValue jsonOf(EvaluationField field, const QVariant& value) {
  if (value.isNull())
    return QJsonValue::Null;
  if (isScore(field))
    return value.toDouble();
  if (field == EvaluationField::TimeSpentMs)
    return double(value.toLongLong());  // exact below 2^53 ms
  return value.toString();
}

QVariant valueOf(EvaluationField field, const QJsonValue& json) {
  if (json.isNull())
    return QVariant();
  if (isScore(field))
    return json.toDouble();
  if (field == EvaluationField::TimeSpentMs)
    return qint64(json.toDouble());
  return json.toString();
}

[[noreturn]] void bad(const QString& what) {
  throw Error(Error::Kind::InvalidData, QStringLiteral("offline journal entry"), what);
}

}  // namespace

QByteArray evaluationEditToJson(const EvaluationEdit& edit) {
  QJsonArray fields;
  for (const auto& [field, value] : edit.fields)
    fields.append(QJsonArray{evaluationFieldName(field), jsonOf(field, value)});
  QJsonArray extra;
  for (const auto& [key, value] : edit.extra) {
    extra.append(QJsonArray{QString::fromUtf8(key),
                            value ? QJsonValue(QString::fromUtf8(*value)) : QJsonValue(QJsonValue::Null)});
  }
  const QJsonObject o{{QStringLiteral("video"), double(edit.videoId)},
                      {QStringLiteral("annotator"), edit.annotator},
                      {QStringLiteral("fields"), fields},
                      {QStringLiteral("extra"), extra}};
  return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

EvaluationEdit evaluationEditFromJson(const QByteArray& json) {
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
  if (!doc.isObject())
    bad(QStringLiteral("not a JSON object: %1").arg(error.errorString()));
  const QJsonObject o = doc.object();
  EvaluationEdit edit;
  edit.videoId = qint64(o.value(QStringLiteral("video")).toDouble());
  edit.annotator = o.value(QStringLiteral("annotator")).toString();
  for (const QJsonValue& f : o.value(QStringLiteral("fields")).toArray()) {
    const QJsonArray pair = f.toArray();
    const std::optional<EvaluationField> field = evaluationFieldFromName(pair.at(0).toString());
    if (!field)
      bad(QStringLiteral("unknown field \"%1\"").arg(pair.at(0).toString()));
    edit.fields.emplace_back(*field, valueOf(*field, pair.at(1)));
  }
  for (const QJsonValue& x : o.value(QStringLiteral("extra")).toArray()) {
    const QJsonArray pair = x.toArray();
    std::optional<QByteArray> value;
    if (!pair.at(1).isNull())
      value = pair.at(1).toString().toUtf8();
    edit.extra.emplace_back(pair.at(0).toString().toUtf8(), value);
  }
  if (edit.videoId <= 0 || edit.annotator.isEmpty())
    bad(QStringLiteral("no video or annotator"));
  return edit;
}

void applyEvaluationEdit(const EvaluationEdit& edit, std::optional<Evaluation>& evaluation,
                         qint64 annotatorId) {
  if (!evaluation) {
    evaluation = Evaluation{};
    evaluation->videoId = edit.videoId;
    evaluation->annotatorId = annotatorId;
    evaluation->origin = Origin::Human;
  }
  Evaluation& e = *evaluation;
  for (const auto& [field, value] : edit.fields) {
    for (Dimension d : kDimensions) {
      if (field == scoreField(d))
        e.scores[d] = value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
      if (field == rationaleField(d))
        e.rationale[static_cast<size_t>(index(d))] = value.toString();
    }
    if (field == EvaluationField::Thinking)
      e.thinking = value.toString();
    else if (field == EvaluationField::Origin)
      e.origin = originFromName(value.toString()).value_or(e.origin);
    else if (field == EvaluationField::TimeSpentMs)
      e.timeSpentMs = value.toLongLong();
  }
  for (const auto& [key, value] : edit.extra) {
    auto it = std::find_if(e.extra.begin(), e.extra.end(), [&](const ExtraField& f) { return f.key == key; });
    if (!value) {
      if (it != e.extra.end())
        e.extra.erase(it);
    } else if (it != e.extra.end()) {
      it->jsonValue = *value;
    } else {
      e.extra.push_back({key, *value});
    }
  }
}

}  // namespace vs::store
