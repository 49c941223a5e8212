#include "core/scoring/chat_api.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include "core/domain/error.h"
#include "core/scoring/frame_png.h"
#include "core/scoring/remote_chat.h"
#include "core/scoring/scoring_queue.h"
#include "inference/tokenizer/byte_level.h"
#include "inference/tokenizer/tokenizer.h"

namespace vs::scoring {

namespace {

ApiError badRequest(const QString& message) {
  return ApiError{400, message};
}

// The one user message's video_url and text parts.
void readContent(const QJsonObject& o, QByteArray& url, QString& text) {
  const QJsonArray messages = o.value(QStringLiteral("messages")).toArray();
  if (messages.size() != 1 ||
      messages[0].toObject().value(QStringLiteral("role")).toString() != QLatin1String("user")) {
    throw badRequest(QStringLiteral("expected one user message (the VideoScore2 query)"));
  }
  int videos = 0, texts = 0;
  for (const QJsonValue& v : messages[0].toObject().value(QStringLiteral("content")).toArray()) {
    const QJsonObject part = v.toObject();
    const QString type = part.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("video_url")) {
      ++videos;
      url = part.value(QStringLiteral("video_url"))
                .toObject()
                .value(QStringLiteral("url"))
                .toString()
                .toLatin1();
    } else if (type == QLatin1String("text")) {
      ++texts;
      text = part.value(QStringLiteral("text")).toString();
    } else {
      throw badRequest(QStringLiteral("unsupported content part \"%1\"").arg(type));
    }
  }
  if (videos != 1 || texts != 1) {
    throw badRequest(QStringLiteral("expected one video_url part and one text part, got %1 and %2")
                         .arg(videos)
                         .arg(texts));
  }
}

// temperature, seed, max_tokens, fps, logprobs, structured_outputs and top_p / top_k /
// repetition_penalty into the worker's params.
void readSampling(const QJsonObject& o, ChatRequest& r) {
  QJsonObject& p = r.params;
  const double temperature = o.value(QStringLiteral("temperature")).toDouble(1.0);
  if (temperature < 0)
    throw badRequest(QStringLiteral("temperature must be >= 0"));
  if (temperature == 0) {
    p.insert(QStringLiteral("greedy"), true);
  } else {
    p.insert(QStringLiteral("temperature"), temperature);
  }
  p.insert(QStringLiteral("seed"), o.value(QStringLiteral("seed")).toInteger(0));
  const qint64 maxTokens = o.value(QStringLiteral("max_tokens"))
                               .toInteger(o.value(QStringLiteral("max_completion_tokens")).toInteger(1024));
  if (maxTokens < 1)
    throw badRequest(QStringLiteral("max_tokens must be >= 1"));
  p.insert(QStringLiteral("max_new_tokens"), maxTokens);
  const double fps =
      o.value(QStringLiteral("mm_processor_kwargs")).toObject().value(QStringLiteral("fps")).toDouble(2.0);
  if (!(fps > 0))
    throw badRequest(QStringLiteral("mm_processor_kwargs.fps must be > 0"));
  p.insert(QStringLiteral("fps"), fps);
  if (o.value(QStringLiteral("logprobs")).toBool()) {
    r.topLogprobs = o.value(QStringLiteral("top_logprobs")).toInt(0);
    if (r.topLogprobs < 0 || r.topLogprobs > 20)
      throw badRequest(QStringLiteral("top_logprobs must be within 0..20 (--max-logprobs)"));
    p.insert(QStringLiteral("top_logprobs"), r.topLogprobs);
    p.insert(QStringLiteral("digit_logprobs"), o.value(QStringLiteral("vs_digit_logprobs")).toBool());
  }
  r.tokenIds = o.value(QStringLiteral("return_tokens_as_token_ids")).toBool();
  const QJsonObject structured = o.value(QStringLiteral("structured_outputs")).toObject();
  if (!structured.isEmpty()) {
    if (structured.keys() != QStringList{QStringLiteral("regex")} ||
        structured.value(QStringLiteral("regex")).toString() != scoreBlockRegex()) {
      throw badRequest(
          QStringLiteral("structured_outputs: only the VideoScore2 score-block regex is supported"));
    }
    p.insert(QStringLiteral("constrained"), true);
  }
  // top_p / top_k / repetition_penalty as vLLM reads them (top_k -1 or 0: off); absent: the
  // checkpoint's generation_config.json, as vLLM's --generation-config auto.
  if (o.contains(QStringLiteral("top_p"))) {
    const double topP = o.value(QStringLiteral("top_p")).toDouble(-1);
    if (!(topP > 0 && topP <= 1))
      throw badRequest(QStringLiteral("top_p must be in (0, 1]"));
    p.insert(QStringLiteral("top_p"), topP);
  }
  if (o.contains(QStringLiteral("top_k"))) {
    const QJsonValue v = o.value(QStringLiteral("top_k"));
    const qint64 topK = v.toInteger(-2);
    if (!v.isDouble() || topK < -1 || static_cast<double>(topK) != v.toDouble())
      throw badRequest(QStringLiteral("top_k must be an integer >= -1 (-1 or 0: off)"));
    p.insert(QStringLiteral("top_k"), topK <= 0 ? 0 : topK);
  }
  if (o.contains(QStringLiteral("repetition_penalty"))) {
    const double penalty = o.value(QStringLiteral("repetition_penalty")).toDouble(-1);
    if (!(penalty > 0))
      throw badRequest(QStringLiteral("repetition_penalty must be > 0"));
    p.insert(QStringLiteral("repetition_penalty"), penalty);
  }
}

}  // namespace

