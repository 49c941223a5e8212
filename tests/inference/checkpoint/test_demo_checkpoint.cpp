// writeDemoCheckpoint: the files of the demo model read back by the checkpoint loader and parsed
// with Qt's JSON reader (independent of the nlohmann writer): the config the engine needs, the
// preprocessor defaults, VideoScore2's generation settings, the given tokenizer bytes, the extra
// marker file, and the JSON layout (four-space indent, sorted keys, final newline). An output
// folder that cannot be created is an Io error naming it. Where the shipped tokenizer is found
// from the program's folder (installed, or a build tree below the sources), the option names and
// the line that reports a write.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "inference/base/error.h"
#include "inference/checkpoint/checkpoint.h"
#include "inference/checkpoint/demo_checkpoint.h"

using namespace vs::checkpoint;

namespace {
QByteArray bytes(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
QJsonObject object(const QString& path) {
  return QJsonDocument::fromJson(bytes(path)).object();
}
QString tmp(const QString& name) {
  const QString d = qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath()) + "/demo_checkpoint_" + name;
  QDir(d).removeRecursively();
  return d;
}
}  // namespace

class TestDemoCheckpoint : public QObject {
  Q_OBJECT

 private slots:
  void writesALoadableCheckpoint() {
    const QString d = tmp("a") + "/nested/out";  // parents are created
    DemoCheckpointOptions o;
    o.tokenizer_json = "{\"not\": \"checked here\"}";
    o.extra_files = {{"RANDOM_WEIGHTS.txt", "noise\n"}};
    o.weights.seed = 3;
    const RandomWeightsSummary s = writeDemoCheckpoint(d.toStdString(), o);
    QCOMPARE(s.tensors, size_t{57});  // lm_head untied

    const Checkpoint c = Checkpoint::open(d.toStdString());
    QCOMPARE(c.config().text.num_hidden_layers, int64_t{2});
    QCOMPARE(c.config().text.hidden_size, int64_t{64});
    QCOMPARE(c.config().text.vocab_size, int64_t{151936});
    QCOMPARE(c.config().vision.depth, int64_t{2});
    QCOMPARE(c.config().text.mrope_section, (std::vector<int64_t>{2, 3, 3}));
    QVERIFY(!c.lmHeadTied());
    QVERIFY(c.generation().present && c.generation().do_sample);
    QCOMPARE(c.generation().temperature, 0.7);
    QCOMPARE(c.generation().eos_token_ids, (std::vector<int64_t>{151645, 151643}));
    QVERIFY(c.preprocessor().present);
    QCOMPARE(c.preprocessor().max_pixels, int64_t{12845056});

    const QJsonObject pre = object(d + "/preprocessor_config.json");
    QCOMPARE(pre["min_pixels"].toInt(), 3136);
    QCOMPARE(pre["image_mean"].toArray()[0].toDouble(), 0.48145466);
    QCOMPARE(pre["image_std"].toArray()[2].toDouble(), 0.27577711);
    QCOMPARE(pre["processor_class"].toString(), QStringLiteral("Qwen2_5_VLProcessor"));
    const QJsonObject tok = object(d + "/tokenizer_config.json");
    QCOMPARE(tok["eos_token"].toString(), QStringLiteral("<|im_end|>"));
    QCOMPARE(tok["tokenizer_class"].toString(), QStringLiteral("Qwen2Tokenizer"));
    QCOMPARE(bytes(d + "/tokenizer.json"), QByteArray("{\"not\": \"checked here\"}"));
    QCOMPARE(bytes(d + "/RANDOM_WEIGHTS.txt"), QByteArray("noise\n"));

    // The layout: what Qt's indented writer (and Python's json.dump(indent=4, sort_keys=True)) give.
    const QByteArray gen = bytes(d + "/generation_config.json");
    QCOMPARE(gen, QJsonDocument(QJsonDocument::fromJson(gen).object()).toJson(QJsonDocument::Indented));
    const QByteArray config = bytes(d + "/config.json");
    QCOMPARE(config, QByteArray::fromStdString(demoConfigJson(false)));
    QCOMPARE(config, QJsonDocument(QJsonDocument::fromJson(config).object()).toJson(QJsonDocument::Indented));
  }

