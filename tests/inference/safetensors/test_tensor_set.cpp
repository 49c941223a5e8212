// TensorSet: single file and sharded directories, and every way an index can disagree with its
// shards.
#include <QDir>
#include <QFile>
#include <QTest>

#include "inference/base/error.h"
#include "inference/safetensors/safetensors_writer.h"
#include "inference/safetensors/tensor_set.h"

using namespace vs::safetensors;

class TestTensorSet : public QObject {
  Q_OBJECT

 private:
  QString fresh(const QString& name) {
    const QString dir = qEnvironmentVariable("VS_TEST_TMP") + "/" + name;
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    return dir;
  }
  static void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
  }
  // Two shards: a+b in shard 1, c in shard 2.
  QString sharded(const QString& name, const QByteArray& index) {
    const QString dir = fresh(name);
    SafetensorsWriter s1;
    s1.addF32("a", {2}, {1, 2});
    s1.addBF16("b", {1}, {3});
    s1.write((dir + "/model-00001-of-00002.safetensors").toStdString());
    SafetensorsWriter s2;
    s2.addF32("c", {1, 1}, {4});
    s2.write((dir + "/model-00002-of-00002.safetensors").toStdString());
    writeText(dir + "/model.safetensors.index.json", index);
    return dir;
  }
  static const QByteArray kGoodIndex;

  static QString refusal(const QString& dir, vs::inference::Error::Kind kind) {
    try {
      TensorSet::openDirectory(dir.toStdString());
    } catch (const vs::inference::Error& e) {
      if (e.kind() != kind) {
        return "wrong kind: " + QString::fromStdString(e.what());
      }
      return QString::fromStdString(e.what());
    }
    return "accepted";
  }

 private slots:
  void singleFile() {
    const QString dir = fresh("single");
    SafetensorsWriter w;
    w.addF32("x", {1}, {5});
    w.write((dir + "/model.safetensors").toStdString());
    const TensorSet set = TensorSet::openDirectory(dir.toStdString());
    QCOMPARE(set.layout(), TensorSet::Layout::SingleFile);
    QCOMPARE(set.tensors().size(), size_t{1});
    QVERIFY(set.find("x") != nullptr);
  }

  void shardedFollowsIndex() {
    const TensorSet set = TensorSet::openDirectory(sharded("sharded", kGoodIndex).toStdString());
    QCOMPARE(set.layout(), TensorSet::Layout::Sharded);
    QCOMPARE(set.files().size(), size_t{2});
    QCOMPARE(set.tensors().size(), size_t{3});
    QVERIFY(set.find("c")->file.find("00002") != std::string::npos);
    // Moving the set keeps the views valid (they point into the maps, not into the set).
    TensorSet moved = std::move(const_cast<TensorSet&>(set));
    QCOMPARE(moved.find("b")->dtype, Dtype::BF16);
  }

  void emptyDirectory() {
    QVERIFY(refusal(fresh("empty"), vs::inference::Error::Kind::Io).contains("neither"));
  }

  void missingShard() {
    const QString dir = sharded("missing-shard", kGoodIndex);
    QFile::remove(dir + "/model-00002-of-00002.safetensors");
    const QString e = refusal(dir, vs::inference::Error::Kind::Io);
    QVERIFY2(e.contains("model-00002-of-00002.safetensors") && e.contains("missing"), qPrintable(e));
  }

  void tensorNotInItsShard() {
    const QString e = refusal(sharded("wrong-shard", R"({"weight_map":{"a":"model-00001-of-00002.safetensors",
        "b":"model-00001-of-00002.safetensors","c":"model-00001-of-00002.safetensors"}})"),
                              vs::inference::Error::Kind::InvalidData);
    QVERIFY2(e.contains("00001") && e.contains(": c: ") && e.contains("not in this shard"), qPrintable(e));
  }

  void tensorInTwoShards() {
    const QString dir = sharded("dup", kGoodIndex);
    SafetensorsWriter s2;
    s2.addF32("c", {1, 1}, {4});
    s2.addF32("a", {2}, {1, 2});
    s2.write((dir + "/model-00002-of-00002.safetensors").toStdString());
    const QString e = refusal(dir, vs::inference::Error::Kind::InvalidData);
    QVERIFY2(e.contains(": a: ") && e.contains("also stored"), qPrintable(e));
  }

  void badIndex() {
    QVERIFY(
        refusal(sharded("idx1", "{"), vs::inference::Error::Kind::InvalidData).contains("not valid JSON"));
    QVERIFY(refusal(sharded("idx2", "{}"), vs::inference::Error::Kind::InvalidData).contains("weight_map"));
    QVERIFY(refusal(sharded("idx3", R"({"weight_map":{"a":3}})"), vs::inference::Error::Kind::InvalidData)
                .contains("weight_map.a"));
    const QString e = refusal(sharded("idx4", R"({"weight_map":{"a":"../x.safetensors"}})"),
                              vs::inference::Error::Kind::InvalidData);
    QVERIFY2(e.contains("not a file name"), qPrintable(e));
  }

  void damagedShardNamesFile() {
    const QString dir = sharded("damaged", kGoodIndex);
    QFile f(dir + "/model-00002-of-00002.safetensors");
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.resize(f.size() - 1);  // truncated download
    f.close();
    const QString e = refusal(dir, vs::inference::Error::Kind::InvalidData);
    QVERIFY2(e.contains("model-00002-of-00002.safetensors") && e.contains(": c: "), qPrintable(e));
  }
};

const QByteArray TestTensorSet::kGoodIndex = R"({"metadata":{"total_size":14},"weight_map":{
    "a":"model-00001-of-00002.safetensors","b":"model-00001-of-00002.safetensors",
    "c":"model-00002-of-00002.safetensors"}})";

QTEST_GUILESS_MAIN(TestTensorSet)
#include "test_tensor_set.moc"
