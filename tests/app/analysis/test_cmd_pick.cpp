// vscore pick (Best-of-N picks from scripts) and the preference section of vscore audit PROJECT,
// run as a user runs them. Expected numbers are counted by hand in the comments.
#include <QTemporaryDir>

#include "cli_runner.h"

using namespace vs;
using vs::clitest::vscore;

namespace {

QStringList args(std::initializer_list<const char*> words) {
  QStringList out;
  for (const char* w : words) {
    out << QString::fromUtf8(w);
  }
  return out;
}

// p1: four videos with model totals A 6, B 12, C 9, D 9 (integer scores); p2: ten videos whose
// model totals fall with their number (p2_0 15 ... p2_9 6).
QString makeProject(const QTemporaryDir& dir) {
  const QString project = dir.filePath(QStringLiteral("p.vsproj"));
  store::Store s(project, store::OpenMode::CreateNew);
  const qint64 model = s.addAnnotator(QStringLiteral("VideoScore2"), AnnotatorKind::Model);
  const qint64 p1 = s.addPrompt(QStringLiteral("p1"));
  const std::pair<const char*, QJsonArray> p1Videos[] = {
      {"A", {2, 2, 2}}, {"B", {4, 4, 4}}, {"C", {3, 3, 3}}, {"D", {4, 3, 2}}};
  for (const auto& [g, scores] : p1Videos) {
    Video v;
    v.name = QStringLiteral("p1_%1").arg(QLatin1String(g));
    v.promptId = p1;
    v.generator = QLatin1String(g);
    s.upsertEvaluation(clitest::evaluation(s.addVideo(v), model, scores, Origin::Model));
  }
  const qint64 p2 = s.addPrompt(QStringLiteral("p2"));
  for (int i = 0; i < 10; ++i) {
    Video v;
    v.name = QStringLiteral("p2_%1").arg(i);
    v.promptId = p2;
    v.generator = QStringLiteral("g%1").arg(i);
    // Integer scores summing to 15 - i.
    s.upsertEvaluation(clitest::evaluation(s.addVideo(v), model,
                                           {5 - i / 3, 5 - (i + 1) / 3, 5 - (i + 2) / 3}, Origin::Model));
  }
  return project;
}

}  // namespace

class TestCmdPick : public QObject {
  Q_OBJECT
 private slots:
  void pickRecordsReplacesAndRefuses() {
    QTemporaryDir dir;
    const QString project = makeProject(dir);
    auto first = vscore(
        QStringList{QStringLiteral("pick"), project} +
        args({"--annotator", "ana", "--prompt-of", "p1_A", "--best", "p1_C", "--worst", "p1_A", "--json"}));
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QCOMPARE(first.json().value(QStringLiteral("best")).toString(), QStringLiteral("p1_C"));
    QCOMPARE(first.json().value(QStringLiteral("worst")).toString(), QStringLiteral("p1_A"));
    QCOMPARE(first.json().value(QStringLiteral("replaced")).toBool(), false);
    QCOMPARE(first.json().value(QStringLiteral("candidates")).toArray().size(), 4);
    // Picking again for the prompt replaces the pick (no worst this time).
    auto again =
        vscore(QStringList{QStringLiteral("pick"), project} + args({"--annotator", "ana", "--best", "p1_B"}));
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QVERIFY2(again.out.startsWith("updated pick "), again.out.constData());
    {
      store::Store s(project);
      const qint64 ana = s.findAnnotator(QStringLiteral("ana"))->id;
      const auto pick = s.findBestOfNPick(ana, s.findVideoByName(QStringLiteral("p1_A"))->promptId);
      QVERIFY(pick);
      QCOMPARE(pick->bestVideoId, s.findVideoByName(QStringLiteral("p1_B"))->id);
      QVERIFY(!pick->worstVideoId);
      QCOMPARE(pick->candidateVideoIds.size(), 4);
      QCOMPARE(s.bestOfNPicks().size(), 1);
      QVERIFY(s.bestOfNPickHistory(pick->id).size() >= 2);  // created, then changed
    }
    // Refused with a usage error, nothing written: unknown names, the worst equal to the best, a
    // best outside the candidates, a prompt of ten videos without --candidates.
    for (const QStringList& bad : {args({"--annotator", "ana", "--best", "nope"}),
                                   args({"--annotator", "ana", "--best", "p1_A", "--worst", "p1_A"}),
                                   args({"--annotator", "ana", "--prompt-of", "p1_A", "--best", "p2_0"}),
                                   args({"--annotator", "ana", "--best", "p2_1"}), args({"--best", "p1_A"}),
                                   args({"--annotator", "ana", "--best", "p2_1", "--candidates", "p2_1"})}) {
      const auto r = vscore(QStringList{QStringLiteral("pick"), project} + bad);
      QVERIFY2(r.exitCode == 2,
               qPrintable(bad.join(QLatin1Char(' ')) + QStringLiteral(": ") + QString::fromUtf8(r.err)));
    }
    auto named = vscore(
        QStringList{QStringLiteral("pick"), project} +
        args({"--annotator", "ana", "--best", "p2_2", "--worst", "p2_0", "--candidates", "p2_0,p2_1,p2_2"}));
    QVERIFY2(named.exitCode == 0, named.err.constData());
    store::Store s(project);
    QCOMPARE(s.bestOfNPicks().size(), 2);
  }

