#include "core/scoring/remote_chat.h"

#include <QJsonArray>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <array>
#include <cmath>
#include <limits>

#include "core/domain/error.h"
#include "inference/rules/generated_tokens.h"
#include "inference/rules/query_template.h"
#include "inference/rules/score_block_controller.h"
#include "inference/rules/score_labels.h"
#include "inference/rules/score_parser.h"
#include "inference/rules/soft_score.h"

namespace vs::scoring {

namespace {

QString regexEscape(const char* text) {
  return QRegularExpression::escape(QString::fromUtf8(text));
}

RemoteError fail(const char* code, const QString& message) {
  return RemoteError{QString::fromLatin1(code), message};
}

// The text of an OpenAI/vLLM error body: {"error": {"message": …}} (current) or
// {"object": "error", "message": …} (vLLM before 0.11).
QString errorMessageOf(const QJsonObject& o) {
  if (o.value(QStringLiteral("error")).isObject()) {
    return o.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
  }
  if (o.value(QStringLiteral("error")).isString())
    return o.value(QStringLiteral("error")).toString();
  return o.value(QStringLiteral("message")).toString();
}

// One logprobs entry's token as bytes: the "bytes" array when given, else "token_id:N" through
// the tokenizer, else the token text itself.
std::optional<std::string> tokenBytesOf(const QJsonObject& entry, const TokenBytes& byId, QString* why) {
  if (entry.value(QStringLiteral("bytes")).isArray()) {
    std::string out;
    for (const QJsonValue& b : entry.value(QStringLiteral("bytes")).toArray()) {
      out.push_back(static_cast<char>(b.toInt()));
    }
    return out;
  }
  const QString token = entry.value(QStringLiteral("token")).toString();
  if (token.startsWith(QLatin1String("token_id:"))) {
    bool ok = false;
    const qint64 id = token.mid(9).toLongLong(&ok);
    if (!ok) {
      *why = QStringLiteral("token \"%1\" is not token_id:N").arg(token);
      return std::nullopt;
    }
    if (!byId) {
      *why = QStringLiteral("tokens come as token_id:N but no tokenizer was given to read them");
      return std::nullopt;
    }
    auto bytes = byId(id);
    if (!bytes)
      *why = QStringLiteral("token id %1 is not in the tokenizer").arg(id);
    return bytes;
  }
  return token.toStdString();
}

}  // namespace

QString scoreBlockRegex() {
  using T = videoscore2::ScoreBlockTexts;
  return QStringLiteral("[\\s\\S]*") + regexEscape(T::kVisualLabel) + regexEscape(T::kSpace) +
         QStringLiteral("[1-5]") + regexEscape(T::kAfterVisual) + QStringLiteral("[1-5]") +
         regexEscape(T::kAfterT2V) + QStringLiteral("[1-5]");
}

QString renderQuery(const ScoreSettings& settings, const QString& prompt) {
  try {
    const videoscore2::QueryTemplate t =
        settings.templateText.isEmpty()
            ? videoscore2::QueryTemplate::preset(settings.templateName.toStdString())
            : videoscore2::QueryTemplate(settings.templateName.toStdString(),
                                         settings.templateText.toStdString());
    return QString::fromStdString(t.render(prompt.toStdString()));
  } catch (const inference::Error& e) {
    throw vs::Error(vs::Error::Kind::InvalidData, QStringLiteral("template"),
                    QString::fromStdString(e.what()));
  }
}

QByteArray buildChatRequest(const ChatRequestInput& in) {
  const ScoreSettings& s = in.request.settings;
  const bool greedy = s.sampling == Sampling::Greedy;
  // The video before the text, as VideoScore2's messages have it; vLLM keeps the part order.
  const QJsonArray content{
      QJsonObject{{QStringLiteral("type"), QStringLiteral("video_url")},
                  {QStringLiteral("video_url"),
                   QJsonObject{{QStringLiteral("url"), QString::fromLatin1(in.framesDataUrl)}}}},
      QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                  {QStringLiteral("text"), renderQuery(s, in.request.prompt)}}};
  QJsonObject body{
      {QStringLiteral("model"), in.servedModel},
      {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                          {QStringLiteral("content"), content}}}},
      {QStringLiteral("max_tokens"), s.maxNewTokens},
      {QStringLiteral("temperature"), greedy ? 0.0 : s.temperature},  // 0: vLLM's greedy
      {QStringLiteral("top_p"), in.sampling.topP},
      {QStringLiteral("top_k"), in.sampling.topK},
      {QStringLiteral("repetition_penalty"), in.sampling.repetitionPenalty},
      {QStringLiteral("seed"), static_cast<qint64>(s.seed)},
      {QStringLiteral("logprobs"), true},
      {QStringLiteral("top_logprobs"), in.sampling.topLogprobs},
      // second_per_grid_ts = temporal_patch_size / fps, as our sampler computes it.
      {QStringLiteral("mm_processor_kwargs"), QJsonObject{{QStringLiteral("fps"), s.fps}}},
      // vLLM >= 0.19 cuts frame lists to 32 frames unless told otherwise.
      {QStringLiteral("media_io_kwargs"),
       QJsonObject{{QStringLiteral("video"), QJsonObject{{QStringLiteral("num_frames"), -1}}}}},
      // vscore serve: the digits "1".."5" in every top list (vLLM ignores unknown fields).
      {QStringLiteral("vs_digit_logprobs"), true},
  };
  if (in.constrained) {
    body.insert(QStringLiteral("structured_outputs"),
                QJsonObject{{QStringLiteral("regex"), scoreBlockRegex()}});
  }
  return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

