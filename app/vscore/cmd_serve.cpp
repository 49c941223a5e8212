// vscore serve --model DIR: the OpenAI-compatible chat API (the subset vLLM serves VideoScore2
// with) over our own engine, for a lab whose one GPU box scores for every annotator's desktop.
// vscore never links the engine: each of --parallel vscore-worker processes holds the model, and
// a request's frames (PNG in a frame-list video_url) are decoded back into the sampler's exact
// pixels and handed to a worker as pre-sampled frames, so results equal local scoring.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <deque>
#include <memory>
#include <vector>

#include "command.h"
#include "core/domain/error.h"
#include "core/scoring/frame_png.h"
#include "core/scoring/remote_chat.h"
#include "core/scoring/scoring_queue.h"
#include "inference/tokenizer/byte_level.h"
#include "inference/tokenizer/tokenizer.h"

using namespace vs::cli;
using namespace vs::scoring;

namespace {

using Status = QHttpServerResponder::StatusCode;

// A request the API refuses: HTTP status and an OpenAI-style error.
struct BadRequest {
  Status status;
  QString message;
};

QByteArray errorBody(Status status, const QString& message) {
  const int code = static_cast<int>(status);
  const QString type = code == 400   ? QStringLiteral("BadRequestError")
                       : code == 404 ? QStringLiteral("NotFoundError")
                       : code == 503 ? QStringLiteral("ServiceUnavailableError")
                                     : QStringLiteral("InternalServerError");
  return QJsonDocument(
             QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), message},
                                                               {QStringLiteral("type"), type},
                                                               {QStringLiteral("param"), QJsonValue()},
                                                               {QStringLiteral("code"), code}}}})
      .toJson(QJsonDocument::Compact);
}

class ChatServer : public QObject {
 public:
  struct Options {
    QString modelDir;
    QString servedName;
    QString device;
    QString dtype;
    int parallel = 1;
  };

  explicit ChatServer(Options o) : options_(std::move(o)) {
    tokenizer_ = vs::tokenizer::Tokenizer::fromFile(
        (options_.modelDir + QStringLiteral("/tokenizer.json")).toStdString());
    for (int i = 0; i < options_.parallel; ++i) {
      WorkerSettings ws;
      ws.program = siblingProgram(QStringLiteral("vscore-worker"));
      ws.modelDir = options_.modelDir;
      ws.device = options_.device;
      ws.dtype = options_.dtype;
      ws.prefetch = Prefetch::Off;
      auto* q = new ScoringQueue(ws, this);
      connect(q, &ScoringQueue::jobResult, this,
              [this, i](qint64 job, const QJsonObject& r) { onResult(i, job, r); });
      connect(q, &ScoringQueue::jobFailed, this,
              [this, i](qint64 job, const QString& code, const QString& message) {
                onFailed(i, job, code, message);
              });
      queues_.push_back(q);
      busy_.push_back(false);
    }
    routes();
  }

  quint16 listen(const QString& host, quint16 port) { return http_.listen(QHostAddress(host), port); }

 private:
  struct Call {
    std::shared_ptr<QHttpServerResponder> responder;
    QString path;
    QElapsedTimer clock;
    QJsonObject params;  // the worker's score params
    std::shared_ptr<QTemporaryDir> frames;
    bool tokenIds = false;
    int topLogprobs = -1;
    qint64 job = -1;
  };