  void auditReportsPreferences() {
    QTemporaryDir dir;
    const QString project = makeProject(dir);
    auto prefer = [&](const char* who, const char* left, const char* right, const char* choice,
                      bool randomised) {
      QStringList a = QStringList{QStringLiteral("prefer"), project} +
                      args({"--annotator", who, "--left", left, "--right", right, "--choice", choice});
      if (randomised) {
        a << QStringLiteral("--randomised");
      }
      const auto r = vscore(a);
      QVERIFY2(r.exitCode == 0, r.err.constData());
    };
    // Model totals A 6, B 12, C 9, D 9; integer scores, tie threshold 0.5.
    prefer("ana", "p1_A", "p1_B", "right", true);   // B better: model agrees
    prefer("ana", "p1_C", "p1_D", "tie", true);     // model tie: right with ties, skipped without
    prefer("ana", "p1_A", "p1_C", "left", true);    // A better: model says C, wrong
    prefer("bob", "p1_B", "p1_A", "left", false);   // B better: agrees with the model and with ana
    prefer("bob", "p1_A", "p1_C", "right", false);  // C better: agrees with the model, not with ana
    for (const char* pick : {"p1_B", "p2_2"}) {
      QStringList a =
          QStringList{QStringLiteral("pick"), project} + args({"--annotator", "ana", "--best", pick});
      if (QLatin1String(pick) == QLatin1String("p2_2")) {
        a << args({"--worst", "p2_0", "--candidates", "p2_0,p2_1,p2_2,p2_3"});
      }
      QCOMPARE(vscore(a).exitCode, 0);
    }
    const auto r = vscore({QStringLiteral("audit"), project, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject p = r.json().value(QStringLiteral("preferences")).toObject();
    QCOMPARE(p.value(QStringLiteral("pairs")).toInt(), 5);
    QCOMPARE(p.value(QStringLiteral("picks")).toInt(), 2);
    QCOMPARE(p.value(QStringLiteral("scale")).toString(), QStringLiteral("integer"));
    const QJsonObject overall =
        p.value(QStringLiteral("model_accuracy")).toObject().value(QStringLiteral("overall")).toObject();
    // With ties: 4 of 5 right (only ana's A over C is wrong). Without: the tie is skipped, 3 of 4.
    QCOMPARE(
        overall.value(QStringLiteral("with_ties")).toObject().value(QStringLiteral("accuracy")).toDouble(),
        80.0);
    QCOMPARE(overall.value(QStringLiteral("with_ties")).toObject().value(QStringLiteral("total")).toInt(), 5);
    QCOMPARE(
        overall.value(QStringLiteral("without_ties")).toObject().value(QStringLiteral("accuracy")).toDouble(),
        75.0);
    QCOMPARE(overall.value(QStringLiteral("without_ties"))
                 .toObject()
                 .value(QStringLiteral("skipped_ties"))
                 .toInt(),
             1);
    // ana and bob share A-B (agree) and A-C (disagree).
    const QJsonObject people = p.value(QStringLiteral("people_agreement")).toObject();
    QCOMPARE(people.value(QStringLiteral("shared_pairs")).toInt(), 2);
    QCOMPARE(people.value(QStringLiteral("agreement")).toDouble(), 0.5);
    // Only ana's three were shown in random order: one left, one right, one tie.
    const QJsonObject bias = p.value(QStringLiteral("position_bias")).toObject();
    QCOMPARE(bias.value(QStringLiteral("randomised")).toInt(), 3);
    QCOMPARE(bias.value(QStringLiteral("left_share")).toDouble(), 0.5);
    // Picks: p1 best B = the model's pick (B 12 highest); p2 best p2_2 among p2_0..p2_3, the
    // model's pick p2_0 (15), so p2_2 sits 2 places below it, and p2_0 is the people's worst.
    const QJsonObject best = p.value(QStringLiteral("best_of_n")).toObject();
    QCOMPARE(best.value(QStringLiteral("picks")).toInt(), 2);
    QCOMPARE(best.value(QStringLiteral("agreement")).toDouble(), 0.5);
    QCOMPARE(best.value(QStringLiteral("chance_agreement")).toDouble(), 0.25);  // (1/4 + 1/4) / 2
    QCOMPARE(best.value(QStringLiteral("mean_rank_regret")).toDouble(), 1.0);   // (0 + 2) / 2
    QCOMPARE(best.value(QStringLiteral("model_picks_worst")).toDouble(), 1.0);

    // The text report says the same, and no score audit (nobody scored).
    const auto text = vscore({QStringLiteral("audit"), project});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    QVERIFY2(text.out.contains("no score audit"), text.out.constData());
    QVERIFY2(
        text.out.contains(
            "model preference accuracy, overall: 80.000 with ties (4 of 5), 75.000 without ties (3 of 4)"),
        text.out.constData());
    QVERIFY2(text.out.contains("the model's pick is the people's best in 50.0% of 2 picks"),
             text.out.constData());
  }
};

QTEST_MAIN(TestCmdPick)
#include "test_cmd_pick.moc"
