#pragma once
// Loads tests/data/videoscore2/reference.json (written by make_reference.py from the Python
// reference rules of TIGER-AI-Lab/VideoScore2).
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

inline QJsonObject videoscore2Reference() {
  QFile file(QStringLiteral(VS_TEST_DATA_DIR "/videoscore2/reference.json"));
  if (!file.open(QIODevice::ReadOnly)) {
    qFatal("cannot open %s", qPrintable(file.fileName()));
  }
  return QJsonDocument::fromJson(file.readAll()).object();
}