ChatApi::ChatApi(QString modelDir, QString servedName)
    : modelDir_(std::move(modelDir)), servedName_(std::move(servedName)) {
  tokenizer_ = tokenizer::Tokenizer::fromFile((modelDir_ + QStringLiteral("/tokenizer.json")).toStdString());
}

ChatApi::~ChatApi() = default;

QByteArray ChatApi::models(qint64 created) const {
  const QJsonObject model{{QStringLiteral("id"), servedName_},
                          {QStringLiteral("object"), QStringLiteral("model")},
                          {QStringLiteral("created"), created},
                          {QStringLiteral("owned_by"), QStringLiteral("vscore")},
                          {QStringLiteral("root"), modelDir_}};
  return QJsonDocument(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                   {QStringLiteral("data"), QJsonArray{model}}})
      .toJson(QJsonDocument::Compact);
}

ChatRequest ChatApi::read(const QByteArray& body) const {
  QJsonParseError pe{};
  const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
  if (!doc.isObject())
    throw badRequest(QStringLiteral("the body is not a JSON object: %1").arg(pe.errorString()));
  const QJsonObject o = doc.object();
  const QString model = o.value(QStringLiteral("model")).toString();
  if (model != servedName_)
    throw ApiError{404, QStringLiteral("The model `%1` does not exist.").arg(model)};
  QByteArray url;
  QString text;
  readContent(o, url, text);
  ChatRequest r;
  try {
    r.frames = framesFromDataUrl(url);
  } catch (const vs::Error& e) {
    throw badRequest(e.full());
  }
  if (r.frames.empty())
    throw badRequest(QStringLiteral("no frames in video_url"));
  r.params.insert(QStringLiteral("prompt"), QString());
  // The text part is the whole query: as a template, "$" escaped and the (empty) prompt last.
  QString escaped = text;
  escaped.replace(QLatin1Char('$'), QStringLiteral("$$"));
  r.params.insert(QStringLiteral("template"),
                  QJsonObject{{QStringLiteral("name"), QStringLiteral("request")},
                              {QStringLiteral("text"), escaped + QStringLiteral("$t2v_prompt")}});
  readSampling(o, r);
  return r;
}

QJsonObject ChatApi::tokenEntry(qint64 id, double logprob, bool tokenIds) const {
  std::string bytes;
  if (const auto t = tokenizer_->idToToken(static_cast<int32_t>(id))) {
    bytes = tokenizer::byteLevelToBytes(*t).value_or(*t);
  }
  QJsonArray b;
  for (unsigned char ch : bytes)
    b.append(static_cast<int>(ch));
  return QJsonObject{{QStringLiteral("token"),
                      tokenIds ? QStringLiteral("token_id:%1").arg(id)
                               : QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()))},
                     {QStringLiteral("logprob"), logprob},
                     {QStringLiteral("bytes"), b}};
}

