// The worker's load, score and prefetch methods on the tiny checkpoint, with a video side that
// hands out the golden video (no FFmpeg) or fails: which protocol code each failure becomes, the
// order of progress events and calls, and the fields of a score result.
#include <QTest>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "inference/base/error.h"
#include "inference/worker/scoring_methods.h"
#include "tests/inference/qwen25vl/golden_vectors.h"

using namespace vs::worker;
using nlohmann::json;
using vs::inference::Error;
using vs::test::GoldenVectors;

// QCOMPARE for JSON values, showing both on failure.
#define JSON_COMPARE(actual, expected)                                                    \
  do {                                                                                    \
    const json actual_ = (actual);                                                        \
    const json expected_ = (expected);                                                    \
    QVERIFY2(actual_ == expected_, (actual_.dump() + " != " + expected_.dump()).c_str()); \
  } while (false)

namespace {

// Records every call; configure and sample do what the test sets.
class FakeVideoSide : public VideoSide {
 public:
  std::vector<std::string> calls;
  std::function<double(double fps)> on_configure = [](double fps) { return fps; };
  std::function<SampledInput(const ScoreParams&)> on_sample;

  void setModel(const std::string& model_dir) override { calls.push_back("setModel " + model_dir); }
  bool prefetch(double, const std::string& video) override {
    calls.push_back("prefetch " + video);
    return false;
  }
  double configure(const std::string& model_dir, double fps) override {
    calls.push_back("configure " + model_dir);
    return on_configure(fps);
  }
  SampledInput sample(const ScoreParams& params) override {
    calls.push_back(params.frames ? "sample frames" : "sample " + params.video);
    return on_sample(params);
  }
};

// A job context that keeps its progress events.
struct Job {
  std::vector<json> events;
  std::atomic<bool> cancel{false};
  JobContext context{[this](json e) { events.push_back(std::move(e)); }, cancel};
};

std::string codeOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const MethodError& e) {
    return e.code() + ": " + e.what();
  }
  return "no error";
}

const json kScore{{"video", "clip.mp4"},
                  {"prompt", "A red fox running through snow."},
                  {"greedy", true},
                  {"max_new_tokens", 3},
                  {"fps", 4.0}};

}  // namespace

class TestScoringMethods : public QObject {
  Q_OBJECT

  GoldenVectors golden_;

  SampledInput goldenInput() const {
    SampledInput in;
    in.video.pixel_values = golden_.floats("pixel_values_videos");
    in.video.rows = golden_.shape("pixel_values_videos")[0];
    in.video.cols = golden_.shape("pixel_values_videos")[1];
    const auto g = golden_.meta()["video_grid_thw"].get<std::vector<int64_t>>();
    in.video.grid_thw = {g[0], g[1], g[2]};
    in.sampler = json{{"frames", g[0] * 2}, {"from", "fake"}};
    return in;
  }

  // A methods object with the tiny checkpoint loaded.
  void loadTiny(ScoringMethods& methods) {
    Job job;
    const json info = methods.load(json{{"model", GoldenVectors::modelDir()}}, job.context);
    JSON_COMPARE(info["device"], json("cpu"));
    JSON_COMPARE(info["dtype"], json("f32"));
    QVERIFY(info.contains("load_ms"));
    JSON_COMPARE(job.events, (json::array({{{"stage", "loading"}, {"model", GoldenVectors::modelDir()}}})));
  }

 private slots:
  void loadOfAMissingDirectoryIsBadModel() {
    FakeVideoSide video;
    ScoringMethods methods(video);
    Job job;
    const std::string error = codeOf([&] {
      methods.load(json{{"model", "/nonexistent/model"}}, job.context);
    });
    QVERIFY2(error.rfind("bad_model: ", 0) == 0, error.c_str());
    QVERIFY2(error.find("/nonexistent/model") != std::string::npos, error.c_str());
    QVERIFY(video.calls.empty());  // no model set for prefetches
    JSON_COMPARE(methods.describe()["model"], json(nullptr));
    JSON_COMPARE(methods.describe()["engine"], json(true));
  }

  void scoreBeforeLoadIsNoModel() {
    FakeVideoSide video;
    ScoringMethods methods(video);
    Job job;
    QCOMPARE(codeOf([&] { methods.score(kScore, job.context); }),
             std::string("no_model: score before a successful load"));
    QVERIFY(video.calls.empty());
    QVERIFY(job.events.empty());
  }

  void prefetchAsksTheVideoSide() {
    FakeVideoSide video;
    ScoringMethods methods(video);
    JSON_COMPARE(methods.prefetch(json{{"video", "a.mp4"}}), (json{{"prefetching", false}}));
    QCOMPARE(video.calls, std::vector<std::string>{"prefetch a.mp4"});
    QVERIFY(codeOf([&] { methods.prefetch(json::object()); }).rfind("invalid_request: ", 0) == 0);
  }