ParsedReply parseChatReply(const QByteArray& body, const ReplyContext& c) {
  ParsedReply out;
  const QByteArray head = body.left(200).trimmed();
  if (head.startsWith('<') || c.contentType.contains(QLatin1String("html"), Qt::CaseInsensitive)) {
    out.error = fail(kErrBadReply, QStringLiteral("%1 replied with HTML (HTTP %2), not the JSON of an "
                                                  "OpenAI-compatible API; is the URL the API's base? %3")
                                       .arg(c.server)
                                       .arg(c.httpStatus)
                                       .arg(QString::fromUtf8(head.left(80))));
    return out;
  }
  QJsonParseError pe{};
  const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
  const bool json = pe.error == QJsonParseError::NoError && doc.isObject();
  const QJsonObject o = doc.object();
  if (c.httpStatus != 200) {
    const QString why = json ? errorMessageOf(o) : QString::fromUtf8(head.left(120));
    const char* code = c.httpStatus == 503 || c.httpStatus == 429 || c.httpStatus == 0 ? kErrServerUnavailable
                       : c.httpStatus >= 400 && c.httpStatus < 500                     ? kErrServerRejected
                                                                                       : kErrServerError;
    out.error = fail(code, QStringLiteral("%1: HTTP %2: %3").arg(c.server).arg(c.httpStatus).arg(why));
    return out;
  }
  if (!json) {
    out.error = fail(kErrBadReply, QStringLiteral("%1: the reply is not complete JSON (%2 at byte %3 of %4)")
                                       .arg(c.server, pe.errorString())
                                       .arg(pe.offset)
                                       .arg(body.size()));
    return out;
  }
  const QString model = o.value(QStringLiteral("model")).toString();
  if (!c.servedModel.isEmpty() && model != c.servedModel) {
    out.error = fail(
        kErrWrongModel,
        QStringLiteral("%1 answered as model \"%2\", asked for \"%3\"").arg(c.server, model, c.servedModel));
    return out;
  }
  const QJsonArray choices = o.value(QStringLiteral("choices")).toArray();
  const QJsonObject choice = choices.first().toObject();
  const QJsonValue contentValue =
      choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("content"));
  if (choices.isEmpty() || !contentValue.isString()) {
    out.error =
        fail(kErrBadReply, QStringLiteral("%1: no choices[0].message.content in the reply").arg(c.server));
    return out;
  }
  const QJsonObject usage = o.value(QStringLiteral("usage")).toObject();
  const qint64 promptTokens = usage.value(QStringLiteral("prompt_tokens")).toInteger(-1);
  if (c.expectedPromptTokens >= 0 && promptTokens != c.expectedPromptTokens) {
    out.error =
        fail(kErrPromptMismatch,
             QStringLiteral("%1 counted %2 prompt tokens, we count %3 for this prompt and these frames "
                            "(frames dropped or resized on the way, or another chat template)")
                 .arg(c.server)
                 .arg(promptTokens)
                 .arg(c.expectedPromptTokens));
    return out;
  }

  // The generated tokens and, per step, the five digits' log-probabilities from the top list.
  const QJsonArray steps =
      choice.value(QStringLiteral("logprobs")).toObject().value(QStringLiteral("content")).toArray();
  videoscore2::GeneratedTokens gen;
  std::vector<std::array<float, 5>> digitLogprobs;
  const float missing = -std::numeric_limits<float>::infinity();  // not in the top list: p = 0
  for (qsizetype i = 0; i < steps.size(); ++i) {
    const QJsonObject step = steps[i].toObject();
    QString why;
    const auto bytes = tokenBytesOf(step, c.tokenBytes, &why);
    if (!bytes) {
      out.error =
          fail(kErrBadReply, QStringLiteral("%1: logprobs step %2: %3").arg(c.server).arg(i).arg(why));
      return out;
    }
    gen.push(0, *bytes, false);
    std::array<float, 5> digits;
    digits.fill(missing);
    for (const QJsonValue& v : step.value(QStringLiteral("top_logprobs")).toArray()) {
      const QJsonObject t = v.toObject();
      const auto tb = tokenBytesOf(t, c.tokenBytes, &why);
      if (!tb) {
        out.error =
            fail(kErrBadReply, QStringLiteral("%1: logprobs step %2: %3").arg(c.server).arg(i).arg(why));
        return out;
      }
      if (tb->size() == 1 && (*tb)[0] >= '1' && (*tb)[0] <= '5') {
        // vLLM writes float32 values as JSON doubles; back to float32 is exact, as the local path.
        digits[static_cast<size_t>((*tb)[0] - '1')] =
            static_cast<float>(t.value(QStringLiteral("logprob")).toDouble());
      }
    }
    digitLogprobs.push_back(digits);
  }

  const QString text = contentValue.toString();
  const videoscore2::HardScores hard = videoscore2::parseHardScores(text.toStdString());
  QJsonObject scores, soft;
  QJsonArray scoreSteps;
  for (size_t d = 0; d < 3; ++d) {
    const QString key = QString::fromLatin1(videoscore2::kScoreKeys[d].data(),
                                            static_cast<qsizetype>(videoscore2::kScoreKeys[d].size()));
    scores.insert(key, hard.value[d] ? QJsonValue(static_cast<qint64>(*hard.value[d])) : QJsonValue());
    const int step =
        steps.isEmpty() ? -1 : videoscore2::findScoreTokenIndex(videoscore2::kScoreLabels[d], gen);
    scoreSteps.append(step);
    std::optional<double> s;
    if (hard.parsed && step >= 0 && static_cast<size_t>(step) < digitLogprobs.size()) {
      s = videoscore2::softScoreFromLogProbs(true, step, digitLogprobs[static_cast<size_t>(step)]);
    }
    soft.insert(key, s ? QJsonValue(*s) : QJsonValue());
  }
  QJsonObject r{{QStringLiteral("text"), text},
                {QStringLiteral("scores"), scores},
                {QStringLiteral("soft_scores"), soft},
                {QStringLiteral("parsed"), hard.parsed},
                {QStringLiteral("score_steps"), scoreSteps},
                {QStringLiteral("stop_reason"), choice.value(QStringLiteral("finish_reason")).toString()},
                {QStringLiteral("prompt_tokens"), promptTokens},
                {QStringLiteral("generated_tokens"),
                 usage.value(QStringLiteral("completion_tokens")).toInteger(steps.size())},
                {QStringLiteral("served_model"), model}};
  if (steps.isEmpty()) {
    r.insert(QStringLiteral("warning"), QStringLiteral("the reply has no logprobs: no soft scores"));
  }
  out.result = r;
  return out;
}

