// The OpenAI-compatible chat API of `vscore serve` without HTTP: requests read into the worker's
// score params (the field names vLLM's ChatCompletionRequest documents), refusals with the
// status and error shape of vLLM's ErrorResponse, and the chat.completion body built from a
// worker result. Token texts and ids are checked against the tiny checkpoint's tokenizer.json,
// read here with QJsonDocument.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "core/scoring/chat_api.h"
#include "core/scoring/frame_png.h"
#include "core/scoring/remote_chat.h"

using namespace vs::scoring;

namespace {

const QString kModelDir = QStringLiteral(VS_TEST_DATA_DIR "/qwen25vl/tiny");

std::vector<vs::media::RgbImage> twoFrames() {
  std::vector<vs::media::RgbImage> frames;
  for (int f = 0; f < 2; ++f) {
    vs::media::RgbImage img(4, 2);
    for (size_t i = 0; i < img.pixels.size(); ++i)
      img.pixels[i] = static_cast<uint8_t>(i * 7 + f * 50);
    frames.push_back(img);
  }
  return frames;
}

QJsonObject request(const QString& text = QStringLiteral("rate $t2v_prompt costs $5")) {
  const QJsonArray content{
      QJsonObject{{"type", "video_url"},
                  {"video_url", QJsonObject{{"url", QString::fromLatin1(framesToDataUrl(twoFrames()))}}}},
      QJsonObject{{"type", "text"}, {"text", text}}};
  return QJsonObject{{"model", "vs2"},
                     {"messages", QJsonArray{QJsonObject{{"role", "user"}, {"content", content}}}}};
}

QByteArray body(const QJsonObject& o) {
  return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

int vocabId(const QString& token) {
  QFile f(kModelDir + QStringLiteral("/tokenizer.json"));
  if (!f.open(QIODevice::ReadOnly))
    return -1;
  return QJsonDocument::fromJson(f.readAll())["model"]["vocab"][token].toInt(-1);
}

}  // namespace

class TestChatApi : public QObject {
  Q_OBJECT

 private slots:
  void readsTheQueryAsAnEscapedTemplate() {
    ChatApi api(kModelDir, QStringLiteral("vs2"));
    const ChatRequest r = api.read(body(request()));
    QCOMPARE(r.frames.size(), size_t{2});
    QCOMPARE(r.frames[1].pixels, twoFrames()[1].pixels);
    QCOMPARE(r.params["prompt"].toString(), QString());
    QCOMPARE(r.params["template"]["name"].toString(), QStringLiteral("request"));
    QCOMPARE(r.params["template"]["text"].toString(),
             QStringLiteral("rate $$t2v_prompt costs $$5$t2v_prompt"));
    // OpenAI's defaults: temperature 1, max_tokens 1024 here, fps 2 (mm_processor_kwargs).
    QCOMPARE(r.params["temperature"].toDouble(), 1.0);
    QVERIFY(!r.params.contains("greedy"));
    QCOMPARE(r.params["max_new_tokens"].toInteger(), 1024);
    QCOMPARE(r.params["fps"].toDouble(), 2.0);
    QCOMPARE(r.params["seed"].toInteger(), 0);
    QVERIFY(!r.params.contains("top_p") && !r.params.contains("top_k") && !r.params.contains("constrained"));
    QCOMPARE(r.topLogprobs, -1);
    QVERIFY(!r.tokenIds);
  }

