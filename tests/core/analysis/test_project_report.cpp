// core/analysis/project_report.cpp: the stats, team and lease texts and JSON (expected text
// written out by hand), on a project store.
#include <QTemporaryDir>
#include <QtTest>

#include "core/analysis/project_report.h"
#include "core/store/store.h"

using namespace vs;
using namespace vs::analysis;

class TestProjectReport : public QObject {
  Q_OBJECT
 private slots:
  void stats() {
    store::ProjectStats st;
    st.prompts = 2;
    st.videos = 3;
    st.evaluations = 4;
    st.annotators = 1;
    st.histogram[0] = {1, 0, 2, 0, 1};
    QCOMPARE(statsText(st),
             QStringLiteral("prompts      2\nvideos       3\nevaluations  4\nannotators   1\n\n"
                            "score histogram    1      2      3      4      5\n"
                            "visual             1      0      2      0      1\n"
                            "t2v                0      0      0      0      0\n"
                            "phy                0      0      0      0      0\n"));
    const QJsonObject o = statsJson(st);
    QCOMPARE(o.value(QStringLiteral("videos")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("histograms"))
                 .toObject()
                 .value(QStringLiteral("visual"))
                 .toArray()
                 .at(2)
                 .toInt(),
             2);
  }

  void teamAndLeases() {
    QTemporaryDir dir;
    store::Store s(dir.filePath(QStringLiteral("p.vsproj")), store::OpenMode::CreateNew);
    QCOMPARE(leaseText(std::nullopt), QStringLiteral("nothing left to judge\n"));
    QVERIFY(leaseJson(std::nullopt).value(QStringLiteral("video_name")).isNull());
    Video v;
    v.name = QStringLiteral("clip");
    v.promptId = s.addPrompt(QStringLiteral("a cat"));
    s.addVideo(v);
    s.setJudgementsPerVideo(2);
    const auto lease = s.leaseNext(QStringLiteral("ana"), 60);
    QVERIFY(lease.has_value());
    const QString until = lease->expires.toString(Qt::ISODateWithMs);
    QVERIFY(until.endsWith(QLatin1Char('Z')));
    QCOMPARE(leaseText(lease), QStringLiteral("clip\t(leased until %1)\n").arg(until));
    QCOMPARE(teamText(s),
             QStringLiteral("judgements per video  2\nlive leases           1\n  clip\tana\tuntil %1\n")
                 .arg(until));
    const QJsonObject team = teamJson(s);
    QCOMPARE(team.value(QStringLiteral("judgements_per_video")).toInt(), 2);
    QCOMPARE(team.value(QStringLiteral("leases"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("annotator"))
                 .toString(),
             QStringLiteral("ana"));
  }
};

QTEST_GUILESS_MAIN(TestProjectReport)
#include "test_project_report.moc"
