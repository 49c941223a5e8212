// The scorer end to end on a checkpoint these tests did not write themselves: `vscore demo-model`
// (nested tensor names, two shards, seed 11) scored through the real vscore-worker.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "inference/rules/query_template.h"
#include "inference/tokenizer/chat_template.h"
#include "inference/tokenizer/tokenizer.h"

namespace {

QString tmpDir() {
  return QString::fromLocal8Bit(qgetenv("VS_TEST_TMP"));
}

bool runTool(const QString& program, const QStringList& args, int timeout_ms = 120000) {
  QProcess p;
  p.start(program, args);
  if (!p.waitForFinished(timeout_ms))
    return false;
  if (p.exitCode() != 0)
    qWarning("%s", p.readAllStandardError().constData());
  return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// Sends requests to a fresh worker and returns the replies (events dropped), one per request.
QList<QJsonObject> worker(const QList<QJsonObject>& requests) {
  QProcess p;
  p.start(QStringLiteral(VS_WORKER_PATH), {});
  p.waitForStarted();
  for (const QJsonObject& r : requests)
    p.write(QJsonDocument(r).toJson(QJsonDocument::Compact) + '\n');
  p.closeWriteChannel();
  p.waitForFinished(300000);
  QList<QJsonObject> replies;
  for (const QByteArray& line : p.readAllStandardOutput().split('\n')) {
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    if (!o.isEmpty() && !o.contains(QStringLiteral("event")))
      replies.append(o);
  }
  return replies;
}

}  // namespace

class TestScorer : public QObject {
  Q_OBJECT
  QString model_;
  QString clip_;

 private slots:
  void initTestCase() {
    QDir().mkpath(tmpDir());
    model_ = tmpDir() + QStringLiteral("/demo-model");
    clip_ = tmpDir() + QStringLiteral("/clip.mp4");
    QVERIFY(runTool(QStringLiteral(VS_VSCORE_PATH),
                    {QStringLiteral("demo-model"), QStringLiteral("--out"), model_, QStringLiteral("--seed"),
                     QStringLiteral("11"), QStringLiteral("--layout"), QStringLiteral("nested"),
                     QStringLiteral("--shards"), QStringLiteral("2"), QStringLiteral("--tie")}));
    QVERIFY(runTool(QStringLiteral("ffmpeg"),
                    {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                     QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                     QStringLiteral("testsrc=duration=2:size=96x72:rate=4"), QStringLiteral("-pix_fmt"),
                     QStringLiteral("yuv420p"), clip_}));
  }

  // qwen25vl.md 6.3: the release template around "A red fox running through snow." after the
  // video pads is 117 ids, starting <|vision_end|> "\n" "   " " You".
  void promptTokenIdsOfAKnownPrompt() {
    const auto tok =
        vs::tokenizer::Tokenizer::fromFile((model_ + QStringLiteral("/tokenizer.json")).toStdString());
    const std::string text =
        vs::videoscore2::QueryTemplate::release().render("A red fox running through snow.");
    const auto ids = vs::tokenizer::videoPromptIds(*tok, text, 3);
    const std::vector<int32_t> prefix{151644, 8948,   198, 2610,   525, 264, 10950, 17847,
                                      13,     151645, 198, 151644, 872, 198, 151652};
    const std::vector<int32_t> suffix{
        151653, 198,   262,   1446,  525,  458,   6203,  369,   37563,  15235, 16185,  6803,  504,
        2326,   15336, 510,   262,   320,  16,    8,     9124,  4271,   1365,  31273,  11,    10876,
        2090,   11,    35036, 280,   262,  320,   17,    8,     1467,   4686,  41311,  17189, 1365,
        82504,  311,   279,   9934,  280,  262,   320,   18,    8,      6961,  11356,  1331,  1117,
        28137,  1365,  5810,  2090,  323,  21321, 625,   11855, 3147,   382,   262,    8354,  9934,
        25,     362,   2518,  38835, 4303, 1526,  11794, 382,   262,    5209,  2550,   304,   419,
        3561,   510,   262,   9124,  4271, 25,    366,   85,    10405,  65795, 715,    262,   1467,
        4686,   41311, 17189, 25,    366,  83,    10405, 8066,  715,    262,   6961,   11356, 1331,
        1117,   28137, 25,    366,   79,   10405, 397,   257,   151645, 198,   151644, 77091, 198};
    QCOMPARE(suffix.size(), size_t{117});
    QCOMPARE(ids.size(), prefix.size() + 3 + suffix.size());
    QVERIFY(std::equal(prefix.begin(), prefix.end(), ids.begin()));
    QVERIFY(std::all_of(ids.begin() + 15, ids.begin() + 18, [](int32_t id) { return id == 151656; }));
    QVERIFY(std::equal(suffix.begin(), suffix.end(), ids.begin() + 18));
  }

