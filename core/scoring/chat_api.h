#pragma once
// The OpenAI-compatible chat API of `vscore serve` (the subset vLLM serves VideoScore2 with):
// reading a /v1/chat/completions request into the worker's score params, and the bodies the
// server answers with. No HTTP here: the server wiring hands bodies in and writes bodies out.
#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <memory>
#include <vector>

#include "core/media/video_frame.h"

namespace vs::tokenizer {
class Tokenizer;
}

namespace vs::scoring {

// A request the API refuses: HTTP status and message (the body is ChatApi::errorBody).
struct ApiError {
  int status = 400;
  QString message;
};

// One chat completion request, read.
struct ChatRequest {
  std::vector<media::RgbImage> frames;  // the sampler's pixels, decoded from the PNG frame list
  QJsonObject params;                   // the worker's score params, "frames" still to be added
  bool tokenIds = false;                // return_tokens_as_token_ids
  int topLogprobs = -1;                 // -1: no logprobs
};

class ChatApi {
 public:
  // Reads modelDir/tokenizer.json (token texts and bytes of logprobs); throws std::exception.
  ChatApi(QString modelDir, QString servedName);
  ~ChatApi();
  ChatApi(const ChatApi&) = delete;
  ChatApi& operator=(const ChatApi&) = delete;

  const QString& modelDir() const { return modelDir_; }
  const QString& servedName() const { return servedName_; }

  // /v1/models at `created` (seconds since the epoch).
  QByteArray models(qint64 created) const;
  // Throws ApiError: 400 for a malformed or unsupported request, 404 for another model's name.
  ChatRequest read(const QByteArray& body) const;
  // The chat.completion body for a worker's score result; ids count up from chatcmpl-1.
  QByteArray completion(const QJsonObject& result, const ChatRequest& request, qint64 created);

  // An OpenAI-style error body.
  static QByteArray errorBody(int status, const QString& message);
  // The HTTP status for a worker's (or the queue's) error code.
  static int statusForWorkerError(const QString& code);

 private:
  QJsonObject tokenEntry(qint64 id, double logprob, bool tokenIds) const;

  QString modelDir_;
  QString servedName_;
  std::unique_ptr<tokenizer::Tokenizer> tokenizer_;
  qint64 served_ = 0;
};

// Writes `frames` one after another as raw RGB24 to `path` and returns the score params'
// "frames" object (path, count, height, width). Throws ApiError (500) when it cannot write.
QJsonObject writeFramesFile(const std::vector<media::RgbImage>& frames, const QString& path);

}  // namespace vs::scoring
