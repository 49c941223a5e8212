// Scoring settings from option text: the values a command line gives, each wrong value refused
// with the message vscore prints, the template found in a project only when one is asked for,
// and the remote settings sampling as the checkpoint's generation_config.json says.
#include <QDir>
#include <QFile>
#include <QtTest>

#include "core/domain/error.h"
#include "core/scoring/score_options.h"
#include "core/scoring/template_library.h"
#include "core/store/store.h"

using namespace vs;
using namespace vs::scoring;

namespace {

QString scratch(const QString& name) {
  const QString dir =
      qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath()) + QStringLiteral("/score_options");
  QDir().mkpath(dir);
  return QDir(dir).filePath(name);
}

// The message of the vs::Error(Usage) `f` throws; "no error" or "kind N: ..." otherwise.
QString usageMessage(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.kind() == Error::Kind::Usage ? e.full()
                                          : QStringLiteral("kind %1: %2").arg(int(e.kind())).arg(e.full());
  }
  return QStringLiteral("no error");
}

}  // namespace

class TestScoreOptions : public QObject {
  Q_OBJECT
 private slots:
  void valuesBecomeSettings() {
    ScoreOptionText t;
    t.temperature = QStringLiteral("0.25");
    t.seed = QStringLiteral("18446744073709551615");
    t.maxNewTokens = QStringLiteral("12");
    t.fps = QStringLiteral("1.5");
    t.constrained = true;
    t.templateChoice = QStringLiteral("videoscore2-eval");
    const ScoreSettings s = scoreSettings(t);
    QCOMPARE(s.sampling, Sampling::Temperature);
    QCOMPARE(s.temperature, 0.25);
    QCOMPARE(s.seed, quint64{18446744073709551615ull});
    QCOMPARE(s.maxNewTokens, 12);
    QCOMPARE(s.fps, 1.5);
    QCOMPARE(s.format, ScoreFormat::Constrained);
    QCOMPARE(s.templateName, QStringLiteral("videoscore2-eval"));
    QVERIFY(s.templateText.isEmpty());
    // Greedy leaves the temperature unread, so a wrong one does not matter.
    t.greedy = true;
    t.temperature = QStringLiteral("hot");
    QCOMPARE(scoreSettings(t).sampling, Sampling::Greedy);
    QCOMPARE(scoreSettings(ScoreOptionText{}).templateName, QStringLiteral("videoscore2"));
  }

