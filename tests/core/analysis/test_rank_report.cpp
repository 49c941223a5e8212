// core/analysis/rank_report.cpp: the sources a project can be ranked by, the errors for the ones it
// lacks, and the text table (expected text written out by hand).
#include <QTemporaryDir>
#include <QtTest>

#include "core/analysis/rank_report.h"
#include "core/domain/error.h"
#include "core/interop/item_reader.h"
#include "core/store/store.h"
#include "fixture.h"

using namespace vs;
using namespace vs::analysis;

class TestRankReport : public QObject {
  Q_OBJECT
 private slots:
  void missingSourcesAreUsageErrors() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.vsproj"));
    const store::Store s(path, store::OpenMode::CreateNew);
    for (const auto& [by, message] : {std::pair{"preference", ": the project has no preferences"},
                                      std::pair{"model", ": the project has no model scores"},
                                      std::pair{"human", ": the project has no human scores"}}) {
      try {
        projectRanking(s, path, QLatin1String(by), {}, BootstrapOptions{0});
        QFAIL("no error");
      } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::Usage);
        QCOMPARE(e.full(), path + QLatin1String(message));
      }
    }
  }

  void modelAndHumanScoresGiveBestOfN() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.vsproj"));
    store::Store s(path, store::OpenMode::CreateNew);
    store::ImportOptions options;
    options.annotator = QStringLiteral("gt");
    options.modelAnnotator = QStringLiteral("VideoScore2");
    s.importItems(interop::readPredictions(testing::fixturePath(QStringLiteral("predictions_int.json"))),
                  options);
    const Ranking r = projectRanking(s, path, QStringLiteral("model"), {}, BootstrapOptions{0});
    QCOMPARE(r.by, QStringLiteral("model"));
    QVERIFY(r.best.has_value());
    QVERIFY(r.scores.empty());  // the file names no generators
    // One Best-of-N group per prompt of the file.
    QSet<QByteArray> prompts;
    for (const FeedbackItem& item :
         interop::readPredictions(testing::fixturePath(QStringLiteral("predictions_int.json"))))
      prompts.insert(item.prompt);
    QCOMPARE(r.best->groups, int64_t(prompts.size()));
    QVERIFY(rankingText(r).contains(QStringLiteral("\nBest-of-N over %1 prompts: ").arg(prompts.size())));
    QVERIFY(rankingText(r).startsWith(QStringLiteral("generators ranked by model scores")));
    QCOMPARE(rankingJson(r).value(QStringLiteral("by")).toString(), QStringLiteral("model"));
    QCOMPARE(projectRanking(s, path, QStringLiteral("gt"), {}, BootstrapOptions{0}).by, QStringLiteral("gt"));
  }

  void textTables() {
    Ranking scores;
    scores.by = QStringLiteral("ana");
    LeaderboardEntry e;
    e.generator = "sora";
    e.videos = 12;
    e.meanScore = 9.5;
    e.meanCi = Interval{8.25, 10.75};
    scores.scores.push_back(e);
    QCOMPARE(rankingText(scores),
             QStringLiteral("generators ranked by ana scores (Bradley-Terry log-strength from same-prompt "
                            "comparisons; 95% intervals over prompts)\n\n"
                            "rank  generator             videos   mean    mean CI             BT      BT CI\n"
                            "   1  sora                      12   9.500    [8.25, 10.75]            — —\n"));
    Ranking people;
    people.byPreference = true;
    people.pairs = 3;
    PreferenceLeaderboardEntry p;
    p.generator = "veo";
    p.comparisons = 3;
    p.wins = 2;
    p.losses = 1;
    p.strength = 0.75;
    people.people.push_back(p);
    QCOMPARE(rankingText(people),
             QStringLiteral("generators ranked by 3 people's preferences (Bradley-Terry strength, sums to 1; "
                            "95% intervals over prompts)\n\n"
                            "rank  generator             compared  wins  losses  ties  strength  CI\n"
                            "   1  veo                          3     2       1     0     0.750  —\n"));
    QCOMPARE(rankingJson(people).value(QStringLiteral("pairs")).toInt(), 3);
  }
};

QTEST_GUILESS_MAIN(TestRankReport)
#include "test_rank_report.moc"
