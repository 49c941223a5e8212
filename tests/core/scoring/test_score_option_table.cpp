// The options score and score-project share (core/scoring/score_option_table.h): given nothing,
// they give the settings the GUI scores with (ScoreSettings' and RemoteSettings' defaults); given
// values reach the settings; the help shows each default once.
#include <QtTest>

#include "core/scoring/score_option_table.h"
#include "core/scoring/single_score.h"

using namespace vs;
using namespace vs::scoring;

namespace {

// Runs a command declared with the rows on `args` and hands its parsed arguments to `check`.
void withArgs(const QStringList& args, const std::function<void(const cli::Args&)>& check) {
  const cli::Command command = cli::declaredCommand(
      cli::Spec{"s", "s VIDEO", "s", {{"video", "v"}}, scoreOptionRows({{"prompt", "p", "TEXT"}}, {})},
      [&check](const cli::Args& a) { return check(a), 0; });
  QCOMPARE(command.run(args), 0);
}

}  // namespace

class TestScoreOptionTable : public QObject {
  Q_OBJECT

 private slots:
  void defaultsAreTheGuisSettings() {
    withArgs({"v.mp4"}, [](const cli::Args& a) {
      const ScoreSettings parsed = scoreSettings(scoreOptionText(a));
      const ScoreSettings gui;
      QCOMPARE(parsed.sampling, gui.sampling);
      QCOMPARE(parsed.temperature, gui.temperature);
      QCOMPARE(parsed.seed, gui.seed);
      QCOMPARE(parsed.maxNewTokens, gui.maxNewTokens);
      QCOMPARE(parsed.fps, gui.fps);
      QCOMPARE(parsed.format, gui.format);
      QCOMPARE(parsed.templateName, gui.templateName);
      QCOMPARE(a.value("device"), LocalModel().device);
      QCOMPARE(a.value("dtype"), LocalModel().dtype);
      QCOMPARE(modelDirOption(a), QString());
    });
    withArgs({"v.mp4", "--server", "http://127.0.0.1:9"}, [](const cli::Args& a) {
      const RemoteSettings parsed = remoteSettings(a);
      const RemoteSettings plain;
      QCOMPARE(parsed.servers, QList<QUrl>{QUrl("http://127.0.0.1:9")});
      QCOMPARE(parsed.concurrency, plain.concurrency);
      QCOMPARE(parsed.timeoutMs, plain.timeoutMs);
      QCOMPARE(parsed.logprobsMode, plain.logprobsMode);
      QCOMPARE(parsed.apiKey, QString());
    });
  }

  void givenValuesReachTheSettings() {
    qputenv("VS_TEST_SCORE_KEY", "secret");
    withArgs({"v.mp4",
              "--temperature",
              "0.3",
              "--seed",
              "9",
              "--max-new-tokens",
              "64",
              "--fps",
              "1.5",
              "--constrained",
              "--model",
              "ckpt",
              "--server",
              "http://a:1",
              "--server",
              "https://b:2/v1",
              "--concurrency",
              "5",
              "--timeout-s",
              "30",
              "--logprobs-mode",
              "raw_logprobs",
              "--api-key-env",
              "VS_TEST_SCORE_KEY",
              "--served-model",
              "vs2"},
             [](const cli::Args& a) {
               const ScoreSettings s = scoreSettings(scoreOptionText(a));
               QCOMPARE(s.temperature, 0.3);
               QCOMPARE(s.seed, quint64(9));
               QCOMPARE(s.maxNewTokens, 64);
               QCOMPARE(s.fps, 1.5);
               QCOMPARE(s.format, ScoreFormat::Constrained);
               QCOMPARE(modelDirOption(a), QFileInfo(QStringLiteral("ckpt")).absoluteFilePath());
               const RemoteSettings r = remoteSettings(a);
               QCOMPARE(r.servers.size(), 2);
               QCOMPARE(r.concurrency, 5);
               QCOMPARE(r.timeoutMs, 30000);
               QCOMPARE(r.logprobsMode, LogprobsMode::Raw);
               QCOMPARE(r.apiKey, QStringLiteral("secret"));
               QCOMPARE(r.servedModel, QStringLiteral("vs2"));
               QCOMPARE(r.modelDir, modelDirOption(a));
             });
    withArgs({"v.mp4", "--greedy"}, [](const cli::Args& a) {
      QCOMPARE(scoreSettings(scoreOptionText(a)).sampling, Sampling::Greedy);
    });
  }

  void helpShowsTheDefaults() {
    QStringList help;
    for (const cli::Opt& o : scoreOptionRows({}, {}))
      help << o.description;
    const QString text = help.join(QLatin1Char('\n'));
    for (const char* shown : {"(default cpu)", "(default f32)", "(default 0.7, the model card's)",
                              "(default 0)", "(default 1024)", "(default 2.0)", "videoscore2 (default)",
                              "(default 2)", "processed_logprobs (default;", "(default 600)"})
      QVERIFY2(text.contains(QLatin1String(shown)), shown);
  }
};

QTEST_GUILESS_MAIN(TestScoreOptionTable)
#include "test_score_option_table.moc"