  void log(const Call& c, int status, qint64 promptTokens, qint64 completionTokens) const {
    err(QStringLiteral("%1 %2 %3 prompt_tokens=%4 completion_tokens=%5 %6 ms\n")
            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), c.path)
            .arg(status)
            .arg(promptTokens)
            .arg(completionTokens)
            .arg(c.clock.elapsed()));
  }

  void reply(Call& c, Status status, const QByteArray& body, qint64 promptTokens = 0,
             qint64 completionTokens = 0) {
    c.responder->write(body, QByteArrayLiteral("application/json"), status);
    log(c, static_cast<int>(status), promptTokens, completionTokens);
  }

  static std::shared_ptr<Call> newCall(const QHttpServerRequest& request, QHttpServerResponder&& responder) {
    auto c = std::make_shared<Call>();
    c->clock.start();
    c->path = request.url().path();
    c->responder = std::make_shared<QHttpServerResponder>(std::move(responder));
    return c;
  }

  void routes() {
    http_.route(QStringLiteral("/health"), [this](const QHttpServerRequest& req, QHttpServerResponder&& r) {
      auto c = newCall(req, std::move(r));
      reply(*c, Status::Ok, QByteArray());
    });
    http_.route(QStringLiteral("/version"), [this](const QHttpServerRequest& req, QHttpServerResponder&& r) {
      auto c = newCall(req, std::move(r));
      reply(*c, Status::Ok,
            QJsonDocument(QJsonObject{{QStringLiteral("version"), QStringLiteral(VS_VERSION)},
                                      {QStringLiteral("engine"), QStringLiteral("vscore")}})
                .toJson(QJsonDocument::Compact));
    });
    http_.route(QStringLiteral("/v1/models"),
                [this](const QHttpServerRequest& req, QHttpServerResponder&& r) {
                  auto c = newCall(req, std::move(r));
                  const QJsonObject model{{QStringLiteral("id"), options_.servedName},
                                          {QStringLiteral("object"), QStringLiteral("model")},
                                          {QStringLiteral("created"), QDateTime::currentSecsSinceEpoch()},
                                          {QStringLiteral("owned_by"), QStringLiteral("vscore")},
                                          {QStringLiteral("root"), options_.modelDir}};
                  reply(*c, Status::Ok,
                        QJsonDocument(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                                  {QStringLiteral("data"), QJsonArray{model}}})
                            .toJson(QJsonDocument::Compact));
                });
    http_.route(QStringLiteral("/v1/chat/completions"), QHttpServerRequest::Method::Post,
                [this](const QHttpServerRequest& req, QHttpServerResponder&& r) {
                  auto c = newCall(req, std::move(r));
                  try {
                    prepare(*c, req.body());
                  } catch (const BadRequest& e) {
                    reply(*c, e.status, errorBody(e.status, e.message));
                    return;
                  }
                  waiting_.push_back(c);
                  dispatch();
                });
  }

  // Reads the request into worker params; throws BadRequest.
  void prepare(Call& c, const QByteArray& body) {
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (!doc.isObject()) {
      throw BadRequest{Status::BadRequest,
                       QStringLiteral("the body is not a JSON object: %1").arg(pe.errorString())};
    }
    const QJsonObject o = doc.object();
    const QString model = o.value(QStringLiteral("model")).toString();
    if (model != options_.servedName) {
      throw BadRequest{Status::NotFound, QStringLiteral("The model `%1` does not exist.").arg(model)};
    }
    const QJsonArray messages = o.value(QStringLiteral("messages")).toArray();
    if (messages.size() != 1 ||
        messages[0].toObject().value(QStringLiteral("role")).toString() != QLatin1String("user")) {
      throw BadRequest{Status::BadRequest,
                       QStringLiteral("expected one user message (the VideoScore2 query)")};
    }
    QByteArray url;
    QString text;
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
        throw BadRequest{Status::BadRequest, QStringLiteral("unsupported content part \"%1\"").arg(type)};
      }
    }
    if (videos != 1 || texts != 1) {
      throw BadRequest{Status::BadRequest,
                       QStringLiteral("expected one video_url part and one text part, got %1 and %2")
                           .arg(videos)
                           .arg(texts)};
    }
    std::vector<vs::media::RgbImage> frames;
    try {
      frames = framesFromDataUrl(url);
    } catch (const vs::Error& e) {
      throw BadRequest{Status::BadRequest, e.full()};
    }
    if (frames.empty())
      throw BadRequest{Status::BadRequest, QStringLiteral("no frames in video_url")};
    c.frames = std::make_shared<QTemporaryDir>();
    const QString path = c.frames->filePath(QStringLiteral("frames.rgb"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
      throw BadRequest{Status::InternalServerError, QStringLiteral("cannot write %1").arg(path)};
    }
    for (const auto& frame : frames) {
      f.write(reinterpret_cast<const char*>(frame.pixels.data()), static_cast<qint64>(frame.pixels.size()));
    }
    f.close();

    QJsonObject p;
    p.insert(QStringLiteral("frames"),
             QJsonObject{{QStringLiteral("path"), path},
                         {QStringLiteral("count"), static_cast<qint64>(frames.size())},
                         {QStringLiteral("height"), frames.front().height},
                         {QStringLiteral("width"), frames.front().width}});
    p.insert(QStringLiteral("prompt"), QString());
    // The text part is the whole query: as a template, "$" escaped and the (empty) prompt last.
    QString escaped = text;
    escaped.replace(QLatin1Char('$'), QStringLiteral("$$"));
    p.insert(QStringLiteral("template"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("request")},
                         {QStringLiteral("text"), escaped + QStringLiteral("$t2v_prompt")}});
    const double temperature = o.value(QStringLiteral("temperature")).toDouble(1.0);
    if (temperature < 0)
      throw BadRequest{Status::BadRequest, QStringLiteral("temperature must be >= 0")};
    if (temperature == 0) {
      p.insert(QStringLiteral("greedy"), true);
    } else {
      p.insert(QStringLiteral("temperature"), temperature);
    }
    p.insert(QStringLiteral("seed"), o.value(QStringLiteral("seed")).toInteger(0));
    const qint64 maxTokens = o.value(QStringLiteral("max_tokens"))
                                 .toInteger(o.value(QStringLiteral("max_completion_tokens")).toInteger(1024));
    if (maxTokens < 1)
      throw BadRequest{Status::BadRequest, QStringLiteral("max_tokens must be >= 1")};
    p.insert(QStringLiteral("max_new_tokens"), maxTokens);
    const double fps =
        o.value(QStringLiteral("mm_processor_kwargs")).toObject().value(QStringLiteral("fps")).toDouble(2.0);
    if (!(fps > 0))
      throw BadRequest{Status::BadRequest, QStringLiteral("mm_processor_kwargs.fps must be > 0")};
    p.insert(QStringLiteral("fps"), fps);
    if (o.value(QStringLiteral("logprobs")).toBool()) {
      c.topLogprobs = o.value(QStringLiteral("top_logprobs")).toInt(0);
      if (c.topLogprobs < 0 || c.topLogprobs > 20) {
        throw BadRequest{Status::BadRequest,
                         QStringLiteral("top_logprobs must be within 0..20 (--max-logprobs)")};
      }
      p.insert(QStringLiteral("top_logprobs"), c.topLogprobs);
      p.insert(QStringLiteral("digit_logprobs"), o.value(QStringLiteral("vs_digit_logprobs")).toBool());
    }
    c.tokenIds = o.value(QStringLiteral("return_tokens_as_token_ids")).toBool();
    const QJsonObject structured = o.value(QStringLiteral("structured_outputs")).toObject();
    if (!structured.isEmpty()) {
      if (structured.keys() != QStringList{QStringLiteral("regex")} ||
          structured.value(QStringLiteral("regex")).toString() != scoreBlockRegex()) {
        throw BadRequest{
            Status::BadRequest,
            QStringLiteral("structured_outputs: only the VideoScore2 score-block regex is supported")};
      }
      p.insert(QStringLiteral("constrained"), true);
    }
    // top_p / top_k / repetition_penalty as vLLM reads them (top_k -1 or 0: off); absent: the
    // checkpoint's generation_config.json, as vLLM's --generation-config auto.
    if (o.contains(QStringLiteral("top_p"))) {
      const double topP = o.value(QStringLiteral("top_p")).toDouble(-1);
      if (!(topP > 0 && topP <= 1))
        throw BadRequest{Status::BadRequest, QStringLiteral("top_p must be in (0, 1]")};
      p.insert(QStringLiteral("top_p"), topP);
    }
    if (o.contains(QStringLiteral("top_k"))) {
      const QJsonValue v = o.value(QStringLiteral("top_k"));
      const qint64 topK = v.toInteger(-2);
      if (!v.isDouble() || topK < -1 || static_cast<double>(topK) != v.toDouble()) {
        throw BadRequest{Status::BadRequest, QStringLiteral("top_k must be an integer >= -1 (-1 or 0: off)")};
      }
      p.insert(QStringLiteral("top_k"), topK <= 0 ? 0 : topK);
    }
    if (o.contains(QStringLiteral("repetition_penalty"))) {
      const double penalty = o.value(QStringLiteral("repetition_penalty")).toDouble(-1);
      if (!(penalty > 0))
        throw BadRequest{Status::BadRequest, QStringLiteral("repetition_penalty must be > 0")};
      p.insert(QStringLiteral("repetition_penalty"), penalty);
    }
    c.params = p;
  }

  void dispatch() {
    for (size_t i = 0; i < queues_.size() && !waiting_.empty(); ++i) {
      if (busy_[i])
        continue;
      std::shared_ptr<Call> c = waiting_.front();
      waiting_.pop_front();
      busy_[i] = true;
      c->job = queues_[i]->enqueueMethod(QStringLiteral("score"), c->params);
      running_[{static_cast<int>(i), c->job}] = c;
    }
  }

  QJsonObject tokenEntry(qint64 id, double logprob, bool tokenIds) const {
    std::string bytes;
    if (const auto t = tokenizer_->idToToken(static_cast<int32_t>(id))) {
      bytes = vs::tokenizer::byteLevelToBytes(*t).value_or(*t);
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

  void onResult(int queue, qint64 job, const QJsonObject& r) {
    auto it = running_.find({queue, job});
    if (it == running_.end())
      return;
    std::shared_ptr<Call> c = it->second;
    running_.erase(it);
    busy_[static_cast<size_t>(queue)] = false;
    QJsonValue logprobs;
    if (c->topLogprobs >= 0) {
      QJsonArray content;
      for (const QJsonValue& v : r.value(QStringLiteral("logprobs")).toArray()) {
        const QJsonObject s = v.toObject();
        QJsonObject entry = tokenEntry(s.value(QStringLiteral("id")).toInteger(),
                                       s.value(QStringLiteral("logprob")).toDouble(), c->tokenIds);
        QJsonArray top;
        for (const QJsonValue& t : s.value(QStringLiteral("top")).toArray()) {
          top.append(tokenEntry(t.toArray().at(0).toInteger(), t.toArray().at(1).toDouble(), c->tokenIds));
        }
        entry.insert(QStringLiteral("top_logprobs"), top);
        content.append(entry);
      }
      logprobs = QJsonObject{{QStringLiteral("content"), content}};
    }
    const QString stop = r.value(QStringLiteral("stop_reason")).toString();
    const qint64 promptTokens = r.value(QStringLiteral("prompt_tokens")).toInteger();
    const qint64 completionTokens = r.value(QStringLiteral("generated_tokens")).toInteger();
    const QJsonObject body{
        {QStringLiteral("id"), QStringLiteral("chatcmpl-%1").arg(++served_)},
        {QStringLiteral("object"), QStringLiteral("chat.completion")},
        {QStringLiteral("created"), QDateTime::currentSecsSinceEpoch()},
        {QStringLiteral("model"), options_.servedName},
        {QStringLiteral("choices"),
         QJsonArray{QJsonObject{
             {QStringLiteral("index"), 0},
             {QStringLiteral("message"),
              QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                          {QStringLiteral("content"), r.value(QStringLiteral("text"))}}},
             {QStringLiteral("logprobs"), logprobs},
             {QStringLiteral("finish_reason"),
              stop == QLatin1String("max_new_tokens") ? QStringLiteral("length") : QStringLiteral("stop")}}}},
        {QStringLiteral("usage"),
         QJsonObject{{QStringLiteral("prompt_tokens"), promptTokens},
                     {QStringLiteral("completion_tokens"), completionTokens},
                     {QStringLiteral("total_tokens"), promptTokens + completionTokens}}}};
    reply(*c, Status::Ok, QJsonDocument(body).toJson(QJsonDocument::Compact), promptTokens, completionTokens);
    dispatch();
  }

  void onFailed(int queue, qint64 job, const QString& code, const QString& message) {
    auto it = running_.find({queue, job});
    if (it == running_.end())
      return;
    std::shared_ptr<Call> c = it->second;
    running_.erase(it);
    busy_[static_cast<size_t>(queue)] = false;
    const Status status =
        code == QLatin1String("bad_video") || code == QLatin1String("invalid_request") ? Status::BadRequest
        : code == QLatin1String(kErrWorkerCrashed) || code == QLatin1String(kErrWorkerUnavailable) ||
                code == QLatin1String("out_of_memory")
            ? Status::ServiceUnavailable
            : Status::InternalServerError;
    reply(*c, status, errorBody(status, QStringLiteral("%1: %2").arg(code, message)));
    dispatch();
  }

  Options options_;
  QHttpServer http_;
  std::unique_ptr<vs::tokenizer::Tokenizer> tokenizer_;
  std::vector<ScoringQueue*> queues_;
  std::vector<bool> busy_;
  std::deque<std::shared_ptr<Call>> waiting_;  // beyond --parallel: in arrival order
  std::map<std::pair<int, qint64>, std::shared_ptr<Call>> running_;
  qint64 served_ = 0;
};

}  // namespace

