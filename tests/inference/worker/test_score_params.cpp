// The params of the worker's load, score and prefetch methods as protocol.h documents them, read
// without the engine: defaults, every accepted field, and each refusal as invalid_request with
// the message a client shows.
#include <QTest>
#include <nlohmann/json.hpp>

#include <utility>

#include "inference/worker/protocol.h"
#include "inference/worker/score_params.h"
#include "inference/worker/worker_loop.h"

using namespace vs::worker;
using nlohmann::json;
using vs::videoscore2::Decoding;
using vs::videoscore2::ScoreFormat;

class TestScoreParams : public QObject {
  Q_OBJECT

 private slots:
  void loadDefaultsAndChoices() {
    const LoadParams d = readLoadParams(json{{"model", "/m"}});
    QCOMPARE(d.model_dir, std::string("/m"));
    QCOMPARE(d.device, std::string("cpu"));
    QCOMPARE(d.dtype, std::string("f32"));
    QVERIFY(d.engine.device == vs::qwen25vl::Device::kCpu);
    QVERIFY(d.engine.dtype == vs::qwen25vl::ComputeDtype::kF32);
    const LoadParams g = readLoadParams(json{{"model", "/m"}, {"device", "cuda"}, {"dtype", "bf16"}});
    QVERIFY(g.engine.device == vs::qwen25vl::Device::kCuda);
    QVERIFY(g.engine.dtype == vs::qwen25vl::ComputeDtype::kBF16);
    QVERIFY(readLoadParams(json{{"model", "/m"}, {"dtype", "f16"}}).engine.dtype ==
            vs::qwen25vl::ComputeDtype::kF16);
  }

  // The names load and `vscore generate` share; nothing else is a device or dtype.
  void deviceAndDtypeNames() {
    QVERIFY(deviceNamed("cpu") == vs::qwen25vl::Device::kCpu);
    QVERIFY(deviceNamed("cuda") == vs::qwen25vl::Device::kCuda);
    QVERIFY(!deviceNamed("CUDA") && !deviceNamed("tpu") && !deviceNamed(""));
    QVERIFY(dtypeNamed("f32") == vs::qwen25vl::ComputeDtype::kF32);
    QVERIFY(dtypeNamed("bf16") == vs::qwen25vl::ComputeDtype::kBF16);
    QVERIFY(dtypeNamed("f16") == vs::qwen25vl::ComputeDtype::kF16);
    QVERIFY(!dtypeNamed("f64") && !dtypeNamed("fp16") && !dtypeNamed(""));
  }

  void scoreDefaultsAreTheReleaseScript() {
    const ScoreParams p = readScoreParams(json{{"video", "a.mp4"}, {"prompt", "a cat"}});
    QCOMPARE(p.video, std::string("a.mp4"));
    QVERIFY(!p.frames);
    QCOMPARE(p.prompt, std::string("a cat"));
    QCOMPARE(p.settings.query_template.name(), std::string("videoscore2"));
    QVERIFY(p.settings.decoding == Decoding::Sample);
    QCOMPARE(p.settings.temperature, 0.7);
    QCOMPARE(p.settings.seed, uint64_t{0});
    QCOMPARE(p.settings.max_new_tokens, int64_t{1024});
    QVERIFY(!p.settings.top_p && !p.settings.top_k && !p.settings.repetition_penalty);
    QCOMPARE(p.settings.top_logprobs, -1);
    QVERIFY(!p.settings.extra_digit_logprobs);
    QVERIFY(p.settings.format == ScoreFormat::Free);
    QCOMPARE(p.fps, 2.0);
  }

  void scoreEveryField() {
    const json params{{"frames", {{"path", "/t/f.rgb"}, {"count", 4}, {"height", 28}, {"width", 56}}},
                      {"prompt", ""},
                      {"template", {{"name", "request"}, {"text", "rate: $t2v_prompt"}}},
                      {"greedy", true},
                      {"seed", 9},
                      {"max_new_tokens", 16},
                      {"top_p", 0.5},
                      {"top_k", 0},
                      {"repetition_penalty", 1.1},
                      {"top_logprobs", 3},
                      {"digit_logprobs", true},
                      {"constrained", true},
                      {"fps", 1.0}};
    const ScoreParams p = readScoreParams(params);
    QVERIFY(p.video.empty());
    QVERIFY(p.frames);
    QCOMPARE(p.frames->path, std::string("/t/f.rgb"));
    QCOMPARE(p.frames->count, int64_t{4});
    QCOMPARE(p.frames->height, 28);
    QCOMPARE(p.frames->width, 56);
    QCOMPARE(p.settings.query_template.name(), std::string("request"));
    QCOMPARE(p.settings.query_template.render("x"), std::string("rate: x"));
    QVERIFY(p.settings.decoding == Decoding::Greedy);
    QCOMPARE(p.settings.seed, uint64_t{9});
    QCOMPARE(p.settings.max_new_tokens, int64_t{16});
    QCOMPARE(*p.settings.top_p, 0.5);
    QCOMPARE(*p.settings.top_k, int64_t{0});
    QCOMPARE(*p.settings.repetition_penalty, 1.1);
    QCOMPARE(p.settings.top_logprobs, 3);
    QVERIFY(p.settings.extra_digit_logprobs);
    QVERIFY(p.settings.format == ScoreFormat::Constrained);
    QCOMPARE(p.fps, 1.0);
    QCOMPARE(readScoreParams(json{{"video", "v"}, {"prompt", "p"}, {"template", "videoscore2-eval"}})
                 .settings.query_template.name(),
             std::string("videoscore2-eval"));

    const json s =
        settingsJson(p, "/m", 1.0, json{{"device", "cuda"}, {"dtype", "bf16"}}, json{{"top_k", 0}});
    QVERIFY(s["model"] == json("/m"));
    QVERIFY(s["template"] == json("request"));
    QVERIFY(s["template_text"] == json("rate: $t2v_prompt"));
    QVERIFY(s["greedy"] == json(true));
    QVERIFY(s["constrained"] == json(true));
    QVERIFY(s["device"] == json("cuda"));
    QVERIFY(s["dtype"] == json("bf16"));
    QVERIFY(s["generation"]["top_k"] == json(0));
    QVERIFY(settingsJson(p, "/m", 2.0, json::object(), nullptr)["device"] == json("cpu"));
  }

