// vscore-worker's video side without the engine: a raw RGB24 frames file (what `vscore serve`
// writes) patchified exactly as the same frames through media::patchify, a short or missing file
// as an Io error naming it, the "sampler" block, and the prefetch thread's one slot (a sample is
// taken once; a failed one is dropped, never reported as a sample), the worker's prefetch for the
// model loaded last (nothing before a model, the same sample as sampling at once, keyed by fps and
// video), and generate's --max-pixels cap.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <stdexcept>

#include "core/domain/error.h"
#include "core/scoring/video_prefetcher.h"
#include "core/scoring/worker_video.h"

using namespace vs;

namespace {
std::vector<media::RgbImage> frames(int n, int h, int w) {
  std::vector<media::RgbImage> out;
  for (int f = 0; f < n; ++f) {
    media::RgbImage img(w, h);
    for (size_t i = 0; i < img.pixels.size(); ++i)
      img.pixels[i] = static_cast<uint8_t>((i * 13 + f * 71) % 251);
    out.push_back(img);
  }
  return out;
}
}  // namespace

class TestWorkerVideo : public QObject {
  Q_OBJECT

 private slots:
  void framesFileIsPatchifiedAsTheFrames() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.rgb"));
    const auto input = frames(3, 56, 84);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    for (const auto& img : input)
      f.write(reinterpret_cast<const char*>(img.pixels.data()), static_cast<qint64>(img.pixels.size()));
    f.close();
    media::SamplerConfig config;
    config.fps = 4.0;
    const media::SampledVideo s = scoring::sampleFramesFile(path.toStdString(), 3, 56, 84, config);
    const media::PatchGrid expected = media::patchify(input, config);
    QCOMPARE(s.pixels.values, expected.values);
    QCOMPARE(s.pixels.grid_thw, expected.grid_thw);
    QCOMPARE(s.nframes, int64_t{3});
    QCOMPARE(s.indices, (std::vector<int64_t>{0, 1, 2}));
    QVERIFY(s.frames.empty());
    QCOMPARE(s.second_per_grid_t, 2.0 / 4.0);

    const nlohmann::json j = scoring::samplerJson(s, true);
    QCOMPARE(j["nframes"].get<int>(), 3);
    QCOMPARE(j["grid_thw"].get<std::vector<int64_t>>(),
             (std::vector<int64_t>{expected.grid_thw[0], expected.grid_thw[1], expected.grid_thw[2]}));
    QCOMPARE(j["resized"].get<std::vector<int>>(), (std::vector<int>{56, 84}));
    QVERIFY(j["prefetched"].get<bool>());

    try {
      scoring::sampleFramesFile(path.toStdString(), 4, 56, 84, config);
      QFAIL("read past the end");
    } catch (const vs::Error& e) {
      QCOMPARE(e.kind(), vs::Error::Kind::Io);
      QVERIFY(e.full().startsWith(path + QStringLiteral(": frames file shorter")));
    }
    QVERIFY_THROWS_EXCEPTION(vs::Error, scoring::sampleFramesFile("/no/such/file", 1, 28, 28, config));
  }

  void samplerForReadsTheCheckpoint() {
    QTemporaryDir dir;
    QCOMPARE(scoring::samplerFor(dir.path().toStdString(), 3.0).fps, 3.0);
    QFile f(dir.filePath(QStringLiteral("preprocessor_config.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"merge_size\": 0}");
    f.close();
    QVERIFY_THROWS_EXCEPTION(vs::Error, scoring::samplerFor(dir.path().toStdString(), 3.0));
  }

  void prefetcherHandsOutEachSampleOnce() {
    std::atomic<int> calls{0};
    scoring::VideoPrefetcher p([&calls](const std::string& key) {
      ++calls;
      if (key == "bad")
        throw std::runtime_error("cannot decode");
      media::SampledVideo s;
      s.nframes = static_cast<int64_t>(key.size());
      return s;
    });
    QVERIFY(!p.take("never-asked"));
    p.request("abcd");
    const auto s = p.take("abcd");
    QVERIFY(s.has_value());
    QCOMPARE(s->nframes, int64_t{4});
    QVERIFY(!p.take("abcd"));  // taken
    p.request("bad");
    QVERIFY(!p.take("bad"));
    QCOMPARE(calls.load(), 2);
  }

  void modelPrefetcherSamplesForTheLoadedModel() {
    QTemporaryDir model;  // no preprocessor_config.json: the processor defaults
    const std::string clip = VS_TEST_DATA_DIR "/media/sampler_clip.mp4";
    scoring::ModelVideoPrefetcher p;
    QVERIFY(!p.request(2.0, clip));  // no model loaded
    QVERIFY(!p.take(2.0, clip));
    p.setModel(model.path().toStdString());
    QVERIFY(p.request(1.5, clip));
    QVERIFY(!p.take(1.5, VS_TEST_DATA_DIR "/media/other.mp4"));  // another video: not this sample
    QVERIFY(!p.take(2.0, clip));                                 // another rate: not this sample
    QVERIFY(p.request(1.5, clip));
    const auto s = p.take(1.5, clip);
    QVERIFY(s.has_value());
    const media::SampledVideo direct =
        scoring::sampleVideoFile(clip, scoring::samplerFor(model.path().toStdString(), 1.5));
    QCOMPARE(s->indices, direct.indices);
    QCOMPARE(s->second_per_grid_t, direct.second_per_grid_t);
    QCOMPARE(s->pixels.grid_thw, direct.pixels.grid_thw);
    QCOMPARE(s->pixels.values, direct.pixels.values);
    QVERIFY(!p.take(1.5, clip));  // taken
  }

  void sampleForModelCapsThePixels() {
    QTemporaryDir model;
    const std::string clip = VS_TEST_DATA_DIR "/media/sampler_clip.mp4";
    const media::SampledVideo full = scoring::sampleForModel(clip, model.path().toStdString(), std::nullopt);
    const media::SampledVideo capped = scoring::sampleForModel(clip, model.path().toStdString(), 28 * 28 * 4);
    QCOMPARE(full.indices, capped.indices);
    QVERIFY(int64_t(full.resized.height) * full.resized.width > 28 * 28 * 4);
    QVERIFY(int64_t(capped.resized.height) * capped.resized.width <= 28 * 28 * 4);
  }
};

QTEST_GUILESS_MAIN(TestWorkerVideo)
#include "test_worker_video.moc"
