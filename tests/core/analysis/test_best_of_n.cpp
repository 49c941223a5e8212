// Best-of-N against make_fixtures.py: model pick = first maximum of the model total, human best
// set with ties, top-1 agreement, chance agreement and regret; single-candidate prompts ignored.
#include <QTest>

#include "core/analysis/best_of_n.h"
#include "ranking_fixture.h"

using namespace vs::analysis;
using namespace vs::analysis::testing;

class TestBestOfN : public QObject {
  Q_OBJECT
 private slots:
  void matchesReference() {
    const QJsonObject e =
        loadFixture(QStringLiteral("expected_ranking.json")).object()["best_of_n"].toObject();
    const BestOfNResult r = bestOfN(loadCandidates());
    QCOMPARE(r.groups, static_cast<int64_t>(e["groups"].toInt()));
    VS_COMPARE_OPT(r.top1Agreement, e["top1_agreement"], 1e-12, QStringLiteral("top1"));
    VS_COMPARE_OPT(r.chanceAgreement, e["chance_agreement"], 1e-12, QStringLiteral("chance"));
    VS_COMPARE_OPT(r.meanRegret, e["mean_regret"], 1e-12, QStringLiteral("regret"));
  }
  void weightsChangeThePick() {
    std::vector<Candidate> c(2);
    c[0] = {"p", "a", "v1", {5, 1, 1}, {5, 1, 1}};
    c[1] = {"p", "b", "v2", {1, 3, 4}, {1, 3, 4}};
    QCOMPARE(bestOfN(c).details[0].modelPick, size_t{1});
    BestOfNOptions visualOnly;
    visualOnly.weights = {1, 0, 0};
    const BestOfNResult r = bestOfN(c, visualOnly);
    QCOMPARE(r.details[0].modelPick, size_t{0});
    QVERIFY(r.details[0].agrees);
    QCOMPARE(*r.meanRegret, 0.0);
  }
  void noGroupsNoNumbers() {
    const BestOfNResult r = bestOfN({{"p", "a", "v", {1, 1, 1}, {1, 1, 1}}});
    QCOMPARE(r.groups, int64_t{0});
    QVERIFY(!r.top1Agreement);
  }
};

QTEST_GUILESS_MAIN(TestBestOfN)
#include "test_best_of_n.moc"
