// Parity of the libtorch Qwen2.5-VL engine with the golden vectors of the independent reference
// (tests/data/qwen25vl/make_fixtures.py), and the generation contract (generation.h).
#include <QtTest>

#include <atomic>

#include "inference/qwen25vl/qwen25vl_engine.h"
#include "tests/inference/qwen25vl/golden_vectors.h"
#include "tests/inference/qwen25vl/model_probe.h"

using vs::generate::Decoding;
using vs::generate::GenerationCallbacks;
using vs::generate::GenerationOverrides;
using vs::generate::StopReason;
using vs::qwen25vl::Qwen25VLEngine;
using vs::test::GoldenVectors;

class TestQwen25VLEngine : public QObject {
  Q_OBJECT

 private:
  GoldenVectors golden_;
  std::unique_ptr<Qwen25VLEngine> engine_;
  vs::qwen25vl::VideoInput video_;
  std::vector<int64_t> ids_;

  std::vector<int64_t> goldenTokens(const char* key) const {
    const auto& j =
        std::string(key) == "greedy_tokens" ? golden_.meta()["greedy_tokens"] : golden_.meta()[key]["tokens"];
    return j.get<std::vector<int64_t>>();
  }

  std::vector<float> row(const std::string& name, size_t r) const {
    const auto all = golden_.floats(name);
    const auto cols = static_cast<size_t>(golden_.shape(name)[1]);
    return {all.begin() + static_cast<long>(r * cols), all.begin() + static_cast<long>((r + 1) * cols)};
  }

  vs::generate::GenerationConfig greedy(int64_t steps, double repetition_penalty = 1.0) const {
    GenerationOverrides o;
    o.decoding = Decoding::kGreedy;
    o.repetition_penalty = repetition_penalty;
    o.max_new_tokens = steps;
    o.eos_token_ids = std::vector<int64_t>{};
    return engine_->generationConfig(o);
  }

 private slots:
  void initTestCase() {
    vs::qwen25vl::EngineOptions options;
    options.num_threads = 2;
    engine_ = Qwen25VLEngine::load(GoldenVectors::modelDir(), options);
    video_.pixel_values = golden_.floats("pixel_values_videos");
    video_.rows = golden_.shape("pixel_values_videos")[0];
    video_.cols = golden_.shape("pixel_values_videos")[1];
    const auto grid = golden_.meta()["video_grid_thw"].get<std::vector<int64_t>>();
    video_.grid_thw = {grid[0], grid[1], grid[2]};
    video_.second_per_grid_t = golden_.meta()["second_per_grid_t"].get<double>();
    ids_ = golden_.ints("input_ids");
  }

  void forwardMatchesGoldenIntermediates() {
    const auto grid = golden_.meta()["video_grid_thw"].get<std::vector<int64_t>>();
    const auto diffs = vs::test::probeForward(GoldenVectors::modelDir(),
                                              GoldenVectors::dir() + "/golden.safetensors", "f32", grid);
    QVERIFY(diffs.size() >= 12);
    for (const auto& d : diffs) {
      const QByteArray what = QByteArray::fromStdString(d.name + " diff " + std::to_string(d.max_abs_diff));
      qInfo("%s", what.constData());
      QVERIFY2(d.shape_ok, what.constData());
      if (d.exact) {
        QVERIFY2(d.max_abs_diff == 0.0, what.constData());
      } else {
        QVERIFY2(d.max_abs_diff <= 1e-4, what.constData());
      }
    }
  }

  // The bf16 path (bf16 weights and activations, fp32 norms/softmax/RoPE tables) stays near the
  // fp32 reference; a wrong cast or a bf16 softmax shows up as a much larger drift.
  void bf16ForwardStaysNearTheFp32Reference() {
    const auto grid = golden_.meta()["video_grid_thw"].get<std::vector<int64_t>>();
    const auto diffs = vs::test::probeForward(GoldenVectors::modelDir(),
                                              GoldenVectors::dir() + "/golden.safetensors", "bf16", grid);
    for (const auto& d : diffs) {
      const QByteArray what =
          QByteArray::fromStdString(d.name + " bf16 diff " + std::to_string(d.max_abs_diff));
      qInfo("%s", what.constData());
      QVERIFY2(d.shape_ok, what.constData());
      if (d.exact) {
        QVERIFY2(d.max_abs_diff == 0.0, what.constData());
      } else if (d.name == "prefill_logits") {
        QVERIFY2(d.max_abs_diff <= 0.5, what.constData());  // measured 0.29 (logits span about +-10)
      }
    }
  }