QByteArray ChatApi::completion(const QJsonObject& result, const ChatRequest& request, qint64 created) {
  QJsonValue logprobs;
  if (request.topLogprobs >= 0) {
    QJsonArray content;
    for (const QJsonValue& v : result.value(QStringLiteral("logprobs")).toArray()) {
      const QJsonObject s = v.toObject();
      QJsonObject entry = tokenEntry(s.value(QStringLiteral("id")).toInteger(),
                                     s.value(QStringLiteral("logprob")).toDouble(), request.tokenIds);
      QJsonArray top;
      for (const QJsonValue& t : s.value(QStringLiteral("top")).toArray()) {
        top.append(tokenEntry(t.toArray().at(0).toInteger(), t.toArray().at(1).toDouble(), request.tokenIds));
      }
      entry.insert(QStringLiteral("top_logprobs"), top);
      content.append(entry);
    }
    logprobs = QJsonObject{{QStringLiteral("content"), content}};
  }
  const QString stop = result.value(QStringLiteral("stop_reason")).toString();
  const qint64 promptTokens = result.value(QStringLiteral("prompt_tokens")).toInteger();
  const qint64 completionTokens = result.value(QStringLiteral("generated_tokens")).toInteger();
  const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                            {QStringLiteral("content"), result.value(QStringLiteral("text"))}};
  const QJsonObject choice{
      {QStringLiteral("index"), 0},
      {QStringLiteral("message"), message},
      {QStringLiteral("logprobs"), logprobs},
      {QStringLiteral("finish_reason"),
       stop == QLatin1String("max_new_tokens") ? QStringLiteral("length") : QStringLiteral("stop")}};
  const QJsonObject body{{QStringLiteral("id"), QStringLiteral("chatcmpl-%1").arg(++served_)},
                         {QStringLiteral("object"), QStringLiteral("chat.completion")},
                         {QStringLiteral("created"), created},
                         {QStringLiteral("model"), servedName_},
                         {QStringLiteral("choices"), QJsonArray{choice}},
                         {QStringLiteral("usage"),
                          QJsonObject{{QStringLiteral("prompt_tokens"), promptTokens},
                                      {QStringLiteral("completion_tokens"), completionTokens},
                                      {QStringLiteral("total_tokens"), promptTokens + completionTokens}}}};
  return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray ChatApi::errorBody(int status, const QString& message) {
  const QString type = status == 400   ? QStringLiteral("BadRequestError")
                       : status == 404 ? QStringLiteral("NotFoundError")
                       : status == 503 ? QStringLiteral("ServiceUnavailableError")
                                       : QStringLiteral("InternalServerError");
  return QJsonDocument(
             QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), message},
                                                               {QStringLiteral("type"), type},
                                                               {QStringLiteral("param"), QJsonValue()},
                                                               {QStringLiteral("code"), status}}}})
      .toJson(QJsonDocument::Compact);
}

int ChatApi::statusForWorkerError(const QString& code) {
  if (code == QLatin1String("bad_video") || code == QLatin1String("invalid_request"))
    return 400;
  if (code == QLatin1String(kErrWorkerCrashed) || code == QLatin1String(kErrWorkerUnavailable) ||
      code == QLatin1String("out_of_memory")) {
    return 503;
  }
  return 500;
}

QJsonObject writeFramesFile(const std::vector<media::RgbImage>& frames, const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly))
    throw ApiError{500, QStringLiteral("cannot write %1").arg(path)};
  for (const auto& frame : frames) {
    f.write(reinterpret_cast<const char*>(frame.pixels.data()), static_cast<qint64>(frame.pixels.size()));
  }
  f.close();
  return QJsonObject{{QStringLiteral("path"), path},
                     {QStringLiteral("count"), static_cast<qint64>(frames.size())},
                     {QStringLiteral("height"), frames.empty() ? 0 : frames.front().height},
                     {QStringLiteral("width"), frames.empty() ? 0 : frames.front().width}};
}

}  // namespace vs::scoring
