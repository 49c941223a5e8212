#pragma once
// One score, waited for: through a fresh vscore-worker (start, load, score, stop) or through the
// OpenAI-compatible servers of a RemoteSettings, for programs without an event loop of their own
// (the command line). Failures are vs::Error whose kind follows the protocol code (errorKindOf).
#include <QJsonObject>
#include <QString>
#include <functional>

#include "core/domain/error.h"
#include "core/scoring/score_request.h"

namespace vs::scoring {

struct RemoteSettings;

// The error kind of a worker or server error code: bad_model and bad_video are invalid data,
// invalid_request a usage error, anything else (crashes, time-outs, unreachable servers) a
// runtime failure.
Error::Kind errorKindOf(const QString& code);
// vs::Error(errorKindOf(code), code, message): "code: message".
[[noreturn]] void throwScoringError(const QString& code, const QString& message);

struct LocalModel {
  QString workerProgram;  // path of vscore-worker
  QString modelDir;       // checkpoint directory (Hugging Face layout)
  QString device = QStringLiteral("cpu");
  QString dtype = QStringLiteral("f32");
};

// Sees the score request's progress events ({"stage", "tokens", ...}), then an empty object once
// the request has ended, answered or not.
using ScoreProgress = std::function<void(const QJsonObject& event)>;

// The worker's score result, with the model's load time added to its timings as load_ms.
// Throws vs::Error: Io when the worker does not start, else as throwScoringError.
QJsonObject scoreWithWorker(const LocalModel& model, const ScoreRequest& request,
                            const ScoreProgress& progress = {});

// The result of one job through RemoteScoringQueue (ScoreResult::raw). Throws vs::Error.
QJsonObject scoreRemotely(const RemoteSettings& settings, const ScoreRequest& request);

}  // namespace vs::scoring
