#include "ui/annotation/rubric.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include "ui/annotation/dimension_names.h"

namespace vs::ui {

Rubric Rubric::defaults() {
  Rubric r;
  r[Dimension::Visual] = {
      QCoreApplication::translate(
          "Rubric",
          "How the video looks on its own: sharpness, resolution, colour, stable structure, "
          "no artifacts, flicker or distortion."),
      {QCoreApplication::translate("Rubric", "1 – Very poor: heavy artifacts, blur or distortion throughout"),
       QCoreApplication::translate("Rubric", "2 – Relatively poor: clear artifacts or blur in large parts"),
       QCoreApplication::translate("Rubric", "3 – Medium: acceptable, with noticeable flaws"),
       QCoreApplication::translate("Rubric", "4 – Relatively good: minor flaws only"),
       QCoreApplication::translate("Rubric", "5 – Very good: clean, sharp and stable")}};
  r[Dimension::T2V] = {
      QCoreApplication::translate(
          "Rubric",
          "How well the video matches the prompt: subjects, attributes, actions, count, "
          "scene and style."),
      {QCoreApplication::translate("Rubric", "1 – Very poor: unrelated to the prompt"),
       QCoreApplication::translate("Rubric", "2 – Relatively poor: most elements missing or wrong"),
       QCoreApplication::translate("Rubric", "3 – Medium: main subject present, several details wrong"),
       QCoreApplication::translate("Rubric", "4 – Relatively good: small details missing"),
       QCoreApplication::translate("Rubric", "5 – Very good: everything in the prompt is shown")}};
  r[Dimension::Phy] = {QCoreApplication::translate(
                           "Rubric",
                           "Whether the video obeys physics and common sense: motion, gravity, contact, "
                           "object permanence, anatomy."),
                       {QCoreApplication::translate("Rubric", "1 – Very poor: impossible events throughout"),
                        QCoreApplication::translate("Rubric", "2 – Relatively poor: frequent violations"),
                        QCoreApplication::translate("Rubric", "3 – Medium: some implausible moments"),
                        QCoreApplication::translate("Rubric", "4 – Relatively good: rare, small violations"),
                        QCoreApplication::translate("Rubric", "5 – Very good: fully plausible")}};
  return r;
}

QString Rubric::sidecarPath(const QString& projectPath) {
  const QFileInfo info(projectPath);
  return info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral(".rubric.json");
}

Rubric Rubric::fromJson(const QByteArray& json) {
  Rubric r = defaults();
  const QJsonObject root = QJsonDocument::fromJson(json).object();
  for (Dimension d : kDimensions) {
    const QJsonObject o = root.value(dimensionKey(d)).toObject();
    if (o.contains(QStringLiteral("definition"))) {
      r[d].definition = o.value(QStringLiteral("definition")).toString();
    }
    const QJsonArray anchors = o.value(QStringLiteral("anchors")).toArray();
    for (int i = 0; i < 5 && i < anchors.size(); ++i) {
      r[d].anchors[static_cast<size_t>(i)] = anchors.at(i).toString();
    }
  }
  return r;
}

QByteArray Rubric::toJson() const {
  QJsonObject root;
  for (Dimension d : kDimensions) {
    QJsonArray anchors;
    for (const QString& a : (*this)[d].anchors) {
      anchors.append(a);
    }
    root.insert(dimensionKey(d), QJsonObject{{QStringLiteral("definition"), (*this)[d].definition},
                                             {QStringLiteral("anchors"), anchors}});
  }
  return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QString Rubric::toText() const {
  QStringList lines;
  for (Dimension d : kDimensions) {
    lines << dimensionDisplayName(d) + QStringLiteral(": ") + (*this)[d].definition;
    for (const QString& a : (*this)[d].anchors) {
      lines << QStringLiteral("    ") + a;
    }
    lines << QString();
  }
  return lines.join(QLatin1Char('\n')).trimmed();
}

}  // namespace vs::ui
