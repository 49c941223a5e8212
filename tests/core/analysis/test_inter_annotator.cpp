// Inter-annotator agreement against the restated cal_iaa.py (three-way agreement ratio, mean
// pairwise Spearman) plus alpha and mean kappa, with bootstrap intervals, on items shared by all.
#include <QTest>
#include <map>
#include <set>

#include "core/analysis/inter_annotator.h"
#include "core/analysis/rounding.h"
#include "fixture.h"

using namespace vs::analysis;
using namespace vs::analysis::testing;

class TestInterAnnotator : public QObject {
  Q_OBJECT
 private slots:
  void threeAnnotatorsMatchReference() {
    const QJsonObject fixture = loadFixture(QStringLiteral("expected_agreement.json")).object();
    std::vector<QJsonArray> files;
    for (int a = 1; a <= 3; ++a) {
      files.push_back(loadFixture(QStringLiteral("annotator_%1.json").arg(a)).array());
    }
    std::vector<std::map<QString, QJsonObject>> byName(3);
    for (size_t a = 0; a < 3; ++a) {
      for (const QJsonValue& v : files[a]) {
        byName[a][v.toObject()["video_name"].toString()] = v.toObject();
      }
    }
    QStringList shared;
    for (const QJsonValue& v : files[0]) {
      const QString name = v.toObject()["video_name"].toString();
      if (byName[1].count(name) && byName[2].count(name)) {
        shared << name;
      }
    }
    const QJsonObject e = fixture["result"].toObject();
    QCOMPARE(shared.size(), e["n"].toInt());
    BootstrapOptions bootstrap;
    bootstrap.resamples = fixture["bootstrap"].toObject()["resamples"].toInt();
    bootstrap.seed = static_cast<uint64_t>(fixture["bootstrap"].toObject()["seed"].toInt());
    for (const char* key : {"visual", "t2v", "phy"}) {
      std::vector<std::vector<double>> ratings(3);
      for (size_t a = 0; a < 3; ++a) {
        for (const QString& name : shared) {
          ratings[a].push_back(
              byName[a][name][QStringLiteral("%1_score").arg(QLatin1String(key))].toDouble());
        }
      }
      const DimensionAgreement r = interAnnotatorAgreement(ratings, bootstrap);
      const QJsonObject ed = e[QLatin1String(key)].toObject();
      auto round4 = [](const std::optional<double>& v) {
        return v ? std::optional<double>(roundDecimals(*v, 4)) : std::nullopt;
      };
      const std::pair<const char*, const MeasureWithCi*> measures[] = {{"agreement_ratio", &r.agreementRatio},
                                                                       {"spcc", &r.meanSpearman},
                                                                       {"alpha_ordinal", &r.alphaOrdinal},
                                                                       {"alpha_interval", &r.alphaInterval},
                                                                       {"mean_qwk", &r.meanQwk}};
      for (const auto& [name, m] : measures) {
        const QString what = QStringLiteral("%1 %2").arg(QLatin1String(key), QLatin1String(name));
        VS_COMPARE_OPT(round4(m->value), ed[QLatin1String(name)], 1e-12, what);
        const QJsonArray ci = ed["ci"].toObject()[QLatin1String(name)].toArray();
        QVERIFY2(m->ci, qPrintable(what));
        VS_COMPARE_OPT(round4(m->ci->low), ci[0], 1e-12, what + " ci low");
        VS_COMPARE_OPT(round4(m->ci->high), ci[1], 1e-12, what + " ci high");
      }
      QCOMPARE(r.pairs.size(), size_t{3});
    }
  }
  void constantAnnotatorGivesNullSpearman() {
    const DimensionAgreement r = interAnnotatorAgreement({{3, 3, 3, 3}, {1, 2, 3, 4}, {1, 2, 4, 4}});
    QVERIFY(!r.meanSpearman.value);
    QCOMPARE(*r.agreementRatio.value, 0.0);
    QVERIFY(r.alphaOrdinal.value);
  }
  void singleItem() {
    const DimensionAgreement r = interAnnotatorAgreement({{3}, {3}, {3}});
    QCOMPARE(*r.agreementRatio.value, 1.0);
    QVERIFY(!r.meanSpearman.value);
    QVERIFY(!r.alphaInterval.value);
  }
};

QTEST_GUILESS_MAIN(TestInterAnnotator)
#include "test_inter_annotator.moc"