  void tiedIsSmaller() {
    const QString d = tmp("tied");
    DemoCheckpointOptions o;
    o.tie = true;
    o.weights.shards = 2;
    const RandomWeightsSummary s = writeDemoCheckpoint(d.toStdString(), o);
    QCOMPARE(s.tensors, size_t{56});
    QVERIFY(Checkpoint::open(d.toStdString()).lmHeadTied());
    QVERIFY(object(d + "/config.json")["tie_word_embeddings"].toBool());
  }

  void findsTheShippedTokenizer() {
    const auto touch = [](const QString& path) {
      QDir().mkpath(QFileInfo(path).path());
      QFile f(path);
      return f.open(QIODevice::WriteOnly);
    };
    // A build tree five folders below the sources: found; six below: not.
    const QString src = tmp("src");
    QVERIFY(touch(src + "/resources/tokenizer/qwen25vl-tokenizer.json.gz"));
    QDir().mkpath(src + "/a/b/c/d/e/f");
    QCOMPARE(QString::fromStdString(findShippedTokenizer((src + "/a/b/c/d/e").toStdString())),
             src + "/resources/tokenizer/qwen25vl-tokenizer.json.gz");
    QCOMPARE(findShippedTokenizer((src + "/a/b/c/d/e/f").toStdString()), std::string());
    // Installed: share/ beside bin/ comes first.
    const QString prefix = tmp("prefix");
    QVERIFY(touch(prefix + "/share/videoscore-studio/tokenizer/qwen25vl-tokenizer.json.gz"));
    QVERIFY(touch(prefix + "/bin/resources/tokenizer/qwen25vl-tokenizer.json.gz"));
    QCOMPARE(QString::fromStdString(findShippedTokenizer((prefix + "/bin").toStdString())),
             prefix + "/share/videoscore-studio/tokenizer/qwen25vl-tokenizer.json.gz");
    QCOMPARE(findShippedTokenizer(tmp("nowhere").toStdString()), std::string());
  }

  void namesAndSummary() {
    QCOMPARE(tensorLayoutNamed("nested"), std::optional<TensorLayout>(TensorLayout::Nested));
    QCOMPARE(tensorLayoutNamed("legacy"), std::optional<TensorLayout>(TensorLayout::Legacy));
    QVERIFY(!tensorLayoutNamed("Nested"));
    QCOMPARE(storedDtypeNamed("f32"), std::optional<StoredDtype>(StoredDtype::F32));
    QCOMPARE(storedDtypeNamed("bf16"), std::optional<StoredDtype>(StoredDtype::BF16));
    QVERIFY(!storedDtypeNamed("f16"));
    RandomWeightsOptions w;
    w.seed = 7;
    w.layout = TensorLayout::Nested;
    w.dtype = StoredDtype::F32;
    QCOMPARE(describeDemoCheckpoint("out", RandomWeightsSummary{56, 39'549'952}, w),
             std::string("wrote out: 56 tensors, 39.5 MB, layout nested, f32, seed 7\n"));
    QCOMPARE(describeDemoCheckpoint("/x", RandomWeightsSummary{57, 39'249'999}, RandomWeightsOptions{}),
             std::string("wrote /x: 57 tensors, 39.2 MB, layout legacy, bf16, seed 0\n"));
  }

  void anUncreatableFolderIsAnIoError() {
    const QString d = tmp("file");
    QDir().mkpath(QFileInfo(d).path());
    QFile f(d);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    try {
      writeDemoCheckpoint((d + "/sub").toStdString(), DemoCheckpointOptions{});
      QFAIL("wrote below a file");
    } catch (const vs::inference::Error& e) {
      QCOMPARE(e.kind(), vs::inference::Error::Kind::Io);
      QCOMPARE(QString::fromStdString(e.what()), d + "/sub: cannot create");
    }
  }
};

QTEST_GUILESS_MAIN(TestDemoCheckpoint)
#include "test_demo_checkpoint.moc"
