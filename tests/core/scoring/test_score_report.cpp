// The text of one score and of a batch run. The results are real worker results
// (tests/data/scoring/make_results.sh); every expected line is written out by hand.
#include <QFile>
#include <QJsonDocument>
#include <QtTest>

#include "core/scoring/score_report.h"

using namespace vs::scoring;

namespace {

QJsonObject result(const QString& name) {
  QFile f(QStringLiteral(VS_TEST_DATA_DIR "/scoring/") + name);
  if (!f.open(QIODevice::ReadOnly))
    qFatal("cannot read %s", qPrintable(f.fileName()));
  return QJsonDocument::fromJson(f.readAll()).object();
}

}  // namespace

class TestScoreReport : public QObject {
  Q_OBJECT
 private slots:
  void parsedResult() {
    QCOMPARE(scoreResultText(result(QStringLiteral("demo_result_parsed.json"))),
             QStringLiteral("visual quality: 5; \n"
                            "text-to-video alignment: 5, \n"
                            "physical/common-sense consistency: 5\n"
                            "\n"
                            "visual   5  (soft 1.1954)\n"
                            "t2v      5  (soft 1.1930)\n"
                            "phy      5  (soft 1.1924)\n"
                            "parsed yes, constrained yes, 409 prompt + 25 generated tokens, 4 frames (grid "
                            "2x20x28), 1261 ms\n"));
  }

  void unparsedResult() {
    QCOMPARE(scoreResultText(result(QStringLiteral("demo_result_unparsed.json"))),
             QString::fromUtf8(" gaugeкал tenth pager centro成Rootlac\n"
                               "\n"
                               "visual   -  (soft -)\n"
                               "t2v      -  (soft -)\n"
                               "phy      -  (soft -)\n"
                               "parsed no, constrained no, 409 prompt + 8 generated tokens, 4 frames (grid "
                               "2x20x28), 1300 ms\n"));
  }

  void scoreProgress() {
    QCOMPARE(scoreProgressText(QJsonObject{{"stage", "generating"}, {"tokens", 13}}),
             QStringLiteral("\rgenerating 13 tokens   "));
    QCOMPARE(scoreProgressText(QJsonObject()), QStringLiteral("\n"));
  }

  void batchLines() {
    QCOMPARE(batchStartText(2, QStringLiteral("/models/vs2"), QStringLiteral("vs2")),
             QStringLiteral("2 videos to score with /models/vs2 as \"vs2\"\n"));
    BatchProgress p;
    p.total = 5;
    p.done = 2;
    p.failed = 1;
    p.elapsedS = 12.34;
    QCOMPARE(batchProgressText(p), QStringLiteral("\r2/5 scored, 1 failed, 12.3 s elapsed, ETA ? s   "));
    p.etaS = 8.2;
    QCOMPARE(batchProgressText(p), QStringLiteral("\r2/5 scored, 1 failed, 12.3 s elapsed, ETA 8 s   "));
    QCOMPARE(batchFailureText(QStringLiteral("sora/cat"), QStringLiteral("bad_video"),
                              QStringLiteral("no frames")),
             QStringLiteral("\nvscore: error: sora/cat: bad_video: no frames\n"));
  }

  void batchSummary() {
    BatchProgress end;
    end.total = 5;
    end.done = 4;
    end.failed = 1;
    end.elapsedS = 30;
    QCOMPARE(batchSummaryText(end, {}),
             QStringLiteral("scored 4 of 5 videos (1 failed) in 30.0 s; 8.00 videos/min\n"));
    RemoteScoringQueue::ServerStats a;
    a.url = QStringLiteral("http://gpu-a:8000");
    a.done = 3;
    RemoteScoringQueue::ServerStats b;
    b.url = QStringLiteral("http://gpu-b:8000");
    b.done = 1;
    b.failed = 1;
    b.down = QStringLiteral("GET /health: Connection refused");
    QCOMPARE(
        batchSummaryText(end, {a, b}),
        QStringLiteral("scored 4 of 5 videos (1 failed) in 30.0 s; 8.00 videos/min\n"
                       "  http://gpu-a:8000: 3 scored, 0 failed, 6.00 videos/min\n"
                       "  http://gpu-b:8000: 1 scored, 1 failed, 2.00 videos/min (left out: GET /health: "
                       "Connection refused)\n"));
    // Nothing to score: no rate from a zero time.
    QCOMPARE(batchSummaryText(BatchProgress{}, {}),
             QStringLiteral("scored 0 of 0 videos (0 failed) in 0.0 s; 0.00 videos/min\n"));
  }
};

QTEST_GUILESS_MAIN(TestScoreReport)
#include "test_score_report.moc"