  void constrainedDecodingAlwaysParsesAndSeedsReproduce() {
    QList<QJsonObject> requests{
        QJsonObject{{"id", 0}, {"method", "load"}, {"params", QJsonObject{{"model", model_}}}}};
    const QList<int> seeds{1, 2, 3, 1};
    for (int i = 0; i < seeds.size(); ++i) {
      requests.append(QJsonObject{{"id", i + 1},
                                  {"method", "score"},
                                  {"params", QJsonObject{{"video", clip_},
                                                         {"prompt", "A test pattern."},
                                                         {"temperature", 1.0},
                                                         {"seed", seeds[i]},
                                                         {"max_new_tokens", 40},
                                                         {"constrained", true}}}});
    }
    requests.append(QJsonObject{
        {"id", 9},
        {"method", "score"},
        {"params",
         QJsonObject{
             {"video", clip_}, {"prompt", "A test pattern."}, {"greedy", true}, {"max_new_tokens", 12}}}});
    const QList<QJsonObject> replies = worker(requests);
    QCOMPARE(replies.size(), requests.size());
    QVERIFY2(replies[0].contains("result"), QJsonDocument(replies[0]).toJson().constData());
    for (int i = 1; i <= seeds.size(); ++i) {
      const QJsonObject r = replies[i].value("result").toObject();
      QVERIFY2(r.value("parsed").toBool(), qPrintable(r.value("text").toString()));
      QVERIFY(r.value("constrained").toBool());
      for (const char* key : {"visual", "t2v", "phy"}) {
        const int s = r.value("scores").toObject().value(key).toInt();
        QVERIFY(s >= 1 && s <= 5);
        QVERIFY(r.value("soft_scores").toObject().value(key).isDouble());
      }
      QCOMPARE(r.value("sampler").toObject().value("grid_thw").toArray().size(), 3);
      QCOMPARE(r.value("settings").toObject().value("seed").toInt(), seeds[i - 1]);
      // One prefill of the prompt (video included) per score, whatever started the block.
      QCOMPARE(r.value("prefills").toInt(), 1);
      QCOMPARE(r.value("prompt_tokens").toInt() > 0, true);
      const QJsonObject sources =
          r.value("settings").toObject().value("generation").toObject().value("soft_score_source").toObject();
      for (const char* key : {"visual", "t2v", "phy"}) {
        const QString source = sources.value(key).toString();
        QVERIFY2(source == "processed" || source == "pre_warper", qPrintable(source));
      }
    }
    // The same seed gives the same text.
    QCOMPARE(replies[4].value("result").toObject().value("text").toString(),
             replies[1].value("result").toObject().value("text").toString());
    const QJsonObject free = replies[5].value("result").toObject();
    QCOMPARE(free.value("constrained").toBool(), false);
    QCOMPARE(free.value("generated_tokens").toInt(), 12);
    QCOMPARE(free.value("prefills").toInt(), 1);
  }

