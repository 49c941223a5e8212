#include "inference/videoscore2/scorer.h"

// Only the soft-score log-softmax needs ATen here (the engine is behind its torch-free facade).
#define TORCH_ASSERT_ONLY_METHOD_OPERATORS
#include <ATen/core/Tensor.h>
#include <ATen/ops/from_blob.h>
#include <ATen/ops/log_softmax.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "inference/base/error.h"
#include "inference/tokenizer/byte_level.h"
#include "inference/tokenizer/chat_template.h"
#include "inference/tokenizer/tokenizer.h"
#include "inference/videoscore2/constrained_decoding.h"
#include "inference/rules/generated_tokens.h"
#include "inference/rules/score_block_controller.h"
#include "inference/rules/score_labels.h"
#include "inference/rules/soft_score.h"
#include "inference/rules/unicode_text.h"

namespace vs::videoscore2 {

namespace {

double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// vs2_inference.py: torch.log_softmax(scores[i][0]) (float32), then the ids of "1".."5".
std::array<float, 5> digitLogProbs(const std::vector<float>& processed, const std::array<int, 5>& digit_ids) {
  auto logits = at::from_blob(const_cast<float*>(processed.data()), {static_cast<int64_t>(processed.size())},
                              at::TensorOptions().dtype(at::kFloat));
  const auto lp = at::log_softmax(logits, -1).contiguous();
  const float* p = lp.data_ptr<float>();
  std::array<float, 5> out{};
  for (size_t s = 0; s < 5; ++s) {
    out[s] = p[digit_ids[s]];
  }
  return out;
}

// The float32 log-softmax of `logits` at every id (the same arithmetic as digitLogProbs).
std::vector<float> logSoftmax(const std::vector<float>& logits) {
  auto t = at::from_blob(const_cast<float*>(logits.data()), {static_cast<int64_t>(logits.size())},
                         at::TensorOptions().dtype(at::kFloat));
  const auto lp = at::log_softmax(t, -1).contiguous();
  const float* p = lp.data_ptr<float>();
  return std::vector<float>(p, p + logits.size());
}

// vLLM's OpenAI layer writes -inf as -9999.0 (JSON has no infinity).
float clampLogprob(float v) {
  return std::isfinite(v) ? v : -9999.0f;
}

StepLogprobs stepLogprobs(const generate::KeptLogits& kept, int top_k, const std::array<int, 5>* digits) {
  const DigitLogits source = digitLogitsOf(kept);
  const std::vector<float> lp = logSoftmax(*source.logits);
  StepLogprobs s;
  s.step = kept.step;
  s.token_id = kept.token_id;
  s.logprob = kept.token_id >= 0 && static_cast<size_t>(kept.token_id) < lp.size()
                  ? clampLogprob(lp[static_cast<size_t>(kept.token_id)])
                  : -9999.0f;
  std::vector<int64_t> order(lp.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = static_cast<int64_t>(i);
  const size_t k = std::min(order.size(), static_cast<size_t>(std::max(0, top_k)));
  const auto more_likely = [&lp](int64_t a, int64_t b) {
    const float x = lp[static_cast<size_t>(a)], y = lp[static_cast<size_t>(b)];
    return x > y || (x == y && a < b);
  };
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(), more_likely);
  order.resize(k);
  if (digits != nullptr) {
    for (int id : *digits) {
      if (std::find(order.begin(), order.end(), id) == order.end())
        order.push_back(id);
    }
    std::sort(order.begin(), order.end(), more_likely);
  }
  for (int64_t id : order)
    s.top.emplace_back(id, clampLogprob(lp[static_cast<size_t>(id)]));
  return s;
}

const char* blockStartName(ScoreBlockController::BlockStart s) {
  switch (s) {
    case ScoreBlockController::BlockStart::ModelWroteLabel:
      return "model-wrote-label";
    case ScoreBlockController::BlockStart::ModelStopped:
      return "model-stopped";
    case ScoreBlockController::BlockStart::BudgetReached:
      return "budget";
    case ScoreBlockController::BlockStart::NotYet:
      return "none";
  }
  return "none";
}

}  // namespace

struct Scorer::Impl {
  std::string dir;
  std::unique_ptr<qwen25vl::Qwen25VLEngine> engine;
  std::unique_ptr<tokenizer::Tokenizer> tok;
  std::vector<std::string> token_bytes;  // per id, raw bytes after the byte-level decoder
  std::vector<bool> token_special;
  std::array<int, 5> digit_ids{};