RemoteSampling samplingOfCheckpoint(const QString& modelDir) {
  RemoteSampling s;
  s.topK = 50;  // GenerationConfig's class defaults, as the local engine resolves them
  s.topP = 1.0;
  s.repetitionPenalty = 1.0;
  if (modelDir.isEmpty())
    return s;
  QFile f(modelDir + QStringLiteral("/generation_config.json"));
  if (!f.open(QIODevice::ReadOnly))
    return s;
  QJsonParseError pe{};
  const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
  if (!doc.isObject())
    throw vs::Error(vs::Error::Kind::InvalidData, f.fileName(), pe.errorString());
  const QJsonObject o = doc.object();
  if (o.value(QStringLiteral("top_k")).isDouble())
    s.topK = o.value(QStringLiteral("top_k")).toInt();
  if (o.value(QStringLiteral("top_p")).isDouble())
    s.topP = o.value(QStringLiteral("top_p")).toDouble();
  if (o.value(QStringLiteral("repetition_penalty")).isDouble()) {
    s.repetitionPenalty = o.value(QStringLiteral("repetition_penalty")).toDouble();
  }
  if (s.topK == 0)
    s.topK = -1;  // off, in vLLM's spelling
  return s;
}

bool supportsStructuredOutputs(const QJsonObject& v) {
  if (v.value(QStringLiteral("engine")).toString() == QLatin1String("vscore"))
    return true;
  static const QRegularExpression re(QStringLiteral("^v?(\\d+)\\.(\\d+)"));
  const auto m = re.match(v.value(QStringLiteral("version")).toString());
  if (!m.hasMatch())
    return false;
  const int major = m.captured(1).toInt(), minor = m.captured(2).toInt();
  return major > 0 || minor >= 11;
}

}  // namespace vs::scoring
