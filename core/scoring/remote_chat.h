#pragma once
// One VideoScore2 evaluation as an OpenAI-compatible chat completion (vLLM >= 0.11, or
// `vscore serve`): the request body built from our own sampler's frames, and the reply read back
// into the worker's result shape, so the rest of the app cannot tell the engines apart.
// See /shared/reference/serving-and-team.md §1 for the server-side facts this follows.
#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <functional>
#include <optional>
#include <string>

#include "core/scoring/score_request.h"
#include "core/scoring/score_result.h"

namespace vs::scoring {

// Job error codes of the remote backend (next to the HTTP facts that produce them).
inline constexpr const char* kErrServerUnavailable = "server_unavailable";  // 503, refused, time-out: retried
inline constexpr const char* kErrServerRejected = "server_rejected";        // 4xx: the request is wrong
inline constexpr const char* kErrServerError = "server_error";              // other 5xx
inline constexpr const char* kErrBadReply = "bad_reply";      // HTML, truncated JSON, wrong shape
inline constexpr const char* kErrWrongModel = "wrong_model";  // reply names another model
inline constexpr const char* kErrPromptMismatch = "prompt_token_mismatch";  // usage.prompt_tokens != ours
inline constexpr const char* kErrServerTooOld = "server_too_old";           // --constrained on vLLM < 0.11

// Whether the server's logprobs are after the processors (temperature, top-k/top-p), as HF's
// `scores` and so VideoScore2's soft scores are, or raw (vLLM's default). A server-wide launch
// flag the client cannot read: declared by the user, recorded with every result.
enum class LogprobsMode { Processed, Raw };

// Sampling parameters sent explicitly, since vLLM otherwise applies the checkpoint's
// generation_config.json (serving-and-team.md §1.3).
struct RemoteSampling {
  double topP = 1.0;
  int topK = -1;  // -1: off (vLLM's convention)
  double repetitionPenalty = 1.0;
  int topLogprobs = 20;  // vLLM's default --max-logprobs
};

// The sampling parameters the local worker uses with the checkpoint in `modelDir`: its
// generation_config.json, and transformers' defaults for what the file leaves out (top_k 50,
// top_p 1.0, repetition_penalty 1.0), so that servers sample as local scoring does. No file
// (or an empty `modelDir`): those defaults. Throws vs::Error(InvalidData) for a file that is not
// a JSON object.
RemoteSampling samplingOfCheckpoint(const QString& modelDir);

// The score block our constrained decoding produces, as a structured_outputs regex: free text,
// then the block with VideoScore2's labels and digits 1-5.
QString scoreBlockRegex();

struct ChatRequestInput {
  ScoreRequest request;
  QString servedModel;
  QByteArray framesDataUrl;  // framesToDataUrl() of the sampler's frames
  RemoteSampling sampling;
  bool constrained = false;  // adds structured_outputs.regex (check the server's version first)
};

// The rendered query text (template with the prompt inserted), byte-exact as the worker builds it.
// Throws vs::Error(InvalidData) for a bad template.
QString renderQuery(const ScoreSettings& settings, const QString& prompt);

QByteArray buildChatRequest(const ChatRequestInput& input);

// A failed job: code (one above) and a message that says what the server did.
struct RemoteError {
  QString code;
  QString message;
};

// Maps a token id to its bytes, for replies whose tokens come as "token_id:N"
// (return_tokens_as_token_ids). Empty function: such replies fail with bad_reply.
using TokenBytes = std::function<std::optional<std::string>(qint64 id)>;

struct ReplyContext {
  int httpStatus = 0;
  QString contentType;
  QString server;                    // for messages
  QString servedModel;               // what was asked for
  qint64 expectedPromptTokens = -1;  // -1: not checked (no tokenizer)
  TokenBytes tokenBytes;
};

// Reads an OpenAI chat-completion reply into the worker's result JSON (text, scores,
// soft_scores from top_logprobs by vs2_inference.py's rule, prompt_tokens, generated_tokens,
// score_steps, stop_reason). Returns the error instead when the reply is not a usable completion.
struct ParsedReply {
  std::optional<QJsonObject> result;
  RemoteError error;
};
ParsedReply parseChatReply(const QByteArray& body, const ReplyContext& context);

// vLLM's version string ("0.11.0", "0.19.1rc2") is new enough for structured_outputs (>= 0.11);
// `vscore serve` answers {"engine": "vscore"}.
bool supportsStructuredOutputs(const QJsonObject& versionReply);

}  // namespace vs::scoring
