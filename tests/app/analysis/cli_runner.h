#pragma once
// Runs the vscore binary (path in VS_VSCORE) and reads the analysis fixtures.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <cmath>

#include "core/domain/annotator.h"
#include "core/domain/evaluation.h"
#include "core/domain/video.h"
#include "core/store/store.h"

namespace vs::clitest {

struct Run {
  int exitCode = -1;
  QByteArray out;
  QByteArray err;
  QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

inline Run vscore(const QStringList& args) {
  QProcess p;
  p.start(qEnvironmentVariable("VS_VSCORE"), args);
  if (!p.waitForFinished(60000)) {
    qFatal("vscore did not finish");
  }
  return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

inline QString data(const QString& name) {
  return QStringLiteral(VS_TEST_DATA_DIR "/analysis/") + name;
}

inline QJsonDocument fixture(const QString& name) {
  QFile f(data(name));
  if (!f.open(QIODevice::ReadOnly)) {
    qFatal("cannot open %s", qPrintable(name));
  }
  return QJsonDocument::fromJson(f.readAll());
}

inline QString scratch(const QString& name) {
  const QString dir = qEnvironmentVariable("VS_TEST_TMP");
  QDir().mkpath(dir);
  QFile::remove(dir + QLatin1Char('/') + name);
  return dir + QLatin1Char('/') + name;
}

// Numbers equal within 1e-9, nulls equal, arrays element-wise.
inline bool close(const QJsonValue& a, const QJsonValue& b) {
  if (a.isNull() || b.isNull()) {
    return a.isNull() && b.isNull();
  }
  if (a.isArray() && b.isArray()) {
    const QJsonArray x = a.toArray(), y = b.toArray();
    if (x.size() != y.size()) {
      return false;
    }
    for (qsizetype i = 0; i < x.size(); ++i) {
      if (!close(x[i], y[i])) {
        return false;
      }
    }
    return true;
  }
  return a.isDouble() && b.isDouble() && std::fabs(a.toDouble() - b.toDouble()) <= 1e-9;
}

// Every key of `expected` (recursively) has a close value in `actual`.
inline void compareSubset(const QJsonObject& actual, const QJsonObject& expected, const QString& path) {
  for (auto it = expected.begin(); it != expected.end(); ++it) {
    const QString where = path + QLatin1Char('.') + it.key();
    QVERIFY2(actual.contains(it.key()), qPrintable(where + " missing"));
    if (it.value().isObject()) {
      compareSubset(actual[it.key()].toObject(), it.value().toObject(), where);
    } else if (it.value().isString()) {
      QCOMPARE(actual[it.key()].toString(), it.value().toString());
    } else {
      QVERIFY2(
          close(actual[it.key()], it.value()),
          qPrintable(QStringLiteral("%1: got %2, expected %3")
                         .arg(where,
                              QString::fromUtf8(
                                  QJsonDocument(QJsonArray{actual[it.key()]}).toJson(QJsonDocument::Compact)),
                              QString::fromUtf8(
                                  QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact)))));
    }
  }
}

inline Evaluation evaluation(qint64 video, qint64 annotator, const QJsonArray& scores, Origin origin) {
  Evaluation e;
  e.videoId = video;
  e.annotatorId = annotator;
  for (int d = 0; d < 3; ++d) {
    e.scores.value[static_cast<size_t>(d)] =
        scores[d].isNull() ? std::nullopt : std::optional<double>(scores[d].toDouble());
  }
  e.origin = origin;
  return e;
}

}  // namespace vs::clitest