  void greedyTokensAndLogitsMatchGolden() {
    GenerationCallbacks cb;
    for (int64_t s = 0; s < 8; ++s) {
      cb.keep_logits_steps.push_back(s);
    }
    const auto result = engine_->generate(ids_, &video_, greedy(8), cb);
    QCOMPARE(result.tokens, goldenTokens("greedy_tokens"));
    QCOMPARE(result.stop, StopReason::kMaxNewTokens);
    QCOMPARE(result.kept.size(), size_t{8});
    for (size_t s = 0; s < 8; ++s) {
      const double diff = vs::test::maxAbsDiff(result.kept[s].processed, row("greedy_step_logits", s));
      QVERIFY2(diff <= 1e-4, qPrintable(QStringLiteral("step %1 diff %2").arg(s).arg(diff)));
    }
  }

  void greedyWithRepetitionPenaltyMatchesGolden() {
    GenerationCallbacks cb;
    cb.keep_logits_steps = {0, 3, 7};
    const auto result = engine_->generate(ids_, &video_, greedy(8, 1.05), cb);
    QCOMPARE(result.tokens, goldenTokens("greedy_rep"));
    for (const auto& kept : result.kept) {
      const double diff =
          vs::test::maxAbsDiff(kept.processed, row("greedy_rep_processed", static_cast<size_t>(kept.step)));
      QVERIFY2(diff <= 1e-4, qPrintable(QStringLiteral("step %1 diff %2").arg(kept.step).arg(diff)));
    }
  }

  void seededSamplingIsReproducibleAndMatchesTorchRng() {
    GenerationOverrides o;
    o.decoding = Decoding::kSample;
    o.temperature = 0.7;
    o.top_k = 50;
    o.top_p = 0.9;
    o.repetition_penalty = 1.05;
    o.max_new_tokens = 8;
    o.eos_token_ids = std::vector<int64_t>{};
    o.seed = golden_.meta()["sample"]["seed"].get<uint64_t>();
    const auto config = engine_->generationConfig(o);
    GenerationCallbacks cb;
    cb.keep_logits_steps = {0, 5};
    const auto a = engine_->generate(ids_, &video_, config, cb);
    const auto b = engine_->generate(ids_, &video_, config, cb);
    QCOMPARE(a.tokens, b.tokens);
    // Same seed, same CPU generator and multinomial as torch.manual_seed + torch.multinomial.
    QCOMPARE(a.tokens, goldenTokens("sample"));
    for (const auto& kept : a.kept) {
      const double diff =
          vs::test::maxAbsDiff(kept.processed, row("sample_processed", static_cast<size_t>(kept.step)));
      QVERIFY2(diff <= 1e-4, qPrintable(QStringLiteral("step %1 diff %2").arg(kept.step).arg(diff)));
    }
    o.seed = *o.seed + 1;
    const auto c = engine_->generate(ids_, &video_, engine_->generationConfig(o), {});
    QVERIFY(c.tokens != a.tokens);
  }

  void stepConstraintRestrictsChoiceButKeepsProcessedLogits() {
    const std::vector<int64_t> allowed{16, 17, 18, 19, 20};
    GenerationCallbacks cb;
    cb.before_select = [&](const vs::generate::StepContext& ctx) {
      vs::generate::StepControl control;
      if (ctx.step == 2) {
        control.allowed_token_ids = allowed;
        control.keep = vs::generate::KeepLogits::kYes;
      }
      return control;
    };
    const auto result = engine_->generate(ids_, &video_, greedy(4), cb);
    QCOMPARE(result.kept.size(), size_t{1});
    QCOMPARE(result.kept[0].step, int64_t{2});
    const auto golden_row = row("greedy_step_logits", 2);  // steps 0, 1 are unconstrained
    QVERIFY(vs::test::maxAbsDiff(result.kept[0].processed, golden_row) <= 1e-4);
    int64_t best = allowed[0];
    for (int64_t id : allowed) {
      if (golden_row[static_cast<size_t>(id)] > golden_row[static_cast<size_t>(best)]) {
        best = id;
      }
    }
    QCOMPARE(result.tokens[2], best);
    QCOMPARE(result.kept[0].token_id, best);
    const auto g = goldenTokens("greedy_tokens");
    QCOMPARE(result.tokens[0], g[0]);
    QCOMPARE(result.tokens[1], g[1]);
  }