  const std::string& bytesOf(int64_t id) const {
    static const std::string empty;
    return id >= 0 && static_cast<size_t>(id) < token_bytes.size() ? token_bytes[static_cast<size_t>(id)]
                                                                   : empty;
  }
  bool specialOf(int64_t id) const {
    return id >= 0 && static_cast<size_t>(id) < token_special.size() &&
           token_special[static_cast<size_t>(id)];
  }
  std::vector<int> encodeInts(const std::string& text) const {
    const auto ids = tok->encode(text);
    return std::vector<int>(ids.begin(), ids.end());
  }
};

Scorer::Scorer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Scorer::~Scorer() = default;

std::unique_ptr<Scorer> Scorer::load(const std::string& model_dir, const qwen25vl::EngineOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->dir = model_dir;
  impl->tok = tokenizer::Tokenizer::fromFile(model_dir + "/tokenizer.json");
  impl->engine = qwen25vl::Qwen25VLEngine::load(model_dir, options);
  const int64_t vocab =
      std::max<int64_t>(impl->engine->config().text.vocab_size, static_cast<int64_t>(impl->tok->size()));
  impl->token_bytes.resize(static_cast<size_t>(vocab));
  impl->token_special.resize(static_cast<size_t>(vocab));
  for (int64_t id = 0; id < vocab; ++id) {
    if (const auto token = impl->tok->idToToken(static_cast<int32_t>(id))) {
      impl->token_bytes[static_cast<size_t>(id)] = tokenizer::byteLevelToBytes(*token).value_or(*token);
      impl->token_special[static_cast<size_t>(id)] = impl->tok->isSpecial(static_cast<int32_t>(id));
    }
  }
  for (int s = 1; s <= 5; ++s) {
    const auto ids = impl->tok->encode(std::to_string(s));
    if (ids.size() != 1) {
      throw inference::Error(inference::Error::Kind::InvalidData, model_dir + "/tokenizer.json",
                             "\"" + std::to_string(s) + "\"", "a score digit is not one token");
    }
    impl->digit_ids[static_cast<size_t>(s - 1)] = ids[0];
  }
  return std::unique_ptr<Scorer>(new Scorer(std::move(impl)));
}

const qwen25vl::Qwen25VLEngine& Scorer::engine() const {
  return *impl_->engine;
}

nlohmann::json Scorer::describe() const {
  const auto& c = impl_->engine->config();
  return nlohmann::json{{"model", impl_->dir},
                        {"device_name", impl_->engine->deviceName()},
                        {"vocab_size", c.text.vocab_size},
                        {"hidden_size", c.text.hidden_size},
                        {"layers", c.text.num_hidden_layers},
                        {"vision_depth", c.vision.depth}};
}

ScoreOutcome Scorer::score(const std::string& t2v_prompt, const qwen25vl::VideoInput& video,
                           const ScoreSettings& settings,
                           const std::function<void(const ScoreProgress&)>& progress,
                           const std::atomic<bool>* cancel) {
  const auto start = std::chrono::steady_clock::now();
  Impl& d = *impl_;
  const auto& config = d.engine->config();
  const int64_t merge = config.vision.spatial_merge_size;
  const int64_t video_tokens = video.grid_thw[0] * video.grid_thw[1] * video.grid_thw[2] / (merge * merge);
  const std::string user_text = settings.query_template.render(t2v_prompt);
  const auto ids32 = tokenizer::videoPromptIds(*d.tok, user_text, video_tokens);
  std::vector<int64_t> prompt(ids32.begin(), ids32.end());

  generate::GenerationOverrides overrides;
  overrides.decoding =
      settings.decoding == Decoding::Greedy ? generate::Decoding::kGreedy : generate::Decoding::kSample;
  if (settings.decoding == Decoding::Sample) {
    overrides.temperature = settings.temperature;
  }
  overrides.seed = settings.seed;
  overrides.max_new_tokens = settings.max_new_tokens;
  overrides.top_p = settings.top_p;
  overrides.top_k = settings.top_k;
  overrides.repetition_penalty = settings.repetition_penalty;
  generate::GenerationConfig gen_config = d.engine->generationConfig(overrides);

  ScoreOutcome out;
  out.format = settings.format;
  out.prompt_tokens = static_cast<int64_t>(prompt.size());
  out.generation = nlohmann::json{{"description", generate::describe(gen_config)},
                                  {"greedy", gen_config.decoding == generate::Decoding::kGreedy},
                                  {"temperature", gen_config.temperature},
                                  {"top_k", gen_config.top_k},
                                  {"top_p", gen_config.top_p},
                                  {"repetition_penalty", gen_config.repetition_penalty},
                                  {"max_new_tokens", gen_config.max_new_tokens},
                                  {"eos_token_ids", gen_config.eos_token_ids},
                                  {"seed", gen_config.seed}};

  GeneratedTokens gen;
  auto last_report = std::chrono::steady_clock::now();
  auto report = [&](const char* stage, bool force) {
    if (!progress)
      return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_report < std::chrono::milliseconds(100))
      return;
    last_report = now;
    progress(ScoreProgress{stage, static_cast<int64_t>(gen.size()), gen.text(true)});
  };
  report("prefill", true);

