// The sampling of a checkpoint (SamplerConfig::forModel): its preprocessor_config.json over the
// processor defaults, the defaults without the file, and a damaged file as an error (the one rule
// of the worker, `vscore-worker generate` and remote scoring).
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "core/domain/error.h"
#include "core/media/sampler_config.h"

using vs::media::SamplerConfig;

namespace {
void write(const QString& path, const QByteArray& text) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(text);
}
}  // namespace

class TestSamplerConfig : public QObject {
  Q_OBJECT

 private slots:
  void noModelOrNoFileIsTheDefaults() {
    QTemporaryDir dir;
    for (const QString& model : {QString(), dir.path()}) {
      const SamplerConfig c = SamplerConfig::forModel(model, 3.0);
      QCOMPARE(c.fps, 3.0);
      QCOMPARE(c.patch_size, 14);
      QCOMPARE(c.temporal_patch_size, 2);
      QCOMPARE(c.merge_size, 2);
      QCOMPARE(c.image_mean[0], 0.48145466f);
      QCOMPARE(c.image_std[2], 0.27577711f);
      QCOMPARE(c.factor(), 28);
    }
  }

  void theFileOverridesTheProcessorFields() {
    QTemporaryDir dir;
    write(dir.filePath("preprocessor_config.json"),
          R"({"patch_size":16,"temporal_patch_size":4,"image_mean":[0.5,0.5,0.5],"fps":1.5})");
    const SamplerConfig c = SamplerConfig::forModel(dir.path(), 2.0);
    QCOMPARE(c.patch_size, 16);
    QCOMPARE(c.temporal_patch_size, 4);
    QCOMPARE(c.merge_size, 2);
    QCOMPARE(c.image_mean[1], 0.5f);
    QCOMPARE(c.image_std[0], 0.26862954f);
    QCOMPARE(c.fps, 1.5);
    // qwen-vl-utils' own bounds are not the processor's and stay.
    QCOMPARE(c.min_pixels, int64_t{128 * 28 * 28});
  }

  void aDamagedFileIsAnError() {
    QTemporaryDir dir;
    const QString path = dir.filePath("preprocessor_config.json");
    write(path, R"({"image_std":[0.2,0.2]})");
    try {
      SamplerConfig::forModel(dir.path(), 2.0);
      QFAIL("a damaged preprocessor_config.json was read as the defaults");
    } catch (const vs::Error& e) {
      QCOMPARE(e.kind(), vs::Error::Kind::InvalidData);
      QVERIFY2(e.full().contains(path) && e.full().contains(QStringLiteral("image_std")),
               qPrintable(e.full()));
    }
    write(path, "not json");
    QVERIFY_THROWS_EXCEPTION(vs::Error, SamplerConfig::forModel(dir.path(), 2.0));
  }
};

QTEST_GUILESS_MAIN(TestSamplerConfig)
#include "test_sampler_config.moc"