  void constraintFallsBackWhenTheChainMaskedEveryAllowedToken() {
    // The checkpoint's own settings: top_k 1 leaves a single finite token.
    GenerationOverrides o;
    o.max_new_tokens = 1;
    o.seed = 5;
    const auto config = engine_->generationConfig(o);
    QCOMPARE(config.top_k, int64_t{1});
    GenerationCallbacks cb;
    const auto unconstrained = engine_->generate(ids_, &video_, config, cb);
    std::vector<int64_t> allowed;
    for (int64_t id = 16; id <= 20; ++id) {
      if (id != unconstrained.tokens[0]) {
        allowed.push_back(id);
      }
    }
    cb.before_select = [&](const vs::generate::StepContext&) {
      vs::generate::StepControl control;
      control.allowed_token_ids = allowed;
      return control;
    };
    const auto result = engine_->generate(ids_, &video_, config, cb);
    QCOMPARE(result.tokens.size(), size_t{1});
    QVERIFY(std::find(allowed.begin(), allowed.end(), result.tokens[0]) != allowed.end());
  }

  // The replacement is what is appended, fed back and streamed: the step after it differs.
  void afterSelectReplacesTheAppendedToken() {
    const auto g = goldenTokens("greedy_tokens");
    std::vector<int64_t> streamed;
    GenerationCallbacks cb;
    cb.after_select = [&](int64_t step, int64_t chosen) {
      if (step == 1) {
        [&] { QCOMPARE(chosen, g[1]); }();
        return int64_t{20};
      }
      return chosen;
    };
    cb.on_token = [&](int64_t, int64_t token) {
      streamed.push_back(token);
      return vs::generate::TokenAction::kContinue;
    };
    cb.keep_logits_steps = {1};
    const auto result = engine_->generate(ids_, &video_, greedy(4), cb);
    QCOMPARE(result.tokens[0], g[0]);
    QCOMPARE(result.tokens[1], int64_t{20});
    QCOMPARE(result.kept.at(0).token_id, int64_t{20});
    QCOMPARE(streamed, result.tokens);
    QVERIFY(result.tokens[2] != g[2] || result.tokens[3] != g[3]);
  }

  void streamsEveryTokenAndCancelsBetweenSteps() {
    std::atomic<bool> cancel{false};
    std::vector<int64_t> streamed;
    GenerationCallbacks cb;
    cb.cancel = &cancel;
    cb.on_token = [&](int64_t step, int64_t token) {
      streamed.push_back(token);
      if (step == 3) {
        cancel = true;
      }
      return vs::generate::TokenAction::kContinue;
    };
    const auto result = engine_->generate(ids_, &video_, greedy(8), cb);
    QCOMPARE(result.stop, StopReason::kCancelled);
    QCOMPARE(result.tokens.size(), size_t{4});
    QCOMPARE(streamed, result.tokens);
  }

  void stopsOnEosAndOnCallbackRequest() {
    const auto g = goldenTokens("greedy_tokens");
    auto config = greedy(8);
    config.eos_token_ids = {g[3]};
    auto result = engine_->generate(ids_, &video_, config, {});
    QCOMPARE(result.stop, StopReason::kEos);
    QCOMPARE(result.tokens, std::vector<int64_t>(g.begin(), g.begin() + 4));

    GenerationCallbacks cb;
    cb.on_token = [](int64_t step, int64_t) {
      return step == 1 ? vs::generate::TokenAction::kStop : vs::generate::TokenAction::kContinue;
    };
    result = engine_->generate(ids_, &video_, greedy(8), cb);
    QCOMPARE(result.stop, StopReason::kCallback);
    QCOMPARE(result.tokens.size(), size_t{2});
  }

  void checkpointGenerationConfigIsTheDefault() {
    const auto c = engine_->generationConfig({});
    QCOMPARE(c.decoding, Decoding::kSample);
    QCOMPARE(c.top_k, int64_t{1});
    QCOMPARE(c.top_p, 0.001);
    QCOMPARE(c.temperature, 0.1);
    QCOMPARE(c.repetition_penalty, 1.05);
    QCOMPARE(c.eos_token_ids, (std::vector<int64_t>{1004, 1005}));
  }

  void rejectsPadCountThatDoesNotMatchTheVideo() {
    auto ids = ids_;
    ids.erase(std::find(ids.begin(), ids.end(), 1001));
    try {
      engine_->generate(ids, &video_, greedy(1), {});
      QFAIL("expected vs::inference::Error");
    } catch (const vs::inference::Error& e) {
      QCOMPARE(e.kind(), vs::inference::Error::Kind::BadInput);
    }
  }
};

QTEST_GUILESS_MAIN(TestQwen25VLEngine)
#include "test_qwen25vl_engine.moc"
