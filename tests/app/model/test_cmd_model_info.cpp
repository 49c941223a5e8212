// vscore model-info on tiny checkpoints: a complete one (nested names, sharded) and a damaged one.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "tests/inference/checkpoint/tiny_checkpoint.h"

namespace {

struct Run {
  int exit_code = -1;
  QByteArray out;
  QByteArray err;
};

Run vscore(const QStringList& args) {
  QProcess p;
  p.start(qEnvironmentVariable("VS_VSCORE"), args);
  if (!p.waitForFinished(60000)) {
    qFatal("vscore did not finish");
  }
  return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QString scratch(const QString& name) {
  return qEnvironmentVariable("VS_TEST_TMP") + "/" + name;
}

}  // namespace

class TestCmdModelInfo : public QObject {
  Q_OBJECT

 private slots:
  void describesACompleteCheckpoint() {
    vs::test::TinyOptions o;
    o.layout = vs::test::TinyLayout::Nested;
    o.sharding = vs::test::TinySharding::Sharded;
    o.dtype = vs::test::TinyDtype::BF16;
    o.with_lm_head = false;
    const QString dir = vs::test::writeTinyCheckpoint(scratch("nested"), o);
    const Run r = vscore({"model-info", dir, "--json"});
    QCOMPARE(r.exit_code, 0);
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j["storage"].toString(), QString("sharded"));
    QCOMPARE(j["files"].toInt(), 3);
    QCOMPARE(j["name_layout"].toString(), QString("model.visual.*/model.language_model.*"));
    QCOMPARE(j["tensors"].toInt(), int(vs::test::tinyTensors(false).size()));
    QVERIFY(j["lm_head_tied"].toBool());
    QVERIFY(j["missing"].toArray().isEmpty());
    const QJsonObject shapes = j["tensor_shapes"].toObject();
    QCOMPARE(shapes["visual.patch_embed.proj.weight"].toObject()["shape"].toArray(),
             (QJsonArray{8, 3, 2, 14, 14}));
    QCOMPARE(shapes["model.layers.0.self_attn.k_proj.weight"].toObject()["dtype"].toString(),
             QString("BF16"));
    const Run text = vscore({"model-info", dir});
    QCOMPARE(text.exit_code, 0);
    QVERIFY(text.out.contains("loadable: yes"));
  }

  void reportsDamage() {
    vs::test::TinyOptions o;
    o.drop = {"model.norm.weight"};
    o.edit = [](std::vector<vs::test::TinyTensor>& t) { t.push_back({"extra.weight", {2}}); };
    const QString dir = vs::test::writeTinyCheckpoint(scratch("damaged"), o);
    const Run r = vscore({"model-info", dir, "--json"});
    QCOMPARE(r.exit_code, 3);
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j["missing"].toArray(), QJsonArray{"model.norm.weight"});
    QCOMPARE(j["unexpected"].toArray(), QJsonArray{"extra.weight"});
    QVERIFY(r.err.contains("1 tensors missing"));
    QCOMPARE(vscore({"model-info", scratch("absent")}).exit_code, 1);
    QCOMPARE(vscore({"model-info"}).exit_code, 2);
  }
};

QTEST_GUILESS_MAIN(TestCmdModelInfo)
#include "test_cmd_model_info.moc"
