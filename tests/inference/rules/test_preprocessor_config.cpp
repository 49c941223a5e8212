// preprocessor_config.json over the Qwen2VLImageProcessor defaults: the spellings seen in the
// wild (Qwen2.5-VL-7B-Instruct's file as published, and newer saves' size {shortest_edge,
// longest_edge}), a checkpoint without the file, and damaged files as errors naming file and key.
#include <QTemporaryDir>
#include <QTest>
#include <fstream>

#include "inference/base/error.h"
#include "inference/rules/preprocessor_config.h"

using namespace vs::videoscore2;
using vs::inference::Error;

namespace {

// Qwen/Qwen2.5-VL-7B-Instruct preprocessor_config.json as published.
const char* kQwen7B = R"({
  "min_pixels": 3136,
  "max_pixels": 12845056,
  "patch_size": 14,
  "temporal_patch_size": 2,
  "merge_size": 2,
  "image_mean": [0.48145466, 0.4578275, 0.40821073],
  "image_std": [0.26862954, 0.26130258, 0.27577711],
  "image_processor_type": "Qwen2VLImageProcessor",
  "processor_class": "Qwen2_5_VLProcessor"
})";

void write(const QString& path, const std::string& text) {
  std::ofstream(path.toStdString(), std::ios::binary) << text;
}

}  // namespace

class TestPreprocessorConfig : public QObject {
  Q_OBJECT

 private slots:
  void defaultsAreTheProcessors() {
    const PreprocessorConfig d;
    QVERIFY(!d.present);
    QCOMPARE(d.min_pixels, int64_t{3136});
    QCOMPARE(d.max_pixels, int64_t{12845056});
    QCOMPARE(d.patch_size, int64_t{14});
    QCOMPARE(d.temporal_patch_size, int64_t{2});
    QCOMPARE(d.merge_size, int64_t{2});
    QCOMPARE(d.image_mean[1], 0.4578275);
    QCOMPARE(d.image_std[0], 0.26862954);
    QVERIFY(!d.fps);
  }

  void publishedFile() {
    const PreprocessorConfig p = parsePreprocessorConfig(kQwen7B, "preprocessor_config.json");
    QVERIFY(p.present);
    QCOMPARE(p.max_pixels, int64_t{12845056});
    QCOMPARE(p.image_mean[2], 0.40821073);
    QCOMPARE(p.image_std[2], 0.27577711);
    QCOMPARE(p.image_processor_type, std::string("Qwen2VLImageProcessor"));
  }

  void sizeSpellingAndOtherValues() {
    const PreprocessorConfig s = parsePreprocessorConfig(
        R"({"size":{"shortest_edge":100,"longest_edge":2000},"patch_size":16,"merge_size":1,"fps":4})", "p");
    QCOMPARE(s.min_pixels, int64_t{100});
    QCOMPARE(s.max_pixels, int64_t{2000});
    QCOMPARE(s.patch_size, int64_t{16});
    QCOMPARE(s.merge_size, int64_t{1});
    QCOMPARE(s.temporal_patch_size, int64_t{2});
    QVERIFY(s.fps.has_value());
    QCOMPARE(*s.fps, 4.0);
  }

  void damagedFilesAreErrors_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("what");
    QTest::newRow("not json") << "{\"patch_size\": "
                              << "p.json: not valid JSON: ";
    QTest::newRow("array") << "[1]"
                           << "p.json: not a JSON object";
    QTest::newRow("mean of 2") << R"({"image_mean":[1,2]})"
                               << "p.json: image_mean: must be a list of 3 numbers";
    QTest::newRow("std text") << R"({"image_std":[1,"a",1]})"
                              << "p.json: image_std[1]: must be a number";
    QTest::newRow("std zero") << R"({"image_std":[1,0,1]})"
                              << "p.json: image_std: must be positive";
    QTest::newRow("patch 0") << R"({"patch_size":0})"
                             << "p.json: patch_size: must be a positive integer";
    QTest::newRow("merge text") << R"({"merge_size":"2"})"
                                << "p.json: merge_size: must be an integer";
    QTest::newRow("pixels") << R"({"min_pixels":10,"max_pixels":5})"
                            << "p.json: max_pixels: pixel bounds must satisfy 0 < min_pixels <= max_pixels";
    QTest::newRow("fps") << R"({"fps":0})"
                         << "p.json: fps: must be > 0";
  }

  void damagedFilesAreErrors() {
    QFETCH(QString, text);
    QFETCH(QString, what);
    try {
      parsePreprocessorConfig(text.toStdString(), "p.json");
      QFAIL("accepted");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), Error::Kind::InvalidData);
      QCOMPARE(e.file(), std::string("p.json"));
      QVERIFY2(QString::fromStdString(e.what()).startsWith(what), e.what());
    }
  }

  void readFromACheckpointDirectory() {
    QTemporaryDir dir;
    const std::string d = dir.path().toStdString();
    // No file: the defaults.
    QVERIFY(!readPreprocessorConfig(d).present);
    QCOMPARE(readPreprocessorConfig(d).patch_size, int64_t{14});
    write(dir.filePath("preprocessor_config.json"), R"({"temporal_patch_size":4})");
    const PreprocessorConfig p = readPreprocessorConfig(d);
    QVERIFY(p.present);
    QCOMPARE(p.temporal_patch_size, int64_t{4});
    // A damaged file is an error naming it, never the defaults.
    write(dir.filePath("preprocessor_config.json"), "{\"temporal_patch_size\": 4,");
    try {
      readPreprocessorConfig(d);
      QFAIL("a damaged file was read");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), Error::Kind::InvalidData);
      QCOMPARE(e.file(), d + "/preprocessor_config.json");
    }
  }
};

QTEST_GUILESS_MAIN(TestPreprocessorConfig)
#include "test_preprocessor_config.moc"