static int run(const QStringList& args) {
  QCommandLineParser p;
  p.addHelpOption();
  p.addOption({"model", "Checkpoint directory (Hugging Face layout).", "DIR"});
  p.addOption({"served-model-name", "The model id clients name (default: the model folder's name).", "NAME"});
  p.addOption({"device", "cpu or cuda (default cpu).", "DEVICE", "cpu"});
  p.addOption({"dtype", "f32, bf16 or f16 (default f32).", "DTYPE", "f32"});
  p.addOption({"host", "Address to listen on (default 127.0.0.1: this machine only).", "HOST", "127.0.0.1"});
  p.addOption({"port", "Port (default 8000; 0: any free port, printed on stderr).", "N", "8000"});
  p.addOption({"parallel", "Worker processes, each with the model loaded (default 1); more requests queue.",
               "K", "1"});
  if (!p.parse(QStringList{QStringLiteral("vscore serve")} + args))
    return fail(kExitUsage, p.errorText());
  if (p.isSet("help")) {
    out(p.helpText());
    return kExitOk;
  }
  if (!p.isSet("model"))
    return fail(kExitUsage, QStringLiteral("serve needs --model DIR"));
  bool ok = true;
  const int port = p.value("port").toInt(&ok);
  if (!ok || port < 0 || port > 65535)
    return fail(kExitUsage, QStringLiteral("--port must be within 0..65535"));
  const int parallel = p.value("parallel").toInt(&ok);
  if (!ok || parallel < 1)
    return fail(kExitUsage, QStringLiteral("--parallel must be >= 1"));
  ChatServer::Options o;
  o.modelDir = QFileInfo(p.value("model")).absoluteFilePath();
  o.servedName =
      p.isSet("served-model-name") ? p.value("served-model-name") : QFileInfo(o.modelDir).fileName();
  o.device = p.value("device");
  o.dtype = p.value("dtype");
  o.parallel = parallel;
  std::unique_ptr<ChatServer> server;
  try {
    server = std::make_unique<ChatServer>(o);
  } catch (const std::exception& e) {
    return fail(kExitInvalidData, QStringLiteral("%1: %2").arg(o.modelDir, QString::fromUtf8(e.what())));
  }
  const quint16 bound = server->listen(p.value("host"), static_cast<quint16>(port));
  if (bound == 0)
    return fail(kExitRuntime, QStringLiteral("cannot listen on %1:%2").arg(p.value("host")).arg(port));
  err(QStringLiteral("vscore serve: %1 as \"%2\" on http://%3:%4 (%5 workers)\n")
          .arg(o.modelDir, o.servedName, p.value("host"))
          .arg(bound)
          .arg(parallel));
  return QCoreApplication::exec();
}

static const CommandRegistration registration{Command{
    QStringLiteral("serve"),
    QStringLiteral("serve --model DIR [--device cpu|cuda] [--host 127.0.0.1] [--port N] [--parallel K] "
                   "[--served-model-name NAME]"),
    QStringLiteral("Serve VideoScore2 over the OpenAI-compatible chat API (/v1/chat/completions)"), run}};
