// describeCheckpoint (what `vscore model-info` prints) on the tiny checkpoints of
// tiny_checkpoint.h: counts and dtypes against the test's own tensor list, the config values of
// kTinyConfigFlat, and missing or unexpected tensors making it not loadable.
#include <QDir>
#include <QTest>

#include "inference/base/error.h"
#include "inference/checkpoint/checkpoint_report.h"
#include "tests/inference/checkpoint/tiny_checkpoint.h"

using namespace vs::checkpoint;
using namespace vs::test;
using nlohmann::ordered_json;

namespace {
QString dir(const QString& name) {
  const QString d = qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath()) + "/checkpoint_report_" + name;
  QDir(d).removeRecursively();
  QDir().mkpath(d);
  return d;
}
int64_t numel(const std::vector<int64_t>& shape) {
  int64_t n = 1;
  for (int64_t s : shape)
    n *= s;
  return n;
}
}  // namespace

class TestCheckpointReport : public QObject {
  Q_OBJECT

 private slots:
  void completeSingleFile() {
    const QString d = writeTinyCheckpoint(dir("single"), {});
    const ordered_json o =
        describeCheckpoint(Checkpoint::open(d.toStdString(), Strictness::ReportOnly), false);
    int64_t params = 0;
    for (const TinyTensor& t : tinyTensors(true))
      params += numel(t.shape);
    QCOMPARE(o["directory"].get<std::string>(), d.toStdString());
    QCOMPARE(o["storage"].get<std::string>(), std::string("single file"));
    QCOMPARE(o["files"].get<int>(), 1);
    QCOMPARE(o["name_layout"].get<std::string>(), std::string("visual.*/model.*"));
    QCOMPARE(o["tensors"].get<size_t>(), tinyTensors(true).size());
    QCOMPARE(o["parameters"].get<int64_t>(), params);
    QCOMPARE(o["dtypes"]["F32"].get<int64_t>(), params);
    QCOMPARE(o["lm_head_tied"].get<bool>(), false);
    QCOMPARE(o["text"]["hidden_size"].get<int>(), 16);
    QCOMPARE(o["text"]["layers"].get<int>(), 2);
    QCOMPARE(o["text"]["kv_heads"].get<int>(), 1);
    QCOMPARE(o["text"]["mrope_section"].get<std::vector<int>>(), (std::vector<int>{1, 2, 1}));
    QCOMPARE(o["vision"]["depth"].get<int>(), 2);
    QCOMPARE(o["generation_config"].get<bool>(), false);
    QCOMPARE(o["preprocessor_config"].get<bool>(), false);
    QVERIFY(o["missing"].empty() && o["unexpected"].empty() && o["invalid"].empty());
    QVERIFY(!o.contains("tensor_shapes"));
    QVERIFY(loadable(o));
    // Report order: the keys as model-info prints them.
    QCOMPARE(o.begin().key(), std::string("directory"));
  }

  void shardedNestedWithShapes() {
    TinyOptions t;
    t.layout = TinyLayout::Nested;
    t.sharding = TinySharding::Sharded;
    t.dtype = TinyDtype::BF16;
    const QString d = writeTinyCheckpoint(dir("sharded"), t);
    const ordered_json o =
        describeCheckpoint(Checkpoint::open(d.toStdString(), Strictness::ReportOnly), true);
    QCOMPARE(o["storage"].get<std::string>(), std::string("sharded"));
    QCOMPARE(o["name_layout"].get<std::string>(), std::string("model.visual.*/model.language_model.*"));
    QVERIFY(o["dtypes"].contains("BF16"));
    QCOMPARE(o["tensor_shapes"].size(), tinyTensors(true).size());
    QCOMPARE(o["tensor_shapes"]["visual.patch_embed.proj.weight"]["shape"].get<std::vector<int64_t>>(),
             (std::vector<int64_t>{8, 3, 2, 14, 14}));
    QCOMPARE(o["tensor_shapes"]["visual.patch_embed.proj.weight"]["dtype"].get<std::string>(),
             std::string("BF16"));
  }

  void missingTensorIsNotLoadable() {
    TinyOptions t;
    t.drop = {"visual.patch_embed.proj.weight"};
    const QString d = writeTinyCheckpoint(dir("missing"), t);
    const ordered_json o =
        describeCheckpoint(Checkpoint::open(d.toStdString(), Strictness::ReportOnly), false);
    QCOMPARE(o["missing"].size(), size_t{1});
    QCOMPARE(o["missing"][0].get<std::string>(), std::string("visual.patch_embed.proj.weight"));
    QVERIFY(!loadable(o));
    try {
      requireLoadable(o, "ckpt");
      QFAIL("a checkpoint without its patch embedding passed");
    } catch (const vs::inference::Error& e) {
      QCOMPARE(e.kind(), vs::inference::Error::Kind::BadModel);
      QCOMPARE(std::string(e.what()), std::string("ckpt: 1 tensors missing, 0 invalid"));
    }
    const std::string text = reportText(o);
    QVERIFY(text.find("\nmissing: [\"visual.patch_embed.proj.weight\"]\n") != std::string::npos);
    QVERIFY(text.size() > 14 && text.compare(text.size() - 14, 14, "\nloadable: no\n") == 0);
  }

  void reportTextIsOneLinePerKey() {
    const ordered_json report{{"storage", "single"},
                              {"tensors", 3},
                              {"missing", ordered_json::array()},
                              {"invalid", ordered_json::array()},
                              {"lm_head_tied", true}};
    QCOMPARE(reportText(report), std::string("storage: \"single\"\ntensors: 3\nmissing: []\ninvalid: []\n"
                                             "lm_head_tied: true\nloadable: yes\n"));
    requireLoadable(report, "ckpt");  // no throw
  }
};

QTEST_GUILESS_MAIN(TestCheckpointReport)
#include "test_checkpoint_report.moc"
