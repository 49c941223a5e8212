// Replies in the shapes vLLM's OpenAI server documents (vllm/entrypoints/openai/protocol.py:
// ChatCompletionResponse, ChatCompletionLogProbs{content: [{token, logprob, bytes,
// top_logprobs}]}, ErrorResponse) read by parseChatReply; the request body it builds.
// Expected soft scores are worked out by hand from the logprobs written here.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "core/domain/error.h"
#include "core/scoring/remote_chat.h"

using namespace vs::scoring;

namespace {

QJsonObject entry(const QString& token, double logprob, const QJsonArray& top = {}) {
  return QJsonObject{{"token", token}, {"logprob", logprob}, {"bytes", QJsonValue()}, {"top_logprobs", top}};
}

// A reply whose text is tokenised as the pieces below, with digits' top lists as given.
QByteArray reply(const QString& model, const QJsonArray& content, qint64 promptTokens, const QString& text) {
  const QJsonObject o{
      {"id", "chatcmpl-1"},
      {"object", "chat.completion"},
      {"created", 1},
      {"model", model},
      {"choices", QJsonArray{QJsonObject{{"index", 0},
                                         {"message", QJsonObject{{"role", "assistant"}, {"content", text}}},
                                         {"logprobs", QJsonObject{{"content", content}}},
                                         {"finish_reason", "stop"}}}},
      {"usage", QJsonObject{{"prompt_tokens", promptTokens},
                            {"completion_tokens", content.size()},
                            {"total_tokens", promptTokens + content.size()}}}};
  return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonArray top(const QList<QPair<QString, double>>& probs) {
  QJsonArray a;
  for (const auto& [t, p] : probs)
    a.append(QJsonObject{{"token", t}, {"logprob", std::log(p)}});
  return a;
}

const QString kText =
    QStringLiteral("ok visual quality: 4; text-to-video alignment: 3, physical/common-sense consistency: 5");

// The text as tokens; the digits' steps carry top lists.
QJsonArray contentFor(bool asTokenIds) {
  auto tok = [asTokenIds](const QString& text, qint64 id) {
    return asTokenIds ? QStringLiteral("token_id:%1").arg(id) : text;
  };
  // Qwen2.5's ids for "1".."5" are 16..20.
  QJsonArray c;
  c.append(entry(QStringLiteral("ok visual quality: "), -0.1));
  // visual: p(4)=0.6, p(3)=0.2, p(5)=0.2 -> 4 * 0.6 / 1.0 = 2.4
  c.append(entry(tok("4", 19), std::log(0.6),
                 top({{tok("4", 19), 0.6}, {tok("3", 18), 0.2}, {tok("5", 20), 0.2}})));
  c.append(entry(QStringLiteral("; text-to-video alignment: "), -0.1));
  // t2v: p(3)=0.5, p(2)=0.25, "1","4","5" not in the list (count as 0) -> 3 * 0.5 / 0.75 = 2.0
  c.append(entry(tok("3", 18), std::log(0.5), top({{tok("3", 18), 0.5}, {tok("2", 17), 0.25}, {"x", 0.1}})));
  c.append(entry(QStringLiteral(", physical/common-sense consistency: "), -0.1));
  // phy: only "5" -> 5 * 1 / 1 = 5.0
  c.append(entry(tok("5", 20), std::log(0.9), top({{tok("5", 20), 0.9}, {"y", 0.05}})));
  return c;
}

ReplyContext context(int status = 200) {
  ReplyContext c;
  c.httpStatus = status;
  c.contentType = QStringLiteral("application/json");
  c.server = QStringLiteral("http://gpu1:8000");
  c.servedModel = QStringLiteral("videoscore2");
  return c;
}

}  // namespace

class TestRemoteChat : public QObject {
  Q_OBJECT
 private slots:
  void softScoresFromTopLogprobsAsText() {
    const ParsedReply r = parseChatReply(reply("videoscore2", contentFor(false), 100, kText), context());
    QVERIFY2(r.result, qPrintable(r.error.message));
    const QJsonObject scores = r.result->value("scores").toObject();
    QCOMPARE(scores.value("visual").toInt(), 4);
    QCOMPARE(scores.value("t2v").toInt(), 3);
    QCOMPARE(scores.value("phy").toInt(), 5);
    const QJsonObject soft = r.result->value("soft_scores").toObject();
    QCOMPARE(soft.value("visual").toDouble(), 2.4);
    QCOMPARE(soft.value("t2v").toDouble(), 2.0);
    QCOMPARE(soft.value("phy").toDouble(), 5.0);
    QCOMPARE(r.result->value("score_steps").toArray(), (QJsonArray{1, 3, 5}));
    QCOMPARE(r.result->value("prompt_tokens").toInteger(), 100);
    QCOMPARE(r.result->value("text").toString(), kText);
  }

