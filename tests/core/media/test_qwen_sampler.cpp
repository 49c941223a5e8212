// Qwen-VL sampler against tests/data/media/sampler_reference.json, made by
// make_sampler_fixtures.py (PyAV decode, qwen-vl-utils rules, torchvision resize, HF patch order).
// Indices, sizes and grids must match exactly; pixels to one quantisation level.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <cmath>

#include "core/domain/error.h"
#include "core/media/qwen_sampler.h"

using namespace vs::media;

static QJsonObject reference() {
  QFile f(QStringLiteral(VS_TEST_DATA_DIR "/media/sampler_reference.json"));
  if (!f.open(QIODevice::ReadOnly)) {
    qFatal("sampler_reference.json missing");
  }
  return QJsonDocument::fromJson(f.readAll()).object();
}

static std::vector<int64_t> toIndices(const QJsonArray& a) {
  std::vector<int64_t> v;
  for (const QJsonValue& x : a) {
    v.push_back(x.toInteger());
  }
  return v;
}

class TestQwenSampler : public QObject {
  Q_OBJECT

 private slots:
  void indicesMatchTorchLinspace() {
    const QJsonArray cases = reference().value("linspace").toArray();
    QVERIFY(cases.size() > 500);
    for (const QJsonValue& c : cases) {
      const QJsonArray a = c.toArray();
      const int64_t total = a[0].toInteger();
      const int64_t n = a[1].toInteger();
      if (sampleIndices(total, n) != toIndices(a[2].toArray())) {
        QFAIL(qPrintable(QStringLiteral("total %1 n %2").arg(total).arg(n)));
      }
    }
  }

  void nframesMatchQwenVlUtils() {
    SamplerConfig config;
    for (const QJsonValue& c : reference().value("nframes").toArray()) {
      const QJsonArray a = c.toArray();
      const int64_t total = a[0].toInteger();
      const double fps = a[1].toDouble();
      if (a[2].isNull()) {
        QVERIFY_THROWS_EXCEPTION(vs::Error, smartNframes(total, fps, config));
      } else {
        QCOMPARE(smartNframes(total, fps, config), a[2].toInteger());
      }
    }
  }

  void smartResizeMatchesQwenVlUtils() {
    SamplerConfig config;
    for (const QJsonValue& c : reference().value("smart_resize").toArray()) {
      const QJsonArray a = c.toArray();
      const int64_t n = a[0].toInteger();
      const int h = a[1].toInt();
      const int w = a[2].toInt();
      QCOMPARE(maxPixelsPerFrame(n, config), int64_t(std::floor(a[3].toDouble())));
      if (a[4].isNull()) {
        QVERIFY_THROWS_EXCEPTION(vs::Error,
                                 smartResize(h, w, 28, config.min_pixels, maxPixelsPerFrame(n, config)));
      } else {
        const ResizedSize r = smartResize(h, w, 28, config.min_pixels, maxPixelsPerFrame(n, config));
        QCOMPARE(r.height, a[4].toArray()[0].toInt());
        QCOMPARE(r.width, a[4].toArray()[1].toInt());
      }
    }
  }

  void workedExampleFromTheSpec() {
    // 832x480, 81 frames at 16 fps (qwen25vl.md section 3.9).
    SamplerConfig config;
    const int64_t n = smartNframes(81, 16.0, config);
    QCOMPARE(n, int64_t(10));
    QCOMPARE(sampleIndices(81, n), (std::vector<int64_t>{0, 9, 18, 27, 36, 44, 53, 62, 71, 80}));
    const ResizedSize r = smartResize(480, 832, 28, config.min_pixels, maxPixelsPerFrame(n, config));
    QCOMPARE(r.height, 476);
    QCOMPARE(r.width, 840);
    std::vector<RgbImage> frames(size_t(n), RgbImage(840, 476));
    const PatchGrid g = patchify(frames, config);
    QCOMPARE(g.grid_thw, (std::array<int64_t, 3>{5, 34, 60}));
    QCOMPARE(g.rows, int64_t(10200));
    QCOMPARE(g.cols, int64_t(1176));
  }

