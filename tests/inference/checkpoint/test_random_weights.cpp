// writeRandomWeights: the loader opens what it writes, in both name layouts, single file and
// sharded; every tensor of the independent list in tiny_checkpoint.h is there with its shape;
// the same seed gives the same bytes, another seed others.
#include <QDir>
#include <QFile>
#include <QTest>

#include "inference/checkpoint/checkpoint.h"
#include "inference/checkpoint/random_weights.h"
#include "tests/inference/checkpoint/tiny_checkpoint.h"

using namespace vs::checkpoint;
using namespace vs::test;
using vs::safetensors::Dtype;

class TestRandomWeights : public QObject {
  Q_OBJECT
  static QString dir(const QString& name) {
    const QString d = qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath()) + "/random_weights_" + name;
    QDir(d).removeRecursively();
    QDir().mkpath(d);
    writeTextFile(d + "/config.json", QByteArray(kTinyConfigFlat));
    return d;
  }
  static QByteArray bytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
  }
  static void checkComplete(const Checkpoint& c, Dtype dtype) {
    QCOMPARE(c.tensors().size(), tinyTensors(true).size());
    for (const TinyTensor& t : tinyTensors(true)) {
      const vs::safetensors::TensorView* v = c.find(t.name);
      QVERIFY2(v != nullptr, t.name.c_str());
      QCOMPARE(v->shape, t.shape);
      QCOMPARE(v->dtype, dtype);
    }
  }

 private slots:
  void legacySingleBf16() {
    const QString d = dir("a");
    const auto written = writeRandomWeights(d.toStdString(), kTinyConfigFlat, {});
    QCOMPARE(written.tensors, tinyTensors(true).size());
    const Checkpoint c = Checkpoint::open(d.toStdString());
    QCOMPARE(c.nameLayout(), NameLayout::Legacy);
    QCOMPARE(c.storage().layout(), vs::safetensors::TensorSet::Layout::SingleFile);
    checkComplete(c, Dtype::BF16);
  }

  void nestedShardedF32() {
    const QString d = dir("b");
    RandomWeightsOptions o;
    o.shards = 3;
    o.layout = TensorLayout::Nested;
    o.dtype = StoredDtype::F32;
    const auto written = writeRandomWeights(d.toStdString(), kTinyConfigFlat, o);
    const Checkpoint c = Checkpoint::open(d.toStdString());
    QCOMPARE(c.nameLayout(), NameLayout::Nested);
    QCOMPARE(c.storage().layout(), vs::safetensors::TensorSet::Layout::Sharded);
    QCOMPARE(c.storage().files().size(), size_t{3});
    checkComplete(c, Dtype::F32);
    QVERIFY(QFile::exists(d + "/model-00003-of-00003.safetensors"));
    QVERIFY(bytes(d + "/model.safetensors.index.json").contains(QByteArray::number(qint64(written.bytes))));
  }

  void seedDecidesTheBytes() {
    const QString a = dir("s1"), b = dir("s2"), c = dir("s3");
    RandomWeightsOptions o;
    o.seed = 7;
    writeRandomWeights(a.toStdString(), kTinyConfigFlat, o);
    writeRandomWeights(b.toStdString(), kTinyConfigFlat, o);
    o.seed = 8;
    writeRandomWeights(c.toStdString(), kTinyConfigFlat, o);
    QCOMPARE(bytes(a + "/model.safetensors"), bytes(b + "/model.safetensors"));
    QVERIFY(bytes(a + "/model.safetensors") != bytes(c + "/model.safetensors"));
  }
};

QTEST_APPLESS_MAIN(TestRandomWeights)
#include "test_random_weights.moc"
