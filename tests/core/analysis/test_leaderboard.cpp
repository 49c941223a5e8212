// Generator leaderboard against make_fixtures.py: means per generator and Bradley-Terry
// strengths (fitted there by BFGS on the likelihood, here by the MM iteration), with intervals
// from the same prompt-level resamples.
#include <QTest>
#include <map>

#include "core/analysis/leaderboard.h"
#include "ranking_fixture.h"

using namespace vs::analysis;
using namespace vs::analysis::testing;

class TestLeaderboard : public QObject {
  Q_OBJECT
 private slots:
  void matchesReference() {
    const QJsonObject fixture = loadFixture(QStringLiteral("expected_ranking.json")).object();
    std::vector<GeneratorSample> samples;
    for (const Candidate& c : loadCandidates()) {
      samples.push_back({c.group, c.generator, c.model[0] + c.model[1] + c.model[2]});
    }
    BootstrapOptions bootstrap;
    bootstrap.resamples = fixture["bootstrap"].toObject()["resamples"].toInt();
    bootstrap.seed = static_cast<uint64_t>(fixture["bootstrap"].toObject()["seed"].toInt());
    const auto entries = generatorLeaderboard(samples, bootstrap);
    const QJsonArray expected = fixture["leaderboard"].toArray();
    QCOMPARE(entries.size(), static_cast<size_t>(expected.size()));
    std::map<std::string, const LeaderboardEntry*> byName;
    for (const auto& e : entries) {
      byName[e.generator] = &e;
    }
    for (const QJsonValue& v : expected) {
      const QJsonObject e = v.toObject();
      const LeaderboardEntry* got = byName.at(e["generator"].toString().toStdString());
      const QString g = e["generator"].toString();
      QCOMPARE(got->videos, static_cast<int64_t>(e["videos"].toInt()));
      VS_COMPARE_OPT(std::optional<double>(got->meanScore), e["mean_score"], 1e-12, g + " mean");
      VS_COMPARE_OPT(got->strength, e["bt_strength"], 1e-6, g + " strength");
      VS_COMPARE_OPT(std::optional<double>(got->meanCi->low), e["mean_score_ci"].toArray()[0], 1e-9,
                     g + " mean ci");
      VS_COMPARE_OPT(std::optional<double>(got->meanCi->high), e["mean_score_ci"].toArray()[1], 1e-9,
                     g + " mean ci");
      VS_COMPARE_OPT(std::optional<double>(got->strengthCi->low), e["bt_strength_ci"].toArray()[0], 1e-6,
                     g + " bt ci");
      VS_COMPARE_OPT(std::optional<double>(got->strengthCi->high), e["bt_strength_ci"].toArray()[1], 1e-6,
                     g + " bt ci");
    }
    // best first
    for (size_t i = 1; i < entries.size(); ++i) {
      QVERIFY(*entries[i - 1].strength >= *entries[i].strength);
    }
  }
  void loneGeneratorHasNoStrength() {
    const auto entries = generatorLeaderboard({{"p1", "a", 3}, {"p1", "b", 5}, {"p2", "c", 4}});
    std::map<std::string, LeaderboardEntry> byName;
    for (const auto& e : entries) {
      byName[e.generator] = e;
    }
    QVERIFY(!byName["c"].strength);
    QVERIFY(*byName["b"].strength > *byName["a"].strength);
    QCOMPARE(byName["b"].wins, 1.0);
    QCOMPARE(entries.front().generator, std::string("b"));
  }
};

QTEST_GUILESS_MAIN(TestLeaderboard)
#include "test_leaderboard.moc"