  void readsSamplingOptions() {
    ChatApi api(kModelDir, QStringLiteral("vs2"));
    QJsonObject o = request();
    o["temperature"] = 0;
    o["seed"] = 42;
    o["max_completion_tokens"] = 64;
    o["mm_processor_kwargs"] = QJsonObject{{"fps", 4.0}};
    o["logprobs"] = true;
    o["top_logprobs"] = 5;
    o["vs_digit_logprobs"] = true;
    o["return_tokens_as_token_ids"] = true;
    o["structured_outputs"] = QJsonObject{{"regex", scoreBlockRegex()}};
    o["top_p"] = 0.9;
    o["top_k"] = -1;
    o["repetition_penalty"] = 1.05;
    const ChatRequest r = api.read(body(o));
    QVERIFY(r.params["greedy"].toBool());
    QVERIFY(!r.params.contains("temperature"));
    QCOMPARE(r.params["seed"].toInteger(), 42);
    QCOMPARE(r.params["max_new_tokens"].toInteger(), 64);
    QCOMPARE(r.params["fps"].toDouble(), 4.0);
    QCOMPARE(r.topLogprobs, 5);
    QCOMPARE(r.params["top_logprobs"].toInt(), 5);
    QVERIFY(r.params["digit_logprobs"].toBool());
    QVERIFY(r.tokenIds);
    QVERIFY(r.params["constrained"].toBool());
    QCOMPARE(r.params["top_p"].toDouble(), 0.9);
    QCOMPARE(r.params["top_k"].toInteger(), 0);  // -1: off, as 0 for the worker
    QCOMPARE(r.params["repetition_penalty"].toDouble(), 1.05);
    o["top_k"] = 7;
    o["max_tokens"] = 12;  // wins over max_completion_tokens
    const ChatRequest r2 = api.read(body(o));
    QCOMPARE(r2.params["top_k"].toInteger(), 7);
    QCOMPARE(r2.params["max_new_tokens"].toInteger(), 12);
  }

  void refusesWhatItCannotServe_data() {
    QTest::addColumn<QByteArray>("bodyBytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    auto with = [](const char* key, const QJsonValue& v) {
      QJsonObject o = request();
      o[key] = v;
      return body(o);
    };
    QTest::newRow("not json") << QByteArray("{") << 400 << "the body is not a JSON object";
    QTest::newRow("other model") << with("model", "gpt") << 404 << "The model `gpt` does not exist.";
    QTest::newRow("two messages") << with("messages",
                                          QJsonArray{request()["messages"][0], request()["messages"][0]})
                                  << 400 << "expected one user message";
    QJsonObject noText = request();
    QJsonArray parts = noText["messages"][0]["content"].toArray();
    parts.removeLast();
    noText["messages"] = QJsonArray{QJsonObject{{"role", "user"}, {"content", parts}}};
    QTest::newRow("no text") << body(noText) << 400
                             << "expected one video_url part and one text part, got 1 and 0";
    QJsonObject image = request();
    image["messages"] = QJsonArray{
        QJsonObject{{"role", "user"}, {"content", QJsonArray{QJsonObject{{"type", "image_url"}}}}}};
    QTest::newRow("image part") << body(image) << 400 << "unsupported content part \"image_url\"";
    QJsonObject badUrl = request();
    QJsonArray p2 = badUrl["messages"][0]["content"].toArray();
    p2[0] = QJsonObject{{"type", "video_url"},
                        {"video_url", QJsonObject{{"url", "data:video/jpeg;base64,AAAA"}}}};
    badUrl["messages"] = QJsonArray{QJsonObject{{"role", "user"}, {"content", p2}}};
    QTest::newRow("not png") << body(badUrl) << 400 << "";
    QTest::newRow("temperature") << with("temperature", -0.5) << 400 << "temperature must be >= 0";
    QTest::newRow("max_tokens") << with("max_tokens", 0) << 400 << "max_tokens must be >= 1";
    QTest::newRow("fps") << with("mm_processor_kwargs", QJsonObject{{"fps", 0}}) << 400
                         << "mm_processor_kwargs.fps must be > 0";
    QJsonObject lp = request();
    lp["logprobs"] = true;
    lp["top_logprobs"] = 21;
    QTest::newRow("top_logprobs") << body(lp) << 400 << "top_logprobs must be within 0..20";
    QTest::newRow("regex") << with("structured_outputs", QJsonObject{{"regex", "[0-9]"}}) << 400
                           << "structured_outputs: only the VideoScore2 score-block regex is supported";
    QTest::newRow("top_p") << with("top_p", 1.5) << 400 << "top_p must be in (0, 1]";
    QTest::newRow("top_k fraction") << with("top_k", 2.5) << 400 << "top_k must be an integer >= -1";
    QTest::newRow("top_k string") << with("top_k", "5") << 400 << "top_k must be an integer >= -1";
    QTest::newRow("penalty") << with("repetition_penalty", 0) << 400 << "repetition_penalty must be > 0";
  }

