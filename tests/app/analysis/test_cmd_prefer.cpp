// vscore prefer / export --format pairs / import / rank --by preference, run as a user runs them.
#include <QTemporaryDir>

#include "cli_runner.h"

using namespace vs;
using vs::clitest::vscore;

class TestCmdPrefer : public QObject {
  Q_OBJECT
 private slots:
  void preferExportImportRank() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.vsproj"));
    {
      store::Store s(project, store::OpenMode::CreateNew);
      for (const char* prompt : {"p1", "p2"}) {
        const qint64 id = s.addPrompt(QLatin1String(prompt));
        for (const char* g : {"A", "B", "C"}) {
          Video v;
          v.name = QStringLiteral("%1_%2").arg(QLatin1String(prompt), QLatin1String(g));
          v.promptId = id;
          v.generator = QLatin1String(g);
          s.addVideo(v);
        }
      }
    }
    const QStringList judgements{QStringLiteral("p1_A p1_B left"),  QStringLiteral("p1_B p1_C left"),
                                 QStringLiteral("p1_A p1_C tie"),   QStringLiteral("p2_A p2_B left"),
                                 QStringLiteral("p2_C p2_B right"), QStringLiteral("p2_A p2_C left")};
    for (const QString& j : judgements) {
      const QStringList w = j.split(QLatin1Char(' '));
      const auto r = vscore({QStringLiteral("prefer"), project, QStringLiteral("--annotator"),
                             QStringLiteral("ana"), QStringLiteral("--left"), w[0], QStringLiteral("--right"),
                             w[1], QStringLiteral("--choice"), w[2]});
      QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    // Same pair, other order: replaces the judgement.
    auto again = vscore({QStringLiteral("prefer"), project, QStringLiteral("--annotator"),
                         QStringLiteral("ana"), QStringLiteral("--left"), QStringLiteral("p1_C"),
                         QStringLiteral("--right"), QStringLiteral("p1_A"), QStringLiteral("--choice"),
                         QStringLiteral("right"), QStringLiteral("--json")});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.json().value(QStringLiteral("replaced")).toString(), QStringLiteral("tie"));
    QCOMPARE(vscore({QStringLiteral("prefer"), project, QStringLiteral("--annotator"), QStringLiteral("ana"),
                     QStringLiteral("--left"), QStringLiteral("p1_A"), QStringLiteral("--right"),
                     QStringLiteral("nope"), QStringLiteral("--choice"), QStringLiteral("left")})
                 .exitCode,
             2);
    QCOMPARE(vscore({QStringLiteral("prefer"), project, QStringLiteral("--annotator"), QStringLiteral("ana"),
                     QStringLiteral("--left"), QStringLiteral("p1_A"), QStringLiteral("--right"),
                     QStringLiteral("p1_B"), QStringLiteral("--choice"), QStringLiteral("better")})
                 .exitCode,
             2);

    const QString pairs = dir.filePath(QStringLiteral("pairs.json"));
    QCOMPARE(vscore({QStringLiteral("export"), project, QStringLiteral("--format"), QStringLiteral("pairs"),
                     QStringLiteral("--out"), pairs})
                 .exitCode,
             0);
    QFile f(pairs);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray exported = QJsonDocument::fromJson(f.readAll()).array();
    QCOMPARE(exported.size(), 6);
    const QJsonObject first = exported[0].toObject();
    for (const char* key : {"left", "right", "preference", "annotator", "dimension", "prompt"}) {
      QVERIFY2(first.contains(QLatin1String(key)), key);
    }
    QCOMPARE(first[QStringLiteral("prompt")].toString(), QStringLiteral("p1"));

    // Read back into a new project (format detected), and through Label Studio's format.
    const QString other = dir.filePath(QStringLiteral("q.vsproj"));
    QCOMPARE(vscore({QStringLiteral("init"), other}).exitCode, 0);
    const auto imported = vscore({QStringLiteral("import"), other, pairs});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QVERIFY(imported.out.contains("imported 6 preferences"));
    const QString ls = dir.filePath(QStringLiteral("ls.json"));
    QCOMPARE(vscore({QStringLiteral("export"), other, QStringLiteral("--format"),
                     QStringLiteral("labelstudio-pairwise"), QStringLiteral("--out"), ls})
                 .exitCode,
             0);
    const auto back = vscore({QStringLiteral("import"), other, ls});
    QVERIFY2(back.exitCode == 0, back.err.constData());
    QVERIFY2(back.out.contains("0 created, 6 updated"), back.out.constData());

    const auto rank = vscore({QStringLiteral("rank"), project, QStringLiteral("--by"),
                              QStringLiteral("preference"), QStringLiteral("--json")});
    QVERIFY2(rank.exitCode == 0, rank.err.constData());
    const QJsonArray board = rank.json().value(QStringLiteral("leaderboard")).toArray();
    QCOMPARE(board.size(), 3);
    QStringList order;
    double sum = 0;
    for (const QJsonValue& e : board) {
      order << e.toObject()[QStringLiteral("generator")].toString();
      sum += e.toObject()[QStringLiteral("strength")].toDouble();
    }
    QCOMPARE(order, (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
    QVERIFY(std::fabs(sum - 1.0) < 1e-9);
  }
};

QTEST_GUILESS_MAIN(TestCmdPrefer)
#include "test_cmd_prefer.moc"