  void tokenIdsNeedATokenizer() {
    const QByteArray body = reply("videoscore2", contentFor(true), 100, kText);
    ParsedReply r = parseChatReply(body, context());
    QVERIFY(!r.result);
    QCOMPARE(r.error.code, QString::fromLatin1(kErrBadReply));
    QVERIFY(r.error.message.contains("token_id"));
    ReplyContext c = context();
    c.tokenBytes = [](qint64 id) -> std::optional<std::string> {
      if (id >= 16 && id <= 20)
        return std::string(1, static_cast<char>('1' + (id - 16)));
      return std::nullopt;
    };
    r = parseChatReply(body, c);
    QVERIFY2(r.result, qPrintable(r.error.message));
    const QJsonObject soft = r.result->value("soft_scores").toObject();
    QCOMPARE(soft.value("visual").toDouble(), 2.4);
    QCOMPARE(soft.value("t2v").toDouble(), 2.0);
    QCOMPARE(soft.value("phy").toDouble(), 5.0);
  }

  void promptTokenMismatchNamesBothCounts() {
    ReplyContext c = context();
    c.expectedPromptTokens = 2760;
    const ParsedReply r = parseChatReply(reply("videoscore2", contentFor(false), 1432, kText), c);
    QVERIFY(!r.result);
    QCOMPARE(r.error.code, QString::fromLatin1(kErrPromptMismatch));
    QVERIFY(r.error.message.contains("1432"));
    QVERIFY(r.error.message.contains("2760"));
  }

  void anotherModelIsAnError() {
    const ParsedReply r = parseChatReply(reply("llava-7b", contentFor(false), 100, kText), context());
    QVERIFY(!r.result);
    QCOMPARE(r.error.code, QString::fromLatin1(kErrWrongModel));
    QVERIFY(r.error.message.contains("llava-7b"));
  }

  void htmlIsAClearError() {
    ReplyContext c = context();
    c.contentType = QStringLiteral("text/html");
    const ParsedReply r = parseChatReply("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", c);
    QVERIFY(!r.result);
    QCOMPARE(r.error.code, QString::fromLatin1(kErrBadReply));
    QVERIFY(r.error.message.contains("HTML"));
  }

  void truncatedJsonIsAClearError() {
    const QByteArray full = reply("videoscore2", contentFor(false), 100, kText);
    const ParsedReply r = parseChatReply(full.left(full.size() / 2), context());
    QVERIFY(!r.result);
    QCOMPARE(r.error.code, QString::fromLatin1(kErrBadReply));
    QVERIFY(r.error.message.contains("not complete JSON"));
  }

  void errorResponsesKeepTheServersMessage() {
    // vLLM >= 0.11: {"error": {...}}; before: {"object": "error", "message": ...}.
    const QByteArray tooMany =
        R"({"error":{"message":"At most 32 frames are allowed","type":"BadRequestError","param":null,"code":400}})";
    ParsedReply r = parseChatReply(tooMany, context(400));
    QCOMPARE(r.error.code, QString::fromLatin1(kErrServerRejected));
    QVERIFY(r.error.message.contains("At most 32 frames"));
    const QByteArray busy =
        R"({"object":"error","message":"Service Unavailable","type":"ServiceUnavailableError","code":503})";
    r = parseChatReply(busy, context(503));
    QCOMPARE(r.error.code, QString::fromLatin1(kErrServerUnavailable));
    QVERIFY(r.error.message.contains("503"));
  }