  // The checkpoint's sampling failing is the model's fault, before anything is sampled.
  void configureFailureIsBadModel() {
    FakeVideoSide video;
    ScoringMethods methods(video);
    loadTiny(methods);
    video.on_configure = [](double) -> double {
      throw Error(Error::Kind::InvalidData, "/m/preprocessor_config.json: not JSON");
    };
    Job job;
    QCOMPARE(codeOf([&] { methods.score(kScore, job.context); }),
             std::string("bad_model: /m/preprocessor_config.json: not JSON"));
    QVERIFY(job.events.empty());  // no "sampling" event
    QCOMPARE(video.calls.back(), "configure " + GoldenVectors::modelDir());
  }

  void sampleFailureIsBadVideo() {
    FakeVideoSide video;
    ScoringMethods methods(video);
    loadTiny(methods);
    for (const Error::Kind kind : {Error::Kind::Io, Error::Kind::InvalidData}) {
      video.on_sample = [kind](const ScoreParams&) -> SampledInput {
        throw Error(kind, "clip.mp4: no frames");
      };
      Job job;
      QCOMPARE(codeOf([&] { methods.score(kScore, job.context); }),
               std::string("bad_video: clip.mp4: no frames"));
      JSON_COMPARE(job.events, (json::array({{{"stage", "sampling"}, {"tokens", 0}, {"text", ""}}})));
    }
  }

  // A request cancelled while its video was sampled ends before the model runs.
  void cancelledWhileSamplingEndsBeforeScoring() {
    FakeVideoSide video;
    ScoringMethods methods(video);
    loadTiny(methods);
    Job job;
    video.on_sample = [&](const ScoreParams&) {
      job.cancel = true;
      return goldenInput();
    };
    QVERIFY(codeOf([&] { methods.score(kScore, job.context); }).rfind("cancelled: ", 0) == 0);
    QCOMPARE(job.events.size(), size_t{1});
  }

  void scoreResult() {
    FakeVideoSide video;
    ScoringMethods methods(video);
    loadTiny(methods);
    QCOMPARE(video.calls, std::vector<std::string>{"setModel " + GoldenVectors::modelDir()});
    JSON_COMPARE(methods.describe()["model"]["device"], json("cpu"));
    video.on_configure = [](double fps) { return fps / 2; };  // the sampler's own fps is echoed
    video.on_sample = [this](const ScoreParams& params) {
      if (params.fps != 4.0) {
        throw Error(Error::Kind::Internal, "fps not passed on");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      return goldenInput();
    };
    Job job;
    const json result = methods.score(kScore, job.context);
    QCOMPARE(video.calls,
             (std::vector<std::string>{"setModel " + GoldenVectors::modelDir(),
                                       "configure " + GoldenVectors::modelDir(), "sample clip.mp4"}));
    JSON_COMPARE(result["video"], json("clip.mp4"));
    JSON_COMPARE(result["sampler"], goldenInput().sampler);
    JSON_COMPARE(result["settings"]["fps"], json(2.0));
    JSON_COMPARE(result["settings"]["greedy"], json(true));
    JSON_COMPARE(result["settings"]["max_new_tokens"], json(3));
    JSON_COMPARE(result["settings"]["device"], json("cpu"));
    JSON_COMPARE(result["generated_tokens"], json(3));
    QVERIFY(result.contains("text") && result.contains("scores") && result.contains("stop_reason"));
    // sample_ms covers the sampling only; total_ms runs from the same start to the end.
    const double sample_ms = result["timings"]["sample_ms"].get<double>();
    QVERIFY2(sample_ms >= 50, result["timings"].dump().c_str());
    QVERIFY2(result["timings"]["total_ms"].get<double>() >= sample_ms, result["timings"].dump().c_str());
    QVERIFY(result["timings"].contains("prefill_ms"));
    // "sampling" first, then the model's own stages.
    QVERIFY(job.events.size() >= 2);
    JSON_COMPARE(job.events[0], (json{{"stage", "sampling"}, {"tokens", 0}, {"text", ""}}));
    JSON_COMPARE(job.events[1]["stage"], json("prefill"));

    // A frames file has no video name.
    Job frames_job;
    const json frames =
        methods.score(json{{"frames", {{"path", "/t/f.rgb"}, {"count", 4}, {"height", 28}, {"width", 56}}},
                           {"prompt", "A red fox running through snow."},
                           {"greedy", true},
                           {"max_new_tokens", 1},
                           {"fps", 4.0}},
                      frames_job.context);
    QCOMPARE(video.calls.back(), std::string("sample frames"));
    JSON_COMPARE(frames["video"], json(nullptr));
  }
};

QTEST_GUILESS_MAIN(TestScoringMethods)
#include "test_scoring_methods.moc"
