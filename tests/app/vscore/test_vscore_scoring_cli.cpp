// vscore score, score-project and serve refusing a command line, run as a separate process the
// way users run them: the exit code and the one error line on stderr for each mistake, checked
// before any model is loaded or any project opened where the old commands checked it so.
#include <QDir>
#include <QProcess>
#include <QtTest>

class TestVscoreScoringCli : public QObject {
  Q_OBJECT
  QString vscore_;
  QString tmp_;

 private slots:
  void initTestCase() {
    vscore_ = qEnvironmentVariable("VSCORE");
    QVERIFY2(QFileInfo(vscore_).isExecutable(), "set VSCORE to the vscore binary");
    tmp_ = qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vscore_scoring_cli"));
    QDir(tmp_).removeRecursively();
    QVERIFY(QDir().mkpath(tmp_));
    QFile video(tmp_ + QStringLiteral("/v.mp4"));
    QVERIFY(video.open(QIODevice::WriteOnly));
    video.write("not read");
  }

  void refusals_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");  // after "vscore: error: "; %1: the scratch folder
    const QStringList v{QStringLiteral("score"), QStringLiteral("v.mp4"),   QStringLiteral("--prompt"),
                        QStringLiteral("p"),     QStringLiteral("--model"), QStringLiteral("m")};
    // A video that exists (it is not read before these errors).
    const QStringList s{QStringLiteral("score"), QStringLiteral("%1/v.mp4"), QStringLiteral("--prompt"),
                        QStringLiteral("p"), QStringLiteral("--server")};
    QTest::newRow("score: nothing") << QStringList{"score"} << 2 << "score needs one VIDEO";
    QTest::newRow("score: two videos")
        << QStringList{"score", "a", "b", "--prompt", "p", "--model", "m"} << 2 << "score needs one VIDEO";
    QTest::newRow("score: no prompt") << QStringList{"score", "a", "--model", "m"} << 2
                                      << "score needs --prompt and --model (or --server URL)";
    QTest::newRow("score: no model") << QStringList{"score", "a", "--prompt", "p"} << 2
                                     << "score needs --prompt and --model (or --server URL)";
    QTest::newRow("score: unknown option")
        << QStringList{"score", "--bogus"} << 2 << "Unknown option 'bogus'.";
    QTest::newRow("temperature") << v + QStringList{"--temperature", "0"} << 2 << "--temperature must be > 0";
    QTest::newRow("seed") << v + QStringList{"--seed", "-1"} << 2 << "--seed must be a non-negative integer";
    QTest::newRow("max-new-tokens") << v + QStringList{"--max-new-tokens", "0"} << 2
                                    << "--max-new-tokens must be >= 1";
    QTest::newRow("fps") << v + QStringList{"--fps", "0"} << 2 << "--fps must be > 0";
    QTest::newRow("template") << v + QStringList{"--template", "nonexistent"} << 2
                              << "nonexistent: no such template (not a preset, not a file)";
    QTest::newRow("template project") << v + QStringList{"--template", "x", "--project", "%1/none.vsproj"}
                                      << 1 << "%1/none.vsproj: no such project file";
    QTest::newRow("no video") << QStringList{"score", "%1/none.mp4", "--prompt", "p", "--model", "m"} << 1
                              << "%1/none.mp4: no such file";
    QTest::newRow("server scheme") << s + QStringList{"ftp://x"} << 2
                                   << "--server ftp://x: not an http(s) URL";
    QTest::newRow("concurrency") << s + QStringList{"http://127.0.0.1:1", "--concurrency", "0"} << 2
                                 << "--concurrency must be >= 1";
    QTest::newRow("api key") << s + QStringList{"http://127.0.0.1:1", "--api-key-env", "VS_TEST_NOT_SET"} << 2
                             << "--api-key-env VS_TEST_NOT_SET: the variable is empty or not set";
    QTest::newRow("top-p") << s + QStringList{"http://127.0.0.1:1", "--top-p", "x"} << 2
                           << "--top-p, --top-k, --repetition-penalty and --timeout-s must be numbers";
    QTest::newRow("logprobs mode") << s + QStringList{"http://127.0.0.1:1", "--logprobs-mode", "raw"} << 2
                                   << "--logprobs-mode: processed_logprobs or raw_logprobs";
    QTest::newRow("video before server")
        << QStringList{"score", "%1/none.mp4", "--prompt", "p", "--server", "ftp://x"} << 1
        << "%1/none.mp4: no such file";
    QTest::newRow("project before server")
        << QStringList{"score-project", "%1/none.vsproj", "--server", "ftp://x"} << 1
        << "%1/none.vsproj: no such project file";
    QTest::newRow("project: server, no project")
        << QStringList{"score-project", "--server", "ftp://x"} << 2
        << "score-project needs PROJECT and --model DIR (or --server URL)";
    QTest::newRow("project: nothing") << QStringList{"score-project"} << 2
                                      << "score-project needs PROJECT and --model DIR (or --server URL)";
    QTest::newRow("project: no model") << QStringList{"score-project", "p.vsproj"} << 2
                                       << "score-project needs PROJECT and --model DIR (or --server URL)";
    QTest::newRow("project: temperature")
        << QStringList{"score-project", "%1/none.vsproj", "--model", "m", "--temperature", "-1"} << 2
        << "--temperature must be > 0";
    QTest::newRow("project: missing") << QStringList{"score-project", "%1/none.vsproj", "--model", "m"} << 1
                                      << "%1/none.vsproj: no such project file";
    QTest::newRow("serve: no model") << QStringList{"serve"} << 2 << "serve needs --model DIR";
    QTest::newRow("serve: port") << QStringList{"serve", "--model", "m", "--port", "70000"} << 2
                                 << "--port must be within 0..65535";
    QTest::newRow("serve: parallel") << QStringList{"serve", "--model", "m", "--parallel", "0"} << 2
                                     << "--parallel must be >= 1";
    QTest::newRow("serve: model") << QStringList{"serve", "--model", "%1/none", "--port", "0"} << 3
                                  << "%1/none: %1/none/tokenizer.json: cannot open";
  }

  void refusals() {
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    for (QString& a : args)
      a.replace(QStringLiteral("%1"), tmp_);
    QProcess p;
    p.setWorkingDirectory(tmp_);
    p.start(vscore_, args);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(QString::fromUtf8(p.readAllStandardError()),
             QStringLiteral("vscore: error: ") + QString(message).replace(QStringLiteral("%1"), tmp_) +
                 QLatin1Char('\n'));
    QCOMPARE(p.exitCode(), code);
    QCOMPARE(p.readAllStandardOutput(), QByteArray());
  }
};

QTEST_GUILESS_MAIN(TestVscoreScoringCli)
#include "test_vscore_scoring_cli.moc"
