// Constrained decoding through the real generation loop on a scripted step model: one prefill
// even when the model stops before the score block, seeded runs reproduce, and a digit step whose
// digits the warpers all masked is chosen and scored from the pre-warper logits.
#include <ATen/ATen.h>

#include <QtTest/QtTest>

#include <cmath>
#include <string>

#include "inference/generate/generator.h"
#include "inference/videoscore2/constrained_decoding.h"
#include "inference/rules/soft_score.h"

using namespace vs;
using namespace vs::videoscore2;

namespace {

constexpr int64_t kVocab = 32;
constexpr int64_t kEos = 0;           // ids 1..5 are the digits, 10..15 the block's text, 20.. free text
constexpr float kDigitScale = 0.25f;  // digits below every free token (the best digit: 1.25 < 2.0)

// Logits by step: free tokens 20..24 (mildly favoured), EOS dominant at `eos_step`, and at every
// step the digits below the two best free tokens (top_k = 2 masks all of them).
class ScriptedModel : public generate::StepModel {
 public:
  explicit ScriptedModel(int64_t eos_step) : eos_step_(eos_step) {}
  at::Tensor prefill() override {
    ++prefills;
    step_ = 0;
    return logits();
  }
  at::Tensor decode(int64_t) override {
    ++step_;
    return logits();
  }
  int prefills = 0;

 private:
  at::Tensor logits() const {
    auto l = at::full({kVocab}, -10.0f);
    for (int64_t t = 20; t < 25; ++t)
      l[t] = 2.0f + 0.1f * static_cast<float>((t + step_) % 5);
    for (int64_t s = 1; s <= 5; ++s)
      l[s] = kDigitScale * static_cast<float>(s);  // "5" the likeliest digit
    if (step_ == eos_step_)
      l[kEos] = 20.0f;
    return l;
  }
  int64_t eos_step_;
  int64_t step_ = 0;
};

ScoreBlockTokens blockTokens() {
  ScoreBlockTokens bt;
  bt.lead_in = {10};
  bt.visual_label = {11, 12};
  bt.space = {13};
  bt.after_visual = {14};
  bt.after_t2v = {15};
  bt.digits = {1, 2, 3, 4, 5};
  bt.stop = {kEos};
  bt.end = kEos;
  return bt;
}

generate::GenerationConfig sampling(int64_t top_k, uint64_t seed) {
  generate::GenerationConfig c;
  c.decoding = generate::Decoding::kSample;
  c.temperature = 0.7;
  c.top_k = top_k;
  c.eos_token_ids = {kEos};
  c.seed = seed;
  c.max_new_tokens = 64;
  return c;
}

struct Run {
  generate::GenerationResult result;
  std::vector<int64_t> appended;
  int prefills = 0;
  ScoreBlockController::BlockStart start = ScoreBlockController::BlockStart::NotYet;
  std::array<int, 3> digit_steps{};
};

Run run(int64_t eos_step, const generate::GenerationConfig& config) {
  ScriptedModel model(eos_step);
  ScoreBlockController controller(blockTokens(), 30);
  Run r;
  const auto cb = constrainedCallbacks(
      controller, [](int64_t) { return std::string("x"); }, [&r](int64_t t) { r.appended.push_back(t); },
      nullptr);
  r.result = generate::runGeneration(model, {7, 8, 9}, config, cb);
  r.prefills = model.prefills;
  r.start = controller.blockStart();
  r.digit_steps = controller.digitSteps();
  return r;
}

}  // namespace

class TestConstrainedDecoding : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void modelStopIsReplacedInOnePass() {
    const Run r = run(3, sampling(0, 5));
    QCOMPARE(r.prefills, 1);
    QCOMPARE(r.start, ScoreBlockController::BlockStart::ModelStopped);
    QCOMPARE(r.result.stop, generate::StopReason::kEos);
    QCOMPARE(r.result.tokens, r.appended);
    // Three free tokens, then the block in place of the stop: \n visual quality: D ; D , D <end>.
    QCOMPARE(r.result.tokens.size(), size_t{3 + 1 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1});
    QCOMPARE(r.result.tokens[3], int64_t{10});
    QCOMPARE(r.result.tokens.back(), kEos);
    QCOMPARE(std::count(r.result.tokens.begin(), r.result.tokens.end(), kEos), 1L);
    for (int step : r.digit_steps) {
      QVERIFY(step > 3);
      const int64_t digit = r.result.tokens[static_cast<size_t>(step)];
      QVERIFY(digit >= 1 && digit <= 5);
    }
    QCOMPARE(r.result.kept.size(), size_t{3});
  }

  void seededRunsReproduce() {
    const Run a = run(3, sampling(0, 11));
    const Run b = run(3, sampling(0, 11));
    QCOMPARE(a.result.tokens, b.result.tokens);
    QCOMPARE(a.prefills + b.prefills, 2);
    // Free tokens are drawn, so some seed gives another text (the test can tell seeds apart).
    bool differs = false;
    for (uint64_t seed = 12; seed < 40 && !differs; ++seed) {
      differs = run(3, sampling(0, seed)).result.tokens != a.result.tokens;
    }
    QVERIFY(differs);
  }

  void digitsMaskedByTopKUsePreWarperLogits() {
    // top_k 2 keeps two free tokens only: every digit is -inf in the processed scores.
    const Run r = run(3, sampling(2, 3));
    QCOMPARE(r.prefills, 1);
    QCOMPARE(r.result.kept.size(), size_t{3});
    for (const auto& kept : r.result.kept) {
      for (int64_t s = 1; s <= 5; ++s)
        QVERIFY(std::isinf(kept.processed[static_cast<size_t>(s)]));
      const DigitLogits dl = digitLogitsOf(kept);
      QCOMPARE(dl.source, SoftScoreSource::kPreWarper);
      QCOMPARE(std::string(softScoreSourceName(dl.source)), std::string("pre_warper"));
      // Pre-warper = raw / 0.7 (no repetition penalty): hand-computed.
      for (int64_t s = 1; s <= 5; ++s) {
        QCOMPARE((*dl.logits)[static_cast<size_t>(s)], kDigitScale * static_cast<float>(s) / 0.7f);
      }
      QVERIFY(kept.token_id >= 1 && kept.token_id <= 5);
      // log-softmax over the digits relative to the full vocab: the soft score is 5 * p5 / sum(p).
      std::array<float, 5> lp{};
      for (size_t s = 0; s < 5; ++s)
        lp[s] = (*dl.logits)[s + 1];  // shift-invariant ratio
      const auto soft = softScoreFromLogProbs(true, 0, lp);
      double sum = 0;
      for (int s = 1; s <= 5; ++s)
        sum += std::exp(double{kDigitScale} * s / 0.7);
      QVERIFY(soft.has_value());
      QVERIFY(std::abs(*soft - 5.0 * std::exp(5.0 * double{kDigitScale} / 0.7) / sum) < 1e-4);
      QVERIFY(*soft > 0.0);
    }
  }

  void unmaskedDigitsStayProcessed() {
    const Run r = run(3, sampling(0, 3));
    for (const auto& kept : r.result.kept) {
      QCOMPARE(digitLogitsOf(kept).source, SoftScoreSource::kProcessed);
      QVERIFY(kept.pre_warper.empty());
    }
  }
};

QTEST_APPLESS_MAIN(TestConstrainedDecoding)
#include "test_constrained_decoding.moc"