  void perStepLogprobsKeepTheTopOnlyAndChangeNoResult() {
    // Asking for top_logprobs keeps k entries per step (plus the digits) and changes neither the
    // text nor the scores or soft scores, in both formats; sampling parameters reach the
    // generation as given.
    QList<QJsonObject> requests{
        QJsonObject{{"id", 0}, {"method", "load"}, {"params", QJsonObject{{"model", model_}}}}};
    int id = 1;
    for (bool constrained : {true, false}) {
      for (bool logprobs : {false, true}) {
        QJsonObject params{{"video", clip_},
                           {"prompt", "A test pattern."},
                           {"greedy", true},
                           {"max_new_tokens", 24},
                           {"constrained", constrained}};
        if (logprobs) {
          params.insert("top_logprobs", 4);
          params.insert("digit_logprobs", true);
        }
        requests.append(QJsonObject{{"id", id++}, {"method", "score"}, {"params", params}});
      }
    }
    requests.append(QJsonObject{{"id", id++},
                                {"method", "score"},
                                {"params", QJsonObject{{"video", clip_},
                                                       {"prompt", "A test pattern."},
                                                       {"temperature", 0.9},
                                                       {"top_k", 7},
                                                       {"top_p", 0.8},
                                                       {"repetition_penalty", 1.3},
                                                       {"max_new_tokens", 4}}}});
    requests.append(QJsonObject{
        {"id", id++},
        {"method", "score"},
        {"params",
         QJsonObject{{"video", clip_}, {"prompt", "A test pattern."}, {"greedy", true}, {"top_p", 1.5}}}});
    const QList<QJsonObject> replies = worker(requests);
    QCOMPARE(replies.size(), requests.size());
    for (int pair = 0; pair < 2; ++pair) {
      const QJsonObject plain = replies[1 + 2 * pair].value("result").toObject();
      const QJsonObject with = replies[2 + 2 * pair].value("result").toObject();
      QVERIFY2(!plain.isEmpty() && !with.isEmpty(),
               QJsonDocument(replies[2 + 2 * pair]).toJson().constData());
      QCOMPARE(with.value("text").toString(), plain.value("text").toString());
      QCOMPARE(with.value("scores").toObject(), plain.value("scores").toObject());
      QCOMPARE(with.value("soft_scores").toObject(), plain.value("soft_scores").toObject());
      QVERIFY(!plain.contains("logprobs"));
      const QJsonArray steps = with.value("logprobs").toArray();
      QCOMPARE(steps.size(), with.value("generated_tokens").toInt());
      for (const QJsonValue& step : steps) {
        const int n = static_cast<int>(step.toObject().value("top").toArray().size());
        QVERIFY2(n >= 4 && n <= 9, qPrintable(QString::number(n)));  // 4, plus digits not among them
      }
    }
    QVERIFY(replies[1].value("result").toObject().value("parsed").toBool());
    const QJsonObject generation =
        replies[5].value("result").toObject().value("settings").toObject().value("generation").toObject();
    QCOMPARE(generation.value("top_k").toInt(), 7);
    QCOMPARE(generation.value("top_p").toDouble(), 0.8);
    QCOMPARE(generation.value("repetition_penalty").toDouble(), 1.3);
    QCOMPARE(replies[6].value("error").toObject().value("code").toString(),
             QStringLiteral("invalid_request"));
  }

  void damagedCheckpointIsBadModel() {
    const QString broken = tmpDir() + QStringLiteral("/broken-model");
    QVERIFY(runTool(QStringLiteral(VS_VSCORE_PATH),
                    {QStringLiteral("demo-model"), QStringLiteral("--out"), broken}));
    QFile f(broken + QStringLiteral("/model.safetensors"));
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.resize(f.size() / 2));
    f.close();
    const QList<QJsonObject> replies =
        worker({QJsonObject{{"id", 1}, {"method", "load"}, {"params", QJsonObject{{"model", broken}}}}});
    QCOMPARE(replies.size(), 1);
    QCOMPARE(replies[0].value("error").toObject().value("code").toString(), QStringLiteral("bad_model"));
  }
};

QTEST_GUILESS_MAIN(TestScorer)
#include "test_scorer.moc"
