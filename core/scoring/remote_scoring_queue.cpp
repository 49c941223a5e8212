#include "core/scoring/remote_scoring_queue.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QThreadPool>
#include <chrono>
#include <utility>
#include <vector>

#include "core/domain/error.h"
#include "core/media/qwen_sampler.h"
#include "core/media/sampler_config.h"
#include "core/scoring/frame_png.h"
#include "inference/tokenizer/byte_level.h"
#include "inference/tokenizer/chat_template.h"
#include "inference/tokenizer/tokenizer.h"

namespace vs::scoring {

struct RemoteScoringQueue::Prepared {
  QByteArray dataUrl;
  qint64 promptTokens = -1;
  QJsonObject sampler;
  double sampleMs = 0;
  double encodeMs = 0;
  std::optional<RemoteError> error;
};

namespace {

double msSince(const QElapsedTimer& t) {
  return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

}  // namespace

RemoteScoringQueue::RemoteScoringQueue(RemoteSettings settings, QObject* parent)
    : ScoringBackend(parent), settings_(std::move(settings)), net_(new QNetworkAccessManager(this)) {
  qRegisterMetaType<vs::scoring::ScoreResult>();
  if (!settings_.modelDir.isEmpty()) {
    const QString path = settings_.modelDir + QStringLiteral("/tokenizer.json");
    try {
      tokenizer_ = tokenizer::Tokenizer::fromFile(path.toStdString());
    } catch (const std::exception& e) {
      throw vs::Error(vs::Error::Kind::InvalidData, path, QString::fromStdString(e.what()));
    }
  }
  for (int i = 0; i < settings_.servers.size(); ++i) {
    Server s;
    s.base = settings_.servers[i];
    const RemoteEndpoint e = i < settings_.endpoints.size() ? settings_.endpoints[i] : RemoteEndpoint{};
    s.servedModel = e.servedModel.isEmpty() ? settings_.servedModel : e.servedModel;
    s.apiKey = e.apiKey.isEmpty() ? settings_.apiKey : e.apiKey;
    s.concurrency = qMax(1, e.concurrency > 0 ? e.concurrency : settings_.concurrency);
    servers_.push_back(s);
  }
  for (int i = 0; i < servers_.size(); ++i)
    probe(i);
  if (settings_.healthIntervalMs > 0) {
    health_ = new QTimer(this);
    health_->setInterval(settings_.healthIntervalMs);
    connect(health_, &QTimer::timeout, this, [this] {
      checkHealth();
      dispatch();  // jobs waiting for a server give up after waitForServerMs
    });
    health_->start();
  }
}

RemoteScoringQueue::~RemoteScoringQueue() {
  for (QNetworkReply* r : running_) {
    if (r != nullptr) {
      r->disconnect(this);
      r->abort();
    }
  }
  for (Server& s : servers_) {
    if (s.health != nullptr) {
      s.health->disconnect(this);
      s.health->abort();
    }
  }
}

QUrl RemoteScoringQueue::endpoint(int server, const QString& path) const {
  QUrl url = servers_[server].base;
  QString base = url.path();
  while (base.endsWith(QLatin1Char('/')))
    base.chop(1);
  if (base.endsWith(QLatin1String("/v1")))
    base.chop(3);
  url.setPath(base + path);
  return url;
}

QNetworkReply* RemoteScoringQueue::get(int server, const QString& path) {
  QNetworkRequest req(endpoint(server, path));
  req.setTransferTimeout(path == servers_[server].healthPath ? settings_.healthTimeoutMs : 30000);
  const QString& key = servers_[server].apiKey;
  if (!key.isEmpty())
    req.setRawHeader("Authorization", "Bearer " + key.toUtf8());
  return net_->get(req);
}

void RemoteScoringQueue::probe(int i) {
  // /v1/models names the served model (and proves the API answers); /version tells whether
  // structured_outputs is understood: older servers ignore unknown fields with HTTP 200.
  const bool wasDown = servers_[i].state == Server::State::Down;
  servers_[i].state = Server::State::Probing;
  QNetworkReply* models = get(i, QStringLiteral("/v1/models"));
  connect(models, &QNetworkReply::finished, this, [this, i, models, wasDown] {
    models->deleteLater();
    Server& s = servers_[i];
    const int status = models->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonArray data =
        QJsonDocument::fromJson(models->readAll()).object().value(QStringLiteral("data")).toArray();
    if (models->error() != QNetworkReply::NoError || status != 200 || data.isEmpty()) {
      s.state = Server::State::Down;
      s.down = QStringLiteral("GET /v1/models: %1")
                   .arg(models->error() != QNetworkReply::NoError
                            ? models->errorString()
                            : QStringLiteral("HTTP %1, %2 models").arg(status).arg(data.size()));
      dispatch();
      return;
    }
    QStringList ids;
    for (const QJsonValue& m : data)
      ids << m.toObject().value(QStringLiteral("id")).toString();
    if (!s.servedModel.isEmpty()) {
      if (!ids.contains(s.servedModel)) {
        s.state = Server::State::Down;
        s.down = QStringLiteral("serves %1, not \"%2\"").arg(ids.join(QStringLiteral(", ")), s.servedModel);
        dispatch();
        return;
      }
      s.model = s.servedModel;
    } else if (ids.size() != 1) {
      s.state = Server::State::Down;
      s.down = QStringLiteral("serves %1 models (%2): name one with --served-model")
                   .arg(ids.size())
                   .arg(ids.join(QStringLiteral(", ")));
      dispatch();
      return;
    } else {
      s.model = ids.first();
    }
    QNetworkReply* version = get(i, QStringLiteral("/version"));
    connect(version, &QNetworkReply::finished, this, [this, i, version, wasDown] {
      version->deleteLater();
      Server& sv = servers_[i];
      sv.structured = supportsStructuredOutputs(QJsonDocument::fromJson(version->readAll()).object());
      sv.state = Server::State::Up;
      sv.down.clear();
      everUp_ = true;
      if (wasDown)
        Q_EMIT serverStateChanged(sv.base.toString(), true, QString());
      dispatch();
    });
  });
}

void RemoteScoringQueue::checkHealth() {
  for (int i = 0; i < servers_.size(); ++i) {
    Server& s = servers_[i];
    if (s.state == Server::State::Probing || s.health != nullptr)
      continue;
    QNetworkReply* reply = get(i, s.healthPath);
    s.health = reply;
    connect(reply, &QNetworkReply::finished, this, [this, i, reply] {
      reply->deleteLater();
      Server& sv = servers_[i];
      sv.health = nullptr;
      const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
      if (status == 404 && sv.healthPath == QLatin1String("/health")) {
        sv.healthPath = QStringLiteral("/v1/models");  // a server without /health: the next check asks this
        return;
      }
      const bool ok = reply->error() == QNetworkReply::NoError && status == 200;
      if (sv.state == Server::State::Up && !ok) {
        takeOut(i, QStringLiteral("GET %1: %2")
                       .arg(sv.healthPath,
                            status == 0 ? reply->errorString() : QStringLiteral("HTTP %1").arg(status)));
      } else if (sv.state == Server::State::Down && ok) {
        probe(i);  // answers again: read its models and version before taking it back
      }
      dispatch();
    });
  }
}

void RemoteScoringQueue::takeOut(int server, const QString& why) {
  Server& s = servers_[server];
  if (s.state == Server::State::Down)
    return;
  s.state = Server::State::Down;
  s.down = why;
  Q_EMIT serverStateChanged(s.base.toString(), false, why);
  // Its requests in flight end now (as a refused connection would) and go to another server;
  // aborted from the event loop, not from inside whatever reported the failure.
  QList<QPointer<QNetworkReply>> replies;
  for (auto it = runningOn_.cbegin(); it != runningOn_.cend(); ++it) {
    if (it.value() == server && running_.value(it.key()) != nullptr)
      replies << running_.value(it.key());
  }
  if (!replies.isEmpty()) {
    QMetaObject::invokeMethod(
        this,
        [replies] {
          for (const QPointer<QNetworkReply>& r : replies) {
            // One already failing (an error status on its way) ends by itself.
            if (r && r->isRunning() && r->error() == QNetworkReply::NoError)
              r->abort();
          }
        },
        Qt::QueuedConnection);
  }
}

bool RemoteScoringQueue::waitingForServers() const {
  return settings_.healthIntervalMs > 0 && everUp_ && noServerSince_.isValid() &&
         noServerSince_.elapsed() < settings_.waitForServerMs;
}

qint64 RemoteScoringQueue::enqueue(const ScoreRequest& request, int priority) {
  Job job;
  job.id = next_job_++;
  job.priority = priority;
  job.request = request;
  auto it = pending_.begin();
  while (it != pending_.end() && it->priority >= priority)
    ++it;
  pending_.insert(it, std::move(job));
  QMetaObject::invokeMethod(this, &RemoteScoringQueue::dispatch, Qt::QueuedConnection);
  return next_job_ - 1;
}

bool RemoteScoringQueue::cancel(qint64 jobId) {
  for (auto it = pending_.begin(); it != pending_.end(); ++it) {
    if (it->id == jobId) {
      pending_.erase(it);
      Q_EMIT jobFailed(jobId, QStringLiteral("cancelled"), QStringLiteral("cancelled before it started"));
      checkIdle();
      return true;
    }
  }
  if (running_.contains(jobId)) {
    cancelled_[jobId] = true;
    if (QNetworkReply* r = running_.value(jobId))
      r->abort();  // onReply reports it
    return true;
  }
  return false;
}

void RemoteScoringQueue::cancelAll() {
  while (!pending_.empty())
    cancel(pending_.front().id);
  for (qint64 id : running_.keys())
    cancel(id);
}

void RemoteScoringQueue::checkIdle() {
  if (pending_.empty() && running_.isEmpty())
    Q_EMIT idle();
}

void RemoteScoringQueue::dispatch() {
  bool anyUsable = false;
  for (const Server& s : servers_)
    anyUsable = anyUsable || s.state != Server::State::Down;
  if (!anyUsable) {
    if (!noServerSince_.isValid())
      noServerSince_.start();
    if (!pending_.empty() && waitingForServers())
      return;  // a health check may bring one back
    QStringList why;
    for (const Server& s : servers_)
      why << QStringLiteral("%1: %2").arg(s.base.toString(), s.down);
    while (!pending_.empty()) {
      const Job job = pending_.front();
      pending_.pop_front();
      Q_EMIT jobFailed(job.id, QString::fromLatin1(kErrServerUnavailable),
                       QStringLiteral("no server is usable (%1)").arg(why.join(QStringLiteral("; "))));
    }
    checkIdle();
    return;
  }
  noServerSince_.invalidate();
  // Jobs are started after the walk: starting one may fail it at once and change the queue.
  std::vector<std::pair<Job, int>> starts;
  for (auto it = pending_.begin(); it != pending_.end();) {
    // The least loaded server that is up, preferring one this job has not failed on.
    int best = -1;
    for (int i = 0; i < servers_.size(); ++i) {
      const Server& s = servers_[i];
      if (s.state != Server::State::Up || s.inFlight >= s.concurrency)
        continue;
      const bool tried = it->triedServers.contains(i);
      if (best < 0 || (!tried && it->triedServers.contains(best)) ||
          (tried == it->triedServers.contains(best) && s.inFlight < servers_[best].inFlight)) {
        best = i;
      }
    }
    if (best < 0)
      break;
    if (it->triedServers.contains(best)) {
      // Only a server this job failed on has room: wait for one it has not tried, if any is up.
      bool untried = false;
      for (int i = 0; i < servers_.size(); ++i) {
        untried = untried || (servers_[i].state == Server::State::Up && !it->triedServers.contains(i));
      }
      if (untried) {
        ++it;
        continue;
      }
    }
    Job job = std::move(*it);
    it = pending_.erase(it);
    ++servers_[best].inFlight;
    ++job.attempts;
    running_.insert(job.id, nullptr);
    runningOn_.insert(job.id, best);
    starts.emplace_back(std::move(job), best);
  }
  for (auto& [job, server] : starts) {
    Q_EMIT jobStarted(job.id, job.attempts);
    Q_EMIT jobServedBy(job.id, servers_[server].base.toString());
    if (job.prepared) {
      post(std::move(job), server);
    } else {
      prepare(std::move(job), server);
    }
  }
}

void RemoteScoringQueue::prepare(Job job, int server) {
  Q_EMIT jobProgress(job.id, QStringLiteral("sampling"), 0, QString());
  QPointer<RemoteScoringQueue> self(this);
  const QString modelDir = settings_.modelDir;
  std::shared_ptr<const tokenizer::Tokenizer> tok = tokenizer_;
  QThreadPool::globalInstance()->start([self, job, server, modelDir, tok]() mutable {
    auto p = std::make_shared<Prepared>();
    try {
      QElapsedTimer t;
      t.start();
      const media::SamplerConfig config = media::SamplerConfig::forModel(modelDir, job.request.settings.fps);
      const media::SampledVideo v =
          media::sampleVideo(job.request.videoPath, config, media::SampleOutput::Frames);
      p->sampleMs = msSince(t);
      t.restart();
      p->dataUrl = framesToDataUrl(v.frames);
      p->encodeMs = msSince(t);
      // The processor pads the frame count to a multiple of temporal_patch_size.
      const int64_t tp = config.temporal_patch_size;
      const int64_t gt = (v.nframes + tp - 1) / tp;
      const int64_t gh = v.resized.height / config.patch_size;
      const int64_t gw = v.resized.width / config.patch_size;
      if (tok) {
        const int64_t videoTokens = gt * gh * gw / (config.merge_size * config.merge_size);
        const QString query = renderQuery(job.request.settings, job.request.prompt);
        p->promptTokens =
            static_cast<qint64>(tokenizer::videoPromptIds(*tok, query.toStdString(), videoTokens).size());
      }
      QJsonArray indices;
      for (int64_t i : v.indices)
        indices.append(static_cast<qint64>(i));
      p->sampler =
          QJsonObject{{QStringLiteral("nframes"), static_cast<qint64>(v.nframes)},
                      {QStringLiteral("total_frames"), static_cast<qint64>(v.total_frames)},
                      {QStringLiteral("video_fps"), v.video_fps},
                      {QStringLiteral("indices"), indices},
                      {QStringLiteral("grid_thw"),
                       QJsonArray{static_cast<qint64>(gt), static_cast<qint64>(gh), static_cast<qint64>(gw)}},
                      {QStringLiteral("resized"), QJsonArray{v.resized.height, v.resized.width}},
                      {QStringLiteral("source"), QJsonArray{v.source_height, v.source_width}},
                      {QStringLiteral("second_per_grid_t"), v.second_per_grid_t},
                      {QStringLiteral("warning"), v.warning}};
    } catch (const vs::Error& e) {
      p->error = RemoteError{QStringLiteral("bad_video"), e.full()};
    } catch (const std::exception& e) {
      p->error = RemoteError{QStringLiteral("bad_video"), QString::fromStdString(e.what())};
    }
    job.prepared = p;
    QMetaObject::invokeMethod(
        self,
        [self, job, server]() mutable {
          if (self)
            self->post(std::move(job), server);
        },
        Qt::QueuedConnection);
  });
}

void RemoteScoringQueue::post(Job job, int server) {
  if (cancelled_.take(job.id)) {
    finishFailed(std::move(job), server,
                 RemoteError{QStringLiteral("cancelled"), QStringLiteral("cancelled")}, false);
    return;
  }
  if (job.prepared->error) {
    finishFailed(std::move(job), server, *job.prepared->error, false);
    return;
  }
  if (servers_[server].state != Server::State::Up) {
    // Taken out while the frames were being prepared: back to the queue, not counted as a run.
    running_.remove(job.id);
    runningOn_.remove(job.id);
    --servers_[server].inFlight;
    --job.attempts;
    pending_.push_front(std::move(job));
    dispatch();
    return;
  }
  const Server& s = servers_[server];
  const bool constrained = job.request.settings.format == ScoreFormat::Constrained;
  if (constrained && !s.structured) {
    finishFailed(std::move(job), server,
                 RemoteError{QString::fromLatin1(kErrServerTooOld),
                             QStringLiteral("%1 is older than vLLM 0.11 (GET /version): it would ignore "
                                            "structured_outputs; score without --constrained")
                                 .arg(s.base.toString())},
                 true);
    return;
  }
  ChatRequestInput in;
  in.request = job.request;
  in.servedModel = s.model;
  in.framesDataUrl = job.prepared->dataUrl;
  in.sampling = settings_.sampling;
  in.constrained = constrained;
  QByteArray body;
  try {
    body = buildChatRequest(in);
  } catch (const vs::Error& e) {
    finishFailed(std::move(job), server, RemoteError{QStringLiteral("invalid_request"), e.full()}, false);
    return;
  }
  QNetworkRequest req(endpoint(server, QStringLiteral("/v1/chat/completions")));
  req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
  req.setTransferTimeout(settings_.timeoutMs);
  if (!s.apiKey.isEmpty())
    req.setRawHeader("Authorization", "Bearer " + s.apiKey.toUtf8());
  Q_EMIT jobProgress(job.id, QStringLiteral("generating"), 0, QString());
  QNetworkReply* reply = net_->post(req, body);
  running_[job.id] = reply;
  auto started = std::make_shared<QElapsedTimer>();
  started->start();
  connect(reply, &QNetworkReply::finished, this, [this, reply, job, server, started]() mutable {
    reply->setProperty("vs_request_ms", msSince(*started));
    onReply(reply, std::move(job), server);
  });
}

void RemoteScoringQueue::onReply(QNetworkReply* reply, Job job, int server) {
  reply->deleteLater();
  const QString where = servers_[server].base.toString();
  if (cancelled_.take(job.id)) {
    finishFailed(std::move(job), server,
                 RemoteError{QStringLiteral("cancelled"), QStringLiteral("cancelled")}, false);
    return;
  }
  const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  if (status == 0) {
    // No HTTP answer at all: refused, reset, killed, timed out, or taken out by a failed health
    // check. Worth another server.
    const Server& s = servers_[server];
    const QString why =
        reply->error() == QNetworkReply::OperationCanceledError && s.state == Server::State::Down
            ? QStringLiteral("taken out (%1)").arg(s.down)
            : reply->errorString();
    finishFailed(
        std::move(job), server,
        RemoteError{QString::fromLatin1(kErrServerUnavailable), QStringLiteral("%1: %2").arg(where, why)},
        true);
    return;
  }
  const QByteArray body = reply->readAll();
  ReplyContext c;
  c.httpStatus = status;
  c.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
  c.server = where;
  c.servedModel = servers_[server].model;
  c.expectedPromptTokens = job.prepared->promptTokens;
  if (tokenizer_) {
    std::shared_ptr<const tokenizer::Tokenizer> tok = tokenizer_;
    c.tokenBytes = [tok](qint64 id) -> std::optional<std::string> {
      const auto t = tok->idToToken(static_cast<int32_t>(id));
      if (!t)
        return std::nullopt;
      return tokenizer::byteLevelToBytes(*t).value_or(*t);
    };
  }
  const ParsedReply parsed = parseChatReply(body, c);
  if (!parsed.result) {
    const bool retry = parsed.error.code == QLatin1String(kErrServerUnavailable) ||
                       parsed.error.code == QLatin1String(kErrServerError);
    finishFailed(std::move(job), server, parsed.error, retry);
    return;
  }
  QJsonObject r = *parsed.result;
  const ScoreSettings& s = job.request.settings;
  r.insert(QStringLiteral("video"), job.request.videoPath);
  r.insert(QStringLiteral("constrained"), s.format == ScoreFormat::Constrained);
  r.insert(QStringLiteral("sampler"), job.prepared->sampler);
  r.insert(QStringLiteral("settings"),
           QJsonObject{{QStringLiteral("engine"), QStringLiteral("remote")},
                       {QStringLiteral("server"), where},
                       {QStringLiteral("served_model"), servers_[server].model},
                       {QStringLiteral("model"), settings_.modelDir},
                       {QStringLiteral("template"), s.templateName},
                       {QStringLiteral("template_text"), renderQuery(s, QStringLiteral("$t2v_prompt"))},
                       {QStringLiteral("fps"), s.fps},
                       {QStringLiteral("greedy"), s.sampling == Sampling::Greedy},
                       {QStringLiteral("temperature"), s.sampling == Sampling::Greedy ? 0.0 : s.temperature},
                       {QStringLiteral("top_p"), settings_.sampling.topP},
                       {QStringLiteral("top_k"), settings_.sampling.topK},
                       {QStringLiteral("repetition_penalty"), settings_.sampling.repetitionPenalty},
                       {QStringLiteral("top_logprobs"), settings_.sampling.topLogprobs},
                       {QStringLiteral("seed"), static_cast<qint64>(s.seed)},
                       {QStringLiteral("max_new_tokens"), s.maxNewTokens},
                       {QStringLiteral("constrained"), s.format == ScoreFormat::Constrained},
                       {QStringLiteral("logprobs_mode"), settings_.logprobsMode == LogprobsMode::Processed
                                                             ? QStringLiteral("processed_logprobs")
                                                             : QStringLiteral("raw_logprobs")},
                       {QStringLiteral("prompt_tokens_checked"), job.prepared->promptTokens >= 0}});
  r.insert(QStringLiteral("timings"),
           QJsonObject{{QStringLiteral("sample_ms"), job.prepared->sampleMs},
                       {QStringLiteral("encode_ms"), job.prepared->encodeMs},
                       {QStringLiteral("request_ms"), reply->property("vs_request_ms").toDouble()},
                       {QStringLiteral("request_bytes"), static_cast<qint64>(job.prepared->dataUrl.size())},
                       {QStringLiteral("total_ms"), job.prepared->sampleMs + job.prepared->encodeMs +
                                                        reply->property("vs_request_ms").toDouble()}});
  running_.remove(job.id);
  runningOn_.remove(job.id);
  --servers_[server].inFlight;
  ++servers_[server].done;
  try {
    Q_EMIT jobFinished(job.id, ScoreResult::fromJson(r));
  } catch (const vs::Error& e) {
    Q_EMIT jobFailed(job.id, QString::fromLatin1(kErrBadReply), e.full());
  }
  dispatch();
  checkIdle();
}

void RemoteScoringQueue::finishFailed(Job job, int server, const RemoteError& error, bool retryable) {
  running_.remove(job.id);
  runningOn_.remove(job.id);
  --servers_[server].inFlight;
  ++servers_[server].failed;
  if (retryable && job.attempts < settings_.maxAttempts) {
    job.triedServers.append(server);
    Q_EMIT jobAttemptFailed(job.id, servers_[server].base.toString(), error.code, error.message);
    if (error.code == QLatin1String(kErrServerUnavailable)) {
      // A killed or overloaded replica only slows the job. With health checks it is taken out
      // until it answers again; without, only while another server is up.
      bool others = false;
      for (int i = 0; i < servers_.size(); ++i)
        others = others || (i != server && servers_[i].state == Server::State::Up);
      if (others || settings_.healthIntervalMs > 0)
        takeOut(server, error.message);
    }
    pending_.push_front(std::move(job));
  } else {
    Q_EMIT jobFailed(job.id, error.code, error.message);
  }
  dispatch();
  checkIdle();
}

QList<RemoteScoringQueue::ServerStats> RemoteScoringQueue::serverStats() const {
  QList<ServerStats> out;
  for (const Server& s : servers_) {
    out.push_back(
        ServerStats{s.base.toString(), s.done, s.failed, s.state == Server::State::Up, s.model, s.down});
  }
  return out;
}

}  // namespace vs::scoring
