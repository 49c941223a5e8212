// auditScores against the restated get_acc_corr.py (make_fixtures.py): prediction files with
// given model scores (integer and soft, nulls dropped, halves to even), bootstrap intervals
// replayed with the same seed, and edge cases (constant columns, a single item, all dropped).
#include <QTest>

#include "audit_compare.h"
#include "core/analysis/score_audit.h"
#include "fixture.h"

using namespace vs::analysis;
using namespace vs::analysis::testing;

namespace {

std::optional<double> jsonScore(const QJsonValue& v) {
  return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

std::vector<AuditRow> rowsOfPredictionFile(const QString& name) {
  std::vector<AuditRow> rows;
  for (const QJsonValue& v : loadFixture(name).array()) {
    const QJsonObject o = v.toObject();
    AuditRow r;
    r.reference = {o["v_score_gt"].toDouble(), o["t_score_gt"].toDouble(), o["p_score_gt"].toDouble()};
    r.predicted = {jsonScore(o["v_score_model"]), jsonScore(o["t_score_model"]),
                   jsonScore(o["p_score_model"])};
    rows.push_back(r);
  }
  return rows;
}

}  // namespace

class TestScoreAudit : public QObject {
  Q_OBJECT
 private slots:
  void softPredictionsWithIntervals() {
    const QJsonObject expected = loadFixture(QStringLiteral("expected_audit.json")).object();
    AuditOptions options;
    options.bootstrap.resamples = expected["bootstrap"].toObject()["resamples"].toInt();
    options.bootstrap.seed = static_cast<uint64_t>(expected["bootstrap"].toObject()["seed"].toInt());
    const AuditResult r = auditScores(rowsOfPredictionFile(QStringLiteral("predictions_soft.json")), options);
    QCOMPARE(r.scale, ScoreScale::Soft);  // detected from the fractional scores
    compareAudit(r, expected["predictions_soft.json"].toObject(), QStringLiteral("soft"));
  }
  void integerPredictions() {
    const QJsonObject expected = loadFixture(QStringLiteral("expected_audit.json")).object();
    const AuditResult r = auditScores(rowsOfPredictionFile(QStringLiteral("predictions_int.json")));
    QCOMPARE(r.scale, ScoreScale::Integer);
    compareAudit(r, expected["predictions_int.json"].toObject(), QStringLiteral("int"));
  }
  void edgeCases_data() {
    QTest::addColumn<QString>("name");
    const QJsonObject cases =
        loadFixture(QStringLiteral("expected_audit.json")).object()["edge_cases"].toObject();
    QVERIFY(cases.size() >= 6);
    for (const QString& k : cases.keys()) {
      QTest::newRow(qPrintable(k)) << k;
    }
  }
  void edgeCases() {
    QFETCH(QString, name);
    const QJsonObject c =
        loadFixture(QStringLiteral("expected_audit.json")).object()["edge_cases"].toObject()[name].toObject();
    std::vector<AuditRow> rows;
    for (const QJsonValue& v : c["rows"].toArray()) {
      AuditRow r;
      const QJsonArray ref = v.toObject()["reference"].toArray();
      const QJsonArray pred = v.toObject()["predicted"].toArray();
      for (int d = 0; d < 3; ++d) {
        r.reference[static_cast<size_t>(d)] = ref[d].toDouble();
        r.predicted[static_cast<size_t>(d)] = jsonScore(pred[d]);
      }
      rows.push_back(r);
    }
    AuditOptions options;
    options.scale =
        c["method"].toString() == QLatin1String("vs2_float") ? ScoreScale::Soft : ScoreScale::Integer;
    compareAudit(auditScores(rows, options), c["expected"].toObject(), name);
  }
  void bootstrapIsReproducible() {
    AuditOptions options;
    options.bootstrap.resamples = 50;
    const auto rows = rowsOfPredictionFile(QStringLiteral("predictions_int.json"));
    const AuditResult a = auditScores(rows, options), b = auditScores(rows, options);
    QVERIFY(a.dimensions[0][Metric::Srcc].ci);
    QCOMPARE(a.dimensions[0][Metric::Srcc].ci->low, b.dimensions[0][Metric::Srcc].ci->low);
    options.bootstrap.seed += 1;
    const AuditResult c = auditScores(rows, options);
    QVERIFY(c.dimensions[0][Metric::Srcc].ci->low != a.dimensions[0][Metric::Srcc].ci->low ||
            c.dimensions[0][Metric::Srcc].ci->high != a.dimensions[0][Metric::Srcc].ci->high);
  }
};

QTEST_GUILESS_MAIN(TestScoreAudit)
#include "test_score_audit.moc"