  auto runPass = [&](const std::vector<int64_t>& input, const generate::GenerationConfig& cfg,
                     const generate::GenerationCallbacks& callbacks) {
    generate::GenerationResult r = d.engine->generate(input, &video, cfg, callbacks);
    out.vision_ms += r.vision_ms;
    out.prefill_ms += r.prefill_ms;
    out.decode_ms += r.decode_ms;
    out.stop_reason = generate::stopReasonName(r.stop);
    ++out.prefills;
    return r;
  };

  // With per-step logprobs every step is seen, but only its top entries are kept; the full row
  // stays only where the soft scores need it (`soft_step`, set by before_select for its step).
  bool soft_step = false;
  const auto keepTopOnly = [&](generate::GenerationCallbacks& cb) {
    if (settings.top_logprobs < 0)
      return;
    cb.on_kept = [&](const generate::KeptLogits& kept) {
      out.logprobs.push_back(
          stepLogprobs(kept, settings.top_logprobs, settings.extra_digit_logprobs ? &d.digit_ids : nullptr));
      return soft_step ? generate::KeepLogits::kYes : generate::KeepLogits::kNo;
    };
  };

  generate::GenerationResult r;
  if (settings.format == ScoreFormat::Free) {
    // Keep a step's processed logits while some label has appeared with no digit after it yet:
    // the reference's soft-score step is the first digit after the first label.
    std::array<bool, 3> settled{};
    generate::GenerationCallbacks cb;
    cb.cancel = cancel;
    cb.before_select = [&](const generate::StepContext&) {
      generate::StepControl control;
      soft_step = false;
      if (settings.top_logprobs >= 0)
        control.keep = generate::KeepLogits::kYes;
      if (settled[0] && settled[1] && settled[2])
        return control;
      const std::u32string text = decodeUtf8Replace(gen.text(false));
      for (size_t l = 0; l < 3; ++l) {
        if (settled[l])
          continue;
        const size_t at = findCaseless(text, kScoreLabels[l], 0);
        if (at == std::u32string::npos)
          continue;
        bool digit_seen = false;
        for (size_t i = at + kScoreLabels[l].size(); i < text.size() && !digit_seen; ++i) {
          digit_seen = decimalDigitValue(text[i]) >= 0;
        }
        if (digit_seen) {
          settled[l] = true;
        } else {
          control.keep = generate::KeepLogits::kYes;
          soft_step = true;
        }
      }
      return control;
    };
    keepTopOnly(cb);
    cb.on_token = [&](int64_t, int64_t token) {
      gen.push(static_cast<int>(token), d.bytesOf(token), d.specialOf(token));
      report("generating", false);
      return generate::TokenAction::kContinue;
    };
    r = runPass(prompt, gen_config, cb);
    out.text = gen.text(true);
    out.hard = parseHardScores(out.text);
    for (size_t l = 0; l < 3; ++l) {
      const int step = findScoreTokenIndex(kScoreLabels[l], gen);
      out.score_steps[l] = step;
      if (!out.hard.parsed || step < 0)
        continue;
      for (const auto& kept : r.kept) {
        if (kept.step == step) {
          out.soft[l] = softScoreFromLogProbs(true, step, digitLogProbs(kept.processed, d.digit_ids));
        }
      }
    }
  } else {
    ScoreBlockTokens bt;
    bt.lead_in = d.encodeInts(ScoreBlockTexts::kLeadIn);
    bt.visual_label = d.encodeInts(ScoreBlockTexts::kVisualLabel);
    bt.space = d.encodeInts(ScoreBlockTexts::kSpace);
    bt.after_visual = d.encodeInts(ScoreBlockTexts::kAfterVisual);
    bt.after_t2v = d.encodeInts(ScoreBlockTexts::kAfterT2V);
    bt.digits = d.digit_ids;
    for (int64_t e : gen_config.eos_token_ids)
      bt.stop.push_back(static_cast<int>(e));
    bt.end = static_cast<int>(config.tokens.eos_token_id);
    if (std::find(bt.stop.begin(), bt.stop.end(), bt.end) == bt.stop.end())
      bt.stop.push_back(bt.end);
    ScoreBlockController controller(bt, static_cast<int>(settings.max_new_tokens));

    generate::GenerationConfig cfg = gen_config;
    cfg.max_new_tokens = settings.max_new_tokens + controller.blockLength() + 1;
    // One pass: a stop token in the free part is replaced by the block in after_select.
    generate::GenerationCallbacks cb = constrainedCallbacks(
        controller, [&d](int64_t id) { return d.bytesOf(id); },
        [&](int64_t token) {
          gen.push(static_cast<int>(token), d.bytesOf(token), d.specialOf(token));
          report("generating", false);
        },
        cancel);
    if (settings.top_logprobs >= 0) {
      auto select = cb.before_select;
      cb.before_select = [select, &soft_step](const generate::StepContext& step) {
        generate::StepControl control = select(step);
        soft_step = control.keep == generate::KeepLogits::kYes;  // a digit step
        control.keep = generate::KeepLogits::kYes;
        return control;
      };
      keepTopOnly(cb);
    }
    r = runPass(prompt, cfg, cb);
    std::vector<DigitLogits> digit_logits;
    const auto& digit_steps = controller.digitSteps();
    for (const auto& kept : r.kept) {
      // With per-step logprobs only the digit steps keep their rows; without, only they are kept.
      if (settings.top_logprobs < 0 ||
          std::find(digit_steps.begin(), digit_steps.end(), kept.step) != digit_steps.end()) {
        digit_logits.push_back(digitLogitsOf(kept));
      }
    }
    out.text = gen.text(true);
    out.hard = parseHardScores(out.text);
    out.block_start = blockStartName(controller.blockStart());
    nlohmann::json sources = nlohmann::json::object();
    for (size_t l = 0; l < 3; ++l) {
      out.score_steps[l] = controller.digitSteps()[l];
      if (l < digit_logits.size() && out.hard.parsed) {
        out.soft[l] = softScoreFromLogProbs(true, out.score_steps[l],
                                            digitLogProbs(*digit_logits[l].logits, d.digit_ids));
        sources[std::string(kScoreKeys[l])] = softScoreSourceName(digit_logits[l].source);
      }
    }
    out.generation["soft_score_source"] = sources;
  }
  out.generated_tokens = static_cast<int64_t>(gen.size());
  out.total_ms = msSince(start);
  report("done", true);
  return out;
}