  void patchOrderIsTheProcessors() {
    // Each pixel value encodes its own coordinates; check a few (row, column) positions by the
    // formula of qwen25vl.md 3.7: row = ((t*(gh/2)+br)*(gw/2)+bc)*4 + mr*2 + mc,
    // column = ((c*2+tp)*14+py)*14+px.
    SamplerConfig config;
    config.image_mean = {0.f, 0.f, 0.f};
    config.image_std = {1.f / 255.f, 1.f / 255.f, 1.f / 255.f};  // values pass through unchanged
    const int h = 56;
    const int w = 84;
    std::vector<RgbImage> frames;
    for (int t = 0; t < 3; ++t) {  // odd: the last frame is repeated
      RgbImage img(w, h);
      for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
          for (int c = 0; c < 3; ++c) {
            img.row(y)[x * 3 + c] = uint8_t((t * 50 + c * 7 + y + x * 3) % 256);
          }
        }
      }
      frames.push_back(img);
    }
    const PatchGrid g = patchify(frames, config);
    QCOMPARE(g.grid_thw, (std::array<int64_t, 3>{2, 4, 6}));
    const int64_t gh = 4;
    const int64_t gw = 6;
    for (int64_t t : {0, 1}) {
      for (int64_t y : {0, 13, 14, 30, 55}) {
        for (int64_t x : {0, 15, 28, 83}) {
          for (int c = 0; c < 3; ++c) {
            for (int tp = 0; tp < 2; ++tp) {
              const int64_t br = y / 28, mr = (y / 14) % 2, py = y % 14;
              const int64_t bc = x / 28, mc = (x / 14) % 2, px = x % 14;
              const int64_t row = ((t * (gh / 2) + br) * (gw / 2) + bc) * 4 + mr * 2 + mc;
              const int64_t col = ((c * 2 + tp) * 14 + py) * 14 + px;
              const int frame = std::min<int>(int(t * 2 + tp), 2);
              const float expected = float((frame * 50 + c * 7 + y + x * 3) % 256);
              QCOMPARE(g.values[size_t(row * g.cols + col)], expected);
            }
          }
        }
      }
    }
  }

  void tooShortIsAClearError() {
    SamplerConfig config;
    try {
      smartNframes(1, 30.0, config);
      QFAIL("no error");
    } catch (const vs::Error& e) {
      QCOMPARE(e.kind(), vs::Error::Kind::InvalidData);
      QVERIFY(e.message().contains(QStringLiteral("too short")));
    }
  }

  void videosMatchThePythonPipeline_data() {
    QTest::addColumn<int>("which");
    const QJsonArray videos = reference().value("videos").toArray();
    for (int i = 0; i < videos.size(); ++i) {
      const QJsonObject v = videos[i].toObject();
      QTest::newRow(qPrintable(QStringLiteral("%1 max_pixels=%2")
                                   .arg(v.value("file").toString())
                                   .arg(v.value("max_pixels").toInt())))
          << i;
    }
  }

  void videosMatchThePythonPipeline() {
    QFETCH(int, which);
    const QJsonObject v = reference().value("videos").toArray()[which].toObject();
    SamplerConfig config;
    config.fps = v.value("fps").toDouble();
    config.min_pixels = v.value("min_pixels").toInteger();
    if (!v.value("max_pixels").isNull()) {
      config.max_pixels = v.value("max_pixels").toInteger();
    }
    const SampledVideo s =
        sampleVideo(QStringLiteral(VS_TEST_DATA_DIR "/media/") + v.value("file").toString(), config);
    QCOMPARE(s.total_frames, v.value("total_frames").toInteger());
    QCOMPARE(s.video_fps, v.value("video_fps").toDouble());
    QCOMPARE(s.nframes, v.value("nframes").toInteger());
    QCOMPARE(s.indices, toIndices(v.value("indices").toArray()));
    QCOMPARE(s.resized.height, v.value("height").toInt());
    QCOMPARE(s.resized.width, v.value("width").toInt());
    const QJsonArray grid = v.value("grid_thw").toArray();
    QCOMPARE(s.pixels.grid_thw,
             (std::array<int64_t, 3>{grid[0].toInteger(), grid[1].toInteger(), grid[2].toInteger()}));
    QCOMPARE(s.pixels.rows, v.value("shape").toArray()[0].toInteger());
    QCOMPARE(s.pixels.cols, int64_t(1176));
    QCOMPARE(s.second_per_grid_t, 1.0);

    // Quantised pixels of the listed rows: recover each uint8 from our normalised value.
    QFile rows_file(QStringLiteral(VS_TEST_DATA_DIR "/media/") + v.value("rows_file").toString());
    QVERIFY(rows_file.open(QIODevice::ReadOnly));
    const QByteArray expected = rows_file.readAll();
    const QJsonArray rows = v.value("rows").toArray();
    QCOMPARE(expected.size(), qsizetype(rows.size()) * 1176);
    int max_diff = 0;
    int64_t differing = 0;
    for (int r = 0; r < rows.size(); ++r) {
      const int64_t row = rows[r].toInteger();
      for (int col = 0; col < 1176; ++col) {
        const int c = col / (2 * 14 * 14);
        const float value = s.pixels.values[size_t(row * 1176 + col)];
        const int ours =
            int(std::lround(value * config.image_std[c] * 255.0f + config.image_mean[c] * 255.0f));
        const int theirs = uint8_t(expected[r * 1176 + col]);
        max_diff = std::max(max_diff, std::abs(ours - theirs));
        differing += ours != theirs;
      }
    }
    qInfo("%lld rows: max |diff| %d levels, %lld of %lld values differ", (long long)rows.size(), max_diff,
          (long long)differing, (long long)rows.size() * 1176);
    QVERIFY(max_diff <= 1);
    // Whole-tensor checksums (float64 sums in the reference).
    double sum = 0;
    double sum_abs = 0;
    for (float x : s.pixels.values) {
      sum += x;
      sum_abs += std::abs(x);
    }
    const double n = double(s.pixels.values.size());
    QVERIFY2(std::abs(sum - v.value("sum").toDouble()) / n < 2e-3, qPrintable(QString::number(sum)));
    QVERIFY2(std::abs(sum_abs - v.value("sum_abs").toDouble()) / n < 2e-3,
             qPrintable(QString::number(sum_abs)));
    const QJsonArray first = v.value("first_values").toArray();
    for (int i = 0; i < first.size(); ++i) {
      QVERIFY(std::abs(s.pixels.values[size_t(i)] - first[i].toDouble()) < 1e-5);
    }
  }
};

QTEST_GUILESS_MAIN(TestQwenSampler)
#include "test_qwen_sampler.moc"
