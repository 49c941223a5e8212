#pragma once
// Scoring jobs over OpenAI-compatible chat servers (vLLM replicas, `vscore serve`): frames come
// from our own sampler (on a pool thread), travel as PNG in one frame-list video_url, and the
// reply is read back into the worker's result shape (remote_chat.h). Jobs spread over the
// servers with at most `concurrency` in flight on each; a server that fails a probe is left out;
// a job that fails on a server for a reason that may pass (503, refused, time-out) is retried on
// another, up to maxAttempts runs. During a run every server is checked (GET /health) every
// healthIntervalMs: one that fails is taken out and its jobs in flight go to another; one that
// answers again is probed and taken back. While no server is usable, jobs wait up to
// waitForServerMs for one to come back.
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QTimer>
#include <QUrl>
#include <deque>
#include <memory>
#include <optional>

#include "core/scoring/remote_chat.h"
#include "core/scoring/scoring_backend.h"

class QNetworkAccessManager;
class QNetworkReply;

namespace vs::tokenizer {
class Tokenizer;
}

namespace vs::scoring {

// What one server may differ in; empty or 0 fields fall back to RemoteSettings'.
struct RemoteEndpoint {
  QString servedModel;
  QString apiKey;
  int concurrency = 0;
};

struct RemoteSettings {
  QList<QUrl> servers;              // base URLs: http://host:8000 (with or without /v1)
  QList<RemoteEndpoint> endpoints;  // per server, in the order of `servers` (may be shorter)
  int concurrency = 2;              // requests in flight per server
  QString servedModel;              // empty: the only entry of GET /v1/models
  QString apiKey;  // sent as "Authorization: Bearer"; read by the caller from the variable the user names
  // Checkpoint directory whose tokenizer.json and preprocessor_config.json are the served model's:
  // the prompt-token check and token_id:N replies need it. Empty: sampler defaults, no check.
  QString modelDir;
  RemoteSampling sampling;
  LogprobsMode logprobsMode = LogprobsMode::Processed;  // what the servers were started with
  int timeoutMs = 600000;
  int maxAttempts = 3;
  int healthIntervalMs = 5000;  // 0: servers are probed at the start only
  int healthTimeoutMs = 5000;
  int waitForServerMs = 120000;  // with health checks: how long jobs wait while no server is usable
};

class RemoteScoringQueue : public ScoringBackend {
  Q_OBJECT
 public:
  // Throws vs::Error when modelDir is set and its tokenizer cannot be read.
  explicit RemoteScoringQueue(RemoteSettings settings, QObject* parent = nullptr);
  ~RemoteScoringQueue() override;

  qint64 enqueue(const ScoreRequest& request, int priority = 0) override;
  bool cancel(qint64 jobId) override;
  void cancelAll() override;
  int pendingCount() const override { return static_cast<int>(pending_.size()); }
  bool isBusy() const override { return !running_.isEmpty(); }

  struct ServerStats {
    QString url;
    int done = 0;
    int failed = 0;
    bool up = false;
    QString model;
    QString down;  // why it was left out
  };
  QList<ServerStats> serverStats() const;

 Q_SIGNALS:
  // A server was taken out (up false, with the reason) or taken back.
  void serverStateChanged(const QString& server, bool up, const QString& why);

 private:
  struct Prepared;
  struct Job {
    qint64 id = 0;
    int priority = 0;
    int attempts = 0;
    ScoreRequest request;
    std::shared_ptr<const Prepared> prepared;
    QList<int> triedServers;
  };
  struct Server {
    QUrl base;
    enum class State { Probing, Up, Down } state = State::Probing;
    QString servedModel;  // asked for; empty: the only one served
    QString apiKey;
    int concurrency = 1;
    QString model;
    bool structured = false;
    int inFlight = 0;
    int done = 0;
    int failed = 0;
    QString down;
    QNetworkReply* health = nullptr;  // the check in flight
    QString healthPath = QStringLiteral("/health");
  };

  void probe(int server);
  void checkHealth();
  void takeOut(int server, const QString& why);
  bool waitingForServers() const;
  void dispatch();
  void prepare(Job job, int server);
  void post(Job job, int server);
  void onReply(QNetworkReply* reply, Job job, int server);
  void finishFailed(Job job, int server, const RemoteError& error, bool retryable);
  QNetworkReply* get(int server, const QString& path);
  QUrl endpoint(int server, const QString& path) const;
  void checkIdle();

  RemoteSettings settings_;
  QNetworkAccessManager* net_ = nullptr;
  std::shared_ptr<const tokenizer::Tokenizer> tokenizer_;
  QList<Server> servers_;
  std::deque<Job> pending_;
  QHash<qint64, QNetworkReply*> running_;  // null while the frames are being prepared
  QHash<qint64, int> runningOn_;           // job id -> server
  QTimer* health_ = nullptr;
  QElapsedTimer noServerSince_;  // valid while no server is usable
  bool everUp_ = false;          // some server answered a probe
  QHash<qint64, bool> cancelled_;
  qint64 next_job_ = 1;
};

}  // namespace vs::scoring
