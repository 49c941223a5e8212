#pragma once
// Loading the analysis fixtures (tests/data/analysis, written by make_fixtures.py).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QTest>
#include <cmath>
#include <optional>
#include <vector>

namespace vs::analysis::testing {

inline QString fixturePath(const QString& name) {
  return QStringLiteral(VS_TEST_DATA_DIR "/analysis/") + name;
}

inline QJsonDocument loadFixture(const QString& name) {
  QFile f(fixturePath(name));
  if (!f.open(QIODevice::ReadOnly)) {
    qFatal("cannot open fixture %s", qPrintable(name));
  }
  return QJsonDocument::fromJson(f.readAll());
}

inline std::vector<double> doubles(const QJsonValue& v) {
  std::vector<double> out;
  for (const QJsonValue& x : v.toArray()) {
    out.push_back(x.isNull() ? std::nan("") : x.toDouble());
  }
  return out;
}

inline std::optional<double> optionalNumber(const QJsonValue& v) {
  return v.isNull() || v.isUndefined() ? std::nullopt : std::optional<double>(v.toDouble());
}

// Compares an optional against a fixture value (null = undefined) within `tolerance`.
inline bool sameValue(const std::optional<double>& actual, const QJsonValue& expected, double tolerance) {
  if (expected.isNull() || expected.isUndefined()) {
    return !actual.has_value();
  }
  return actual.has_value() && std::fabs(*actual - expected.toDouble()) <= tolerance;
}

inline QString show(const std::optional<double>& v) {
  return v ? QString::number(*v, 'g', 17) : QStringLiteral("null");
}

}  // namespace vs::analysis::testing

#define VS_COMPARE_OPT(actual, expected, tolerance, what)                         \
  QVERIFY2(::vs::analysis::testing::sameValue((actual), (expected), (tolerance)), \
           qPrintable(QStringLiteral("%1: got %2, expected %3")                   \
                          .arg(what, ::vs::analysis::testing::show(actual),       \
                               QString::fromUtf8(                                 \
                                   QJsonDocument(QJsonArray{expected}).toJson(QJsonDocument::Compact)))))
