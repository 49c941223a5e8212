// Kill -9 the window mid-session: everything committed before the kill is in the project file,
// the stale lock does not make the next window read-only, and it reopens at the last item.
#include <QProcess>
#include <QSettings>
#include <QTest>

#include "core/store/store.h"
#include "tests/ui/workstation_test_project.h"
#include "ui/annotation/annotation_session.h"
#include "ui/window/main_window.h"

using namespace vs;

class TestCrashRecovery : public QObject {
  Q_OBJECT
 private slots:
  void killedWindowLosesNothingCommitted() {
    const QString tmp = qEnvironmentVariable("VS_TEST_TMP");
    QDir(tmp).removeRecursively();
    QDir().mkpath(tmp);
    qputenv("XDG_CONFIG_HOME", (tmp + QStringLiteral("/config")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("VideoScore"));
    QCoreApplication::setApplicationName(QStringLiteral("VideoScore Studio"));
    QSettings().setValue(QStringLiteral("annotator/name"), QStringLiteral("bob"));
    QSettings().sync();
    const QString path = test::makeProject(tmp + QStringLiteral("/kill"), 2);

    QProcess target;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VS_CRASH_PROJECT"), path);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    target.setProcessEnvironment(env);
    target.start(QStringLiteral(VS_CRASH_TARGET), {});
    QVERIFY(target.waitForStarted(10000));
    QByteArray out;
    QElapsedTimer clock;
    clock.start();
    while (!out.contains("committed 9 ") && clock.elapsed() < 30000) {
      target.waitForReadyRead(500);
      out += target.readAllStandardOutput();
    }
    QVERIFY2(out.contains("committed 9 "), out.constData());
    target.kill();  // SIGKILL: no close event, no destructors
    QVERIFY(target.waitForFinished(10000));
    QCOMPARE(target.exitStatus(), QProcess::CrashExit);
    out += target.readAllStandardOutput();
    const QList<QByteArray> lines = out.trimmed().split('\n');
    const qint64 lastItem = lines.back().split(' ').value(2).toLongLong();

    // Scores as the target typed them (hand-derived from its key list): v01 4 3 5; v02 2 2 1;
    // v03 accepted model (row 3: 5 3 4); v04 visual 5, t2v 5.
    store::Store check(path);
    const qint64 bob = check.findAnnotator(QStringLiteral("bob"))->id;
    auto scores = [&](const char* name) {
      return check.findEvaluation(check.findVideoByName(QString::fromLatin1(name))->id, bob)->scores;
    };
    QCOMPARE(scores("v01").value, (std::array<std::optional<double>, 3>{4.0, 3.0, 5.0}));
    QCOMPARE(scores("v02").value, (std::array<std::optional<double>, 3>{2.0, 2.0, 1.0}));
    QCOMPARE(scores("v03").value, (std::array<std::optional<double>, 3>{5.0, 3.0, 4.0}));
    QCOMPARE(check.findEvaluation(check.findVideoByName(QStringLiteral("v03"))->id, bob)->origin,
             Origin::ModelAccepted);
    QCOMPARE(scores("v04")[Dimension::Visual], std::optional<double>(5.0));
    QCOMPARE(scores("v04")[Dimension::T2V], std::optional<double>(5.0));

    ui::MainWindow again;
    QVERIFY(again.openProject(path, ui::BusyPolicy::ReadOnly));
    QVERIFY2(!again.isReadOnly(), "the killed process's lock is stale");
    QCOMPARE(again.currentVideo(), lastItem);
    QCOMPARE(again.session()->mine(lastItem)->scores[Dimension::Visual], std::optional<double>(5.0));
  }
};

QTEST_MAIN(TestCrashRecovery)
#include "test_crash_recovery.moc"