  void refusesWhatItCannotServe() {
    QFETCH(QByteArray, bodyBytes);
    QFETCH(int, status);
    QFETCH(QString, message);
    ChatApi api(kModelDir, QStringLiteral("vs2"));
    try {
      api.read(bodyBytes);
      QFAIL("accepted");
    } catch (const ApiError& e) {
      QCOMPARE(e.status, status);
      QVERIFY2(e.message.startsWith(message), qPrintable(e.message));
      QVERIFY(!e.message.isEmpty());
    }
  }

  void errorBodyHasOpenAiShape() {
    const QJsonObject e =
        QJsonDocument::fromJson(ChatApi::errorBody(404, QStringLiteral("gone")))["error"].toObject();
    QCOMPARE(e["message"].toString(), QStringLiteral("gone"));
    QCOMPARE(e["type"].toString(), QStringLiteral("NotFoundError"));
    QVERIFY(e["param"].isNull());
    QCOMPARE(e["code"].toInt(), 404);
    QCOMPARE(QJsonDocument::fromJson(ChatApi::errorBody(503, {}))["error"]["type"].toString(),
             QStringLiteral("ServiceUnavailableError"));
    QCOMPARE(QJsonDocument::fromJson(ChatApi::errorBody(500, {}))["error"]["type"].toString(),
             QStringLiteral("InternalServerError"));
  }

  void workerErrorsMapToStatuses() {
    QCOMPARE(ChatApi::statusForWorkerError("bad_video"), 400);
    QCOMPARE(ChatApi::statusForWorkerError("invalid_request"), 400);
    QCOMPARE(ChatApi::statusForWorkerError("out_of_memory"), 503);
    QCOMPARE(ChatApi::statusForWorkerError("worker_crashed"), 503);
    QCOMPARE(ChatApi::statusForWorkerError("worker_unavailable"), 503);
    QCOMPARE(ChatApi::statusForWorkerError("internal"), 500);
    QCOMPARE(ChatApi::statusForWorkerError("no_model"), 500);
  }