  void requestCarriesEverySamplingParameter() {
    ChatRequestInput in;
    in.request.prompt = QStringLiteral("a cat");
    in.request.settings.sampling = Sampling::Temperature;
    in.request.settings.temperature = 0.7;
    in.request.settings.seed = 9;
    in.request.settings.maxNewTokens = 1024;
    in.servedModel = QStringLiteral("videoscore2");
    in.framesDataUrl = QByteArrayLiteral("data:video/jpeg;base64,AAAA,BBBB");
    in.constrained = true;
    const QJsonObject o = QJsonDocument::fromJson(buildChatRequest(in)).object();
    for (const char* key : {"temperature", "top_p", "top_k", "repetition_penalty", "seed", "max_tokens"}) {
      QVERIFY2(o.contains(QLatin1String(key)), key);
    }
    QCOMPARE(o.value("temperature").toDouble(), 0.7);
    QCOMPARE(o.value("seed").toInteger(), 9);
    QCOMPARE(o.value("logprobs").toBool(), true);
    QCOMPARE(o.value("top_logprobs").toInt(), 20);
    const QJsonArray content = o.value("messages").toArray().at(0).toObject().value("content").toArray();
    QCOMPARE(content.at(0).toObject().value("type").toString(), QStringLiteral("video_url"));
    QCOMPARE(content.at(0).toObject().value("video_url").toObject().value("url").toString(),
             QStringLiteral("data:video/jpeg;base64,AAAA,BBBB"));
    const QString text = content.at(1).toObject().value("text").toString();
    QVERIFY(text.contains(QStringLiteral("a cat")));
    QVERIFY(!text.contains(QStringLiteral("$t2v_prompt")));
    const QString regex = o.value("structured_outputs").toObject().value("regex").toString();
    QVERIFY(QRegularExpression(QStringLiteral("^(?:") + regex + QStringLiteral(")$"))
                .match(QStringLiteral("thinking...\nvisual quality: 3; \ntext-to-video alignment: 2, \n"
                                      "physical/common-sense consistency: 5"))
                .hasMatch());
  }

  void samplingFollowsTheCheckpointsGenerationConfig() {
    // What transformers' generate would use: the file's values, its class defaults for the rest.
    QTemporaryDir dir;
    RemoteSampling s = samplingOfCheckpoint(dir.path());  // no file
    QCOMPARE(s.topK, 50);
    QCOMPARE(s.topP, 1.0);
    QCOMPARE(s.repetitionPenalty, 1.0);
    QFile f(dir.filePath("generation_config.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"do_sample": true, "repetition_penalty": 1.05, "temperature": 0.1, "top_k": 1, "top_p": 0.001})");
    f.close();
    s = samplingOfCheckpoint(dir.path());
    QCOMPARE(s.topK, 1);
    QCOMPARE(s.topP, 0.001);
    QCOMPARE(s.repetitionPenalty, 1.05);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(R"({"top_k": 0})");  // transformers' "off" is vLLM's -1
    f.close();
    QCOMPARE(samplingOfCheckpoint(dir.path()).topK, -1);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("{\"top_k\": ");
    f.close();
    QVERIFY_THROWS_EXCEPTION(vs::Error, samplingOfCheckpoint(dir.path()));
  }

  void versionGate() {
    QVERIFY(!supportsStructuredOutputs(QJsonObject{{"version", "0.10.2"}}));
    QVERIFY(supportsStructuredOutputs(QJsonObject{{"version", "0.11.0"}}));
    QVERIFY(supportsStructuredOutputs(QJsonObject{{"version", "0.19.1rc2"}}));
    QVERIFY(!supportsStructuredOutputs(QJsonObject{}));
  }
};

QTEST_GUILESS_MAIN(TestRemoteChat)
#include "test_remote_chat.moc"