nlohmann::json toJson(const ScoreOutcome& o) {
  using nlohmann::json;
  json scores = json::object();
  json soft = json::object();
  for (size_t d = 0; d < 3; ++d) {
    const std::string key(kScoreKeys[d]);
    scores[key] = o.hard.value[d] ? json(*o.hard.value[d]) : json(nullptr);
    soft[key] = o.soft[d] ? json(*o.soft[d]) : json(nullptr);
  }
  json out{{"text", o.text},
           {"scores", scores},
           {"soft_scores", soft},
           {"parsed", o.hard.parsed},
           {"constrained", o.format == ScoreFormat::Constrained},
           {"block_start", o.block_start.empty() ? json(nullptr) : json(o.block_start)},
           {"score_steps", o.score_steps},
           {"stop_reason", o.stop_reason},
           {"prompt_tokens", o.prompt_tokens},
           {"prefills", o.prefills},
           {"generated_tokens", o.generated_tokens},
           {"timings",
            {{"vision_ms", o.vision_ms},
             {"prefill_ms", o.prefill_ms},
             {"decode_ms", o.decode_ms},
             {"score_ms", o.total_ms}}}};
  if (!o.logprobs.empty()) {
    json steps = json::array();
    for (const StepLogprobs& s : o.logprobs) {
      json top = json::array();
      for (const auto& [id, lp] : s.top)
        top.push_back(json::array({id, lp}));
      steps.push_back(json{{"id", s.token_id}, {"logprob", s.logprob}, {"top", top}});
    }
    out["logprobs"] = steps;
  }
  return out;
}

}  // namespace vs::videoscore2