  void completionFromWorkerResult() {
    ChatApi api(kModelDir, QStringLiteral("vs2"));
    const int the = vocabId(QStringLiteral("\u0120the"));
    const int five = vocabId(QStringLiteral("\u01205"));
    QVERIFY(the >= 0 && five >= 0);
    const QJsonObject result{
        {"text", " the 5"},
        {"stop_reason", "max_new_tokens"},
        {"prompt_tokens", 30},
        {"generated_tokens", 2},
        {"logprobs",
         QJsonArray{QJsonObject{{"id", the}, {"logprob", -0.5}, {"top", QJsonArray{QJsonArray{the, -0.5}}}},
                    QJsonObject{{"id", five}, {"logprob", -1.0}, {"top", QJsonArray{}}}}}};
    ChatRequest plain;
    const QJsonObject a = QJsonDocument::fromJson(api.completion(result, plain, 1700000000)).object();
    QCOMPARE(a["id"].toString(), QStringLiteral("chatcmpl-1"));
    QCOMPARE(a["object"].toString(), QStringLiteral("chat.completion"));
    QCOMPARE(a["created"].toInteger(), 1700000000);
    QCOMPARE(a["model"].toString(), QStringLiteral("vs2"));
    const QJsonObject choice = a["choices"][0].toObject();
    QCOMPARE(choice["message"]["role"].toString(), QStringLiteral("assistant"));
    QCOMPARE(choice["message"]["content"].toString(), QStringLiteral(" the 5"));
    QCOMPARE(choice["finish_reason"].toString(), QStringLiteral("length"));
    QVERIFY(choice["logprobs"].isNull());
    QCOMPARE(a["usage"]["prompt_tokens"].toInt(), 30);
    QCOMPARE(a["usage"]["completion_tokens"].toInt(), 2);
    QCOMPARE(a["usage"]["total_tokens"].toInt(), 32);

    ChatRequest withLogprobs;
    withLogprobs.topLogprobs = 1;
    QJsonObject stopped = result;
    stopped["stop_reason"] = "eos";
    const QJsonObject b = QJsonDocument::fromJson(api.completion(stopped, withLogprobs, 1)).object();
    QCOMPARE(b["id"].toString(), QStringLiteral("chatcmpl-2"));
    QCOMPARE(b["choices"][0]["finish_reason"].toString(), QStringLiteral("stop"));
    const QJsonArray content = b["choices"][0]["logprobs"]["content"].toArray();
    QCOMPARE(content.size(), 2);
    QCOMPARE(content[0]["token"].toString(), QStringLiteral(" the"));
    QCOMPARE(content[0]["logprob"].toDouble(), -0.5);
    QCOMPARE(content[0]["bytes"].toArray(), (QJsonArray{32, 116, 104, 101}));
    QCOMPARE(content[0]["top_logprobs"][0]["token"].toString(), QStringLiteral(" the"));
    QCOMPARE(content[1]["token"].toString(), QStringLiteral(" 5"));
    QCOMPARE(content[1]["top_logprobs"].toArray().size(), 0);

    withLogprobs.tokenIds = true;
    const QJsonObject c = QJsonDocument::fromJson(api.completion(stopped, withLogprobs, 1)).object();
    QCOMPARE(c["choices"][0]["logprobs"]["content"][1]["token"].toString(),
             QStringLiteral("token_id:%1").arg(five));
    QCOMPARE(c["choices"][0]["logprobs"]["content"][1]["bytes"].toArray(), (QJsonArray{32, 53}));
  }

  void modelsListsTheServedName() {
    ChatApi api(kModelDir, QStringLiteral("vs2"));
    const QJsonObject m = QJsonDocument::fromJson(api.models(5)).object();
    QCOMPARE(m["object"].toString(), QStringLiteral("list"));
    QCOMPARE(m["data"][0]["id"].toString(), QStringLiteral("vs2"));
    QCOMPARE(m["data"][0]["root"].toString(), kModelDir);
    QCOMPARE(m["data"][0]["created"].toInteger(), 5);
  }

  void missingTokenizerThrows() {
    QTemporaryDir empty;
    QVERIFY_THROWS_EXCEPTION(std::exception, ChatApi(empty.path(), QStringLiteral("vs2")));
  }

  void framesFileHoldsRawRgb() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("frames.rgb"));
    const QJsonObject f = writeFramesFile(twoFrames(), path);
    QCOMPARE(f["path"].toString(), path);
    QCOMPARE(f["count"].toInt(), 2);
    QCOMPARE(f["height"].toInt(), 2);
    QCOMPARE(f["width"].toInt(), 4);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(bytes.size(), 2 * 4 * 2 * 3);
    QCOMPARE(static_cast<uint8_t>(bytes[24 + 5]), twoFrames()[1].pixels[5]);
    QVERIFY_THROWS_EXCEPTION(ApiError,
                             writeFramesFile(twoFrames(), dir.filePath(QStringLiteral("no/such/dir"))));
  }
};

QTEST_GUILESS_MAIN(TestChatApi)
#include "test_chat_api.moc"
