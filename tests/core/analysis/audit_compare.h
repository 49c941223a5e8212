#pragma once
// Compares an AuditResult with an audit object of expected_audit.json.
#include <QJsonObject>
#include <QTest>

#include "core/analysis/score_audit.h"
#include "fixture.h"

namespace vs::analysis::testing {

inline void compareAudit(const AuditResult& r, const QJsonObject& e, const QString& name) {
  QCOMPARE(r.n, static_cast<int64_t>(e["n"].toInt()));
  QCOMPARE(r.dropped, static_cast<int64_t>(e["dropped"].toInt()));
  QCOMPARE(r.scale == ScoreScale::Soft ? QStringLiteral("soft") : QStringLiteral("integer"),
           e["scale"].toString());
  const char* keys[3] = {"visual", "t2v", "phy"};
  for (size_t d = 0; d < 3; ++d) {
    const QJsonObject ed = e[QLatin1String(keys[d])].toObject();
    for (Metric m : kMetrics) {
      const QString what =
          QStringLiteral("%1 %2 %3").arg(name, QLatin1String(keys[d]), QLatin1String(metricKey(m)));
      // Both sides are rounded to 3 decimals; the unrounded values agree to ~1e-15.
      VS_COMPARE_OPT(r.dimensions[d][m].value, ed[QLatin1String(metricKey(m))], 1e-9, what);
      if (ed.contains(QStringLiteral("ci"))) {
        const QJsonValue ci = ed["ci"].toObject()[QLatin1String(metricKey(m))];
        const auto& got = r.dimensions[d][m].ci;
        QVERIFY2(ci.isNull() == !got.has_value(), qPrintable(what + " ci presence"));
        if (got) {
          VS_COMPARE_OPT(std::optional<double>(got->low), ci.toArray()[0], 1e-9, what + " ci low");
          VS_COMPARE_OPT(std::optional<double>(got->high), ci.toArray()[1], 1e-9, what + " ci high");
        }
      }
    }
    const QJsonObject conf = ed["confusion"].toObject();
    QCOMPARE(r.dimensions[d].confusion.lowest, conf["lowest"].toInt());
    const QJsonArray rows = conf["rows_reference_columns_predicted"].toArray();
    QCOMPARE(r.dimensions[d].confusion.counts.size(), static_cast<size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
      for (int j = 0; j < rows[i].toArray().size(); ++j) {
        QCOMPARE(r.dimensions[d].confusion.counts[static_cast<size_t>(i)][static_cast<size_t>(j)],
                 static_cast<int64_t>(rows[i].toArray()[j].toInt()));
      }
    }
  }
  for (Metric m : kMetrics) {
    VS_COMPARE_OPT(r.average[static_cast<size_t>(m)], e["average"].toObject()[QLatin1String(metricKey(m))],
                   1e-9, name + " average " + QLatin1String(metricKey(m)));
  }
  VS_COMPARE_OPT(r.wholeItemAccuracy.value, e["whole_item_accuracy"], 1e-9, name + " whole item");
  if (e.contains(QStringLiteral("whole_item_accuracy_ci"))) {
    const QJsonArray ci = e["whole_item_accuracy_ci"].toArray();
    QVERIFY(r.wholeItemAccuracy.ci);
    VS_COMPARE_OPT(std::optional<double>(r.wholeItemAccuracy.ci->low), ci[0], 1e-9, name + " whole ci low");
    VS_COMPARE_OPT(std::optional<double>(r.wholeItemAccuracy.ci->high), ci[1], 1e-9, name + " whole ci high");
  }
}

}  // namespace vs::analysis::testing