  void wrongValuesAreUsageErrors_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("temperature 0") << "temperature"
                                   << "0"
                                   << "--temperature must be > 0";
    QTest::newRow("temperature text") << "temperature"
                                      << "x"
                                      << "--temperature must be > 0";
    QTest::newRow("seed negative") << "seed"
                                   << "-1"
                                   << "--seed must be a non-negative integer";
    QTest::newRow("max-new-tokens 0") << "maxNewTokens"
                                      << "0"
                                      << "--max-new-tokens must be >= 1";
    QTest::newRow("fps 0") << "fps"
                           << "0"
                           << "--fps must be > 0";
    QTest::newRow("fps text") << "fps"
                              << "two"
                              << "--fps must be > 0";
    QTest::newRow("template") << "template"
                              << "no-such-template"
                              << "no-such-template: no such template (not a preset, not a file)";
  }
  void wrongValuesAreUsageErrors() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    ScoreOptionText t;
    (field == "temperature"    ? t.temperature
     : field == "seed"         ? t.seed
     : field == "maxNewTokens" ? t.maxNewTokens
     : field == "fps"          ? t.fps
                               : t.templateChoice) = value;
    QCOMPARE(usageMessage([&] { scoreSettings(t); }), message);
  }

  void projectTemplatesOnlyWhenAsked() {
    const QString path = scratch(QStringLiteral("templates.vsproj"));
    QFile::remove(path);
    store::Store project(path, store::OpenMode::CreateNew);
    saveProjectTemplate(project, QStringLiteral("short"), QStringLiteral("Rate $t2v_prompt."));
    ScoreOptionText t;
    t.templateChoice = QStringLiteral("short");
    int asked = 0;
    const ScoreSettings s = scoreSettings(t, [&] { return ++asked, &project; });
    QCOMPARE(s.templateName, QStringLiteral("short"));
    QCOMPARE(s.templateText, QStringLiteral("Rate $t2v_prompt."));
    QCOMPARE(asked, 1);
    // A wrong value is reported before the project is opened.
    t.fps = QStringLiteral("0");
    QCOMPARE(usageMessage([&] { scoreSettings(t, [&] { return ++asked, &project; }); }),
             QStringLiteral("--fps must be > 0"));
    QCOMPARE(asked, 1);
    // Without a project the saved name is unknown.
    t.fps = QStringLiteral("2");
    QCOMPARE(usageMessage([&] { scoreSettings(t); }),
             QStringLiteral("short: no such template (not a preset, not a file)"));
  }

  void remoteValues() {
    const QString model = scratch(QStringLiteral("checkpoint"));
    QDir().mkpath(model);
    QFile config(model + QStringLiteral("/generation_config.json"));
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(R"({"top_k": 0, "top_p": 0.001, "repetition_penalty": 1.05, "do_sample": true})");
    config.close();
    qputenv("VS_TEST_SCORE_OPTIONS_KEY", "sk-123");
    RemoteOptionText t;
    t.servers = QStringList{QStringLiteral("http://127.0.0.1:8000"), QStringLiteral("https://gpu.lab/v1")};
    t.servedModel = QStringLiteral("vs2");
    t.concurrency = QStringLiteral("3");
    t.apiKeyVariable = QStringLiteral("VS_TEST_SCORE_OPTIONS_KEY");
    t.modelDir = model;
    t.timeoutS = QStringLiteral("2.5");
    t.logprobsMode = QStringLiteral("raw_logprobs");
    RemoteSettings r = remoteSettings(t);
    QCOMPARE(r.servers, (QList<QUrl>{QUrl(QStringLiteral("http://127.0.0.1:8000")),
                                     QUrl(QStringLiteral("https://gpu.lab/v1"))}));
    QCOMPARE(r.servedModel, QStringLiteral("vs2"));
    QCOMPARE(r.concurrency, 3);
    QCOMPARE(r.apiKey, QStringLiteral("sk-123"));
    QCOMPARE(r.modelDir, model);
    QCOMPARE(r.sampling.topK, -1);  // 0 in the file: off
    QCOMPARE(r.sampling.topP, 0.001);
    QCOMPARE(r.sampling.repetitionPenalty, 1.05);
    QCOMPARE(r.timeoutMs, 2500);
    QCOMPARE(r.logprobsMode, LogprobsMode::Raw);
    // Given values win over the checkpoint's.
    t.topP = QStringLiteral("0.9");
    t.topK = QStringLiteral("20");
    t.repetitionPenalty = QStringLiteral("1.2");
    r = remoteSettings(t);
    QCOMPARE(r.sampling.topK, 20);
    QCOMPARE(r.sampling.topP, 0.9);
    QCOMPARE(r.sampling.repetitionPenalty, 1.2);
    // No checkpoint: transformers' defaults.
    r = remoteSettings(RemoteOptionText{});
    QCOMPARE(r.sampling.topK, 50);
    QCOMPARE(r.sampling.topP, 1.0);
    QCOMPARE(r.logprobsMode, LogprobsMode::Processed);
    QCOMPARE(r.timeoutMs, 600000);
    QCOMPARE(r.concurrency, 2);
  }

  void wrongRemoteValuesAreUsageErrors() {
    const auto message = [](const std::function<void(RemoteOptionText&)>& change) {
      RemoteOptionText t;
      change(t);
      return usageMessage([&] { remoteSettings(t); });
    };
    QCOMPARE(message([](RemoteOptionText& t) { t.servers << QStringLiteral("ftp://x"); }),
             QStringLiteral("--server ftp://x: not an http(s) URL"));
    QCOMPARE(message([](RemoteOptionText& t) { t.concurrency = QStringLiteral("0"); }),
             QStringLiteral("--concurrency must be >= 1"));
    qunsetenv("VS_TEST_SCORE_OPTIONS_UNSET");
    QCOMPARE(message([](RemoteOptionText& t) {
               t.apiKeyVariable = QStringLiteral("VS_TEST_SCORE_OPTIONS_UNSET");
             }),
             QStringLiteral("--api-key-env VS_TEST_SCORE_OPTIONS_UNSET: the variable is empty or not set"));
    const QString numbers =
        QStringLiteral("--top-p, --top-k, --repetition-penalty and --timeout-s must be numbers");
    QCOMPARE(message([](RemoteOptionText& t) { t.topP = QStringLiteral("x"); }), numbers);
    QCOMPARE(message([](RemoteOptionText& t) { t.topK = QStringLiteral("1.5"); }), numbers);
    QCOMPARE(message([](RemoteOptionText& t) { t.repetitionPenalty = QString(); }), numbers);
    QCOMPARE(message([](RemoteOptionText& t) { t.timeoutS = QStringLiteral("0"); }), numbers);
    QCOMPARE(message([](RemoteOptionText& t) { t.logprobsMode = QStringLiteral("logprobs"); }),
             QStringLiteral("--logprobs-mode: processed_logprobs or raw_logprobs"));
    // An unreadable generation_config.json stops the command before any request.
    const QString model = scratch(QStringLiteral("broken"));
    QDir().mkpath(model);
    QFile config(model + QStringLiteral("/generation_config.json"));
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write("[1, 2");
    config.close();
    QVERIFY(message([&](RemoteOptionText& t) {
              t.modelDir = model;
            }).startsWith(model + QStringLiteral("/generation_config.json: ")));
  }
};

QTEST_GUILESS_MAIN(TestScoreOptions)
#include "test_score_options.moc"