  void refusals_data() {
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("params");
    QTest::addColumn<QString>("message");
    QTest::newRow("load no model") << "load"
                                   << R"({})"
                                   << R"(missing "model" (string))";
    QTest::newRow("load device") << "load"
                                 << R"({"model":"m","device":"tpu"})"
                                 << "device must be cpu or cuda";
    QTest::newRow("load dtype") << "load"
                                << R"({"model":"m","dtype":"f8"})"
                                << "dtype must be f32, bf16 or f16";
    QTest::newRow("no video") << "score"
                              << R"({"prompt":"p"})"
                              << R"(missing "video" (string))";
    QTest::newRow("empty video") << "score"
                                 << R"({"video":"","prompt":"p"})"
                                 << R"(missing "video" (string))";
    QTest::newRow("no prompt") << "score"
                               << R"({"video":"v"})"
                               << R"(missing "prompt" (string))";
    QTest::newRow("frames") << "score"
                            << R"({"frames":{"path":"f","count":0,"height":1,"width":1},"prompt":"p"})"
                            << "frames: count, height and width must be >= 1";
    QTest::newRow("template preset")
        << "score"
        << R"({"video":"v","prompt":"p","template":"nope"})"
        << "template: nope: unknown template preset (videoscore2, videoscore2-eval)";
    QTest::newRow("template text") << "score"
                                   << R"({"video":"v","prompt":"p","template":{"text":"$x"}})"
                                   << "template: custom: offset 0: unknown placeholder $x (only $t2v_prompt)";
    QTest::newRow("template type") << "score"
                                   << R"({"video":"v","prompt":"p","template":3})"
                                   << "template: a preset name or {name, text}";
    QTest::newRow("temperature") << "score"
                                 << R"({"video":"v","prompt":"p","temperature":0})"
                                 << "temperature must be > 0 (use greedy)";
    QTest::newRow("max_new_tokens") << "score"
                                    << R"({"video":"v","prompt":"p","max_new_tokens":0})"
                                    << "max_new_tokens must be >= 1";
    QTest::newRow("top_p") << "score"
                           << R"({"video":"v","prompt":"p","top_p":1.5})"
                           << "top_p must be in (0, 1]";
    QTest::newRow("top_k") << "score"
                           << R"({"video":"v","prompt":"p","top_k":-1})"
                           << "top_k must be >= 0 (0: off)";
    QTest::newRow("penalty") << "score"
                             << R"({"video":"v","prompt":"p","repetition_penalty":0})"
                             << "repetition_penalty must be > 0";
    QTest::newRow("fps") << "score"
                         << R"({"video":"v","prompt":"p","fps":0})"
                         << "fps must be > 0";
    QTest::newRow("prefetch video") << "prefetch"
                                    << R"({"fps":2})"
                                    << R"(missing "video" (string))";
    QTest::newRow("prefetch fps") << "prefetch"
                                  << R"({"video":"v","fps":-1})"
                                  << "fps must be > 0";
  }

  void refusals() {
    QFETCH(QString, method);
    QFETCH(QString, params);
    QFETCH(QString, message);
    const json p = json::parse(params.toStdString());
    try {
      if (method == "load")
        readLoadParams(p);
      else if (method == "score")
        readScoreParams(p);
      else
        readPrefetchParams(p);
      QFAIL("accepted");
    } catch (const MethodError& e) {
      QCOMPARE(e.code(), std::string(kErrInvalidRequest));
      QCOMPARE(QString::fromStdString(e.what()), message);
    }
  }
};

QTEST_GUILESS_MAIN(TestScoreParams)
#include "test_score_params.moc"
