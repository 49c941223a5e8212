// Checkpoint::open on tiny checkpoints: both name layouts, single and sharded, F32 and BF16, tied
// lm_head, and every kind of damage the loader must refuse with the tensor's name.
#include <QTest>

#include "inference/checkpoint/checkpoint.h"
#include "inference/base/error.h"
#include "tests/inference/checkpoint/tiny_checkpoint.h"

using namespace vs::checkpoint;
using namespace vs::test;
using vs::safetensors::Dtype;

class TestCheckpoint : public QObject {
  Q_OBJECT

 private:
  QString dir(const QString& name) { return qEnvironmentVariable("VS_TEST_TMP") + "/" + name; }

  static QString refusal(const QString& d) {
    try {
      Checkpoint::open(d.toStdString());
    } catch (const vs::inference::Error& e) {
      return QString::fromStdString(e.what());
    }
    return "accepted";
  }

  static void checkComplete(const Checkpoint& c, Dtype dtype) {
    QCOMPARE(c.config().text.hidden_size, int64_t{16});
    QCOMPARE(c.config().vision.depth, int64_t{2});
    QCOMPARE(c.config().tokens.video_token_id, int64_t{26});
    QVERIFY(c.problems().empty());
    // 2 + 2*12 vision blocks... counted from the independent list in tiny_checkpoint.h.
    QCOMPARE(c.tensors().size(), tinyTensors(true).size());
    for (const TinyTensor& t : tinyTensors(true)) {
      const vs::safetensors::TensorView* v = c.find(t.name);
      QVERIFY2(v != nullptr, t.name.c_str());
      QCOMPARE(v->shape, t.shape);
      QCOMPARE(v->dtype, dtype);
    }
    QCOMPARE(c.tensor("model.layers.1.self_attn.k_proj.weight").shape, (std::vector<int64_t>{8, 16}));
  }

 private slots:
  void legacySingleF32() {
    const Checkpoint c = Checkpoint::open(writeTinyCheckpoint(dir("a-single-f32"), {}).toStdString());
    QCOMPARE(c.nameLayout(), NameLayout::Legacy);
    QCOMPARE(c.storage().layout(), vs::safetensors::TensorSet::Layout::SingleFile);
    checkComplete(c, Dtype::F32);
    QVERIFY(!c.lmHeadTied());
    QVERIFY(c.find("lm_head.weight")->data != c.find("model.embed_tokens.weight")->data);
    QVERIFY(!c.generation().present);
    QVERIFY(!c.preprocessor().present);
  }

  void nestedShardedBf16() {
    TinyOptions o;
    o.layout = TinyLayout::Nested;
    o.sharding = TinySharding::Sharded;
    o.dtype = TinyDtype::BF16;
    const QString d = writeTinyCheckpoint(dir("b-sharded-bf16"), o);
    writeTextFile(d + "/generation_config.json", R"({"eos_token_id":[21,20],"top_k":1})");
    writeTextFile(d + "/preprocessor_config.json", R"({"min_pixels":784,"max_pixels":31360})");
    const Checkpoint c = Checkpoint::open(d.toStdString());
    QCOMPARE(c.nameLayout(), NameLayout::Nested);
    QCOMPARE(c.storage().layout(), vs::safetensors::TensorSet::Layout::Sharded);
    QCOMPARE(c.storage().files().size(), size_t{3});
    checkComplete(c, Dtype::BF16);
    QVERIFY(c.storage().find("model.language_model.norm.weight") != nullptr);
    QCOMPARE(c.generation().eos_token_ids, (std::vector<int64_t>{21, 20}));
    QCOMPARE(c.preprocessor().max_pixels, int64_t{31360});
  }

  void absentLmHeadIsTied() {
    TinyOptions o;
    o.with_lm_head = false;
    const Checkpoint c = Checkpoint::open(writeTinyCheckpoint(dir("tied-absent"), o).toStdString());
    QVERIFY(c.lmHeadTied());
    QCOMPARE(c.tensor("lm_head.weight").data, c.tensor("model.embed_tokens.weight").data);
    QVERIFY(c.problems().empty());
  }

  void configTieWinsOverStoredLmHead() {
    TinyOptions o;
    std::string cfg = kTinyConfigFlat;
    cfg.replace(cfg.find("\"tie_word_embeddings\": false"), 28, "\"tie_word_embeddings\": true ");
    o.config = cfg;
    const Checkpoint c = Checkpoint::open(writeTinyCheckpoint(dir("tied-config"), o).toStdString());
    QVERIFY(c.lmHeadTied());
    QCOMPARE(c.tensor("lm_head.weight").data, c.tensor("model.embed_tokens.weight").data);
  }

  void parameterCount() {
    int64_t expected = 0;
    for (const TinyTensor& t : tinyTensors(false)) {
      int64_t n = 1;
      for (int64_t d : t.shape) {
        n *= d;
      }
      expected += n;
    }
    TinyOptions o;
    o.with_lm_head = false;
    QCOMPARE(Checkpoint::open(writeTinyCheckpoint(dir("count"), o).toStdString()).parameterCount(), expected);
  }

  void missingTensorIsNamed() {
    TinyOptions o;
    o.drop = {"model.layers.1.mlp.up_proj.weight"};
    QCOMPARE(refusal(writeTinyCheckpoint(dir("missing"), o)),
             dir("missing") + ": model.layers.1.mlp.up_proj.weight: missing");
    o.layout = TinyLayout::Nested;
    o.sharding = TinySharding::Sharded;
    o.drop = {"visual.blocks.0.attn.qkv.bias"};
    QVERIFY(refusal(writeTinyCheckpoint(dir("missing-b"), o))
                .endsWith(": visual.blocks.0.attn.qkv.bias: missing"));
  }

  void wrongShapeIsNamed() {
    TinyOptions o;
    o.edit = [](std::vector<TinyTensor>& t) {
      for (TinyTensor& x : t) {
        if (x.name == "visual.merger.mlp.0.weight") {
          x.shape = {32, 31};
        }
      }
    };
    const QString e = refusal(writeTinyCheckpoint(dir("shape"), o));
    QVERIFY2(e.contains("model.safetensors: visual.merger.mlp.0.weight: shape [32, 31], expected [32, 32]"),
             qPrintable(e));
  }

  void sameTensorInBothLayoutsIsRefused() {
    TinyOptions o;
    o.edit = [](std::vector<TinyTensor>& t) { t.push_back({"model.language_model.norm.weight", {16}}); };
    const QString e = refusal(writeTinyCheckpoint(dir("both"), o));
    QVERIFY2(e.contains("model.norm.weight") && e.contains("stored twice"), qPrintable(e));
  }

  void unexpectedTensorIsReportedNotFatal() {
    TinyOptions o;
    o.edit = [](std::vector<TinyTensor>& t) { t.push_back({"model.rotary_emb.inv_freq", {4}}); };
    const Checkpoint c = Checkpoint::open(writeTinyCheckpoint(dir("extra"), o).toStdString());
    QCOMPARE(c.problems().size(), size_t{1});
    QCOMPARE(c.problems()[0].name, std::string("model.rotary_emb.inv_freq"));
    QCOMPARE(c.problems()[0].problem, std::string("unexpected"));
  }

  void reportOnlyCollectsEverything() {
    TinyOptions o;
    o.drop = {"model.norm.weight", "visual.merger.ln_q.weight"};
    o.edit = [](std::vector<TinyTensor>& t) { t[1].shape = {9}; };  // visual.blocks.0.norm1.weight
    const Checkpoint c =
        Checkpoint::open(writeTinyCheckpoint(dir("report"), o).toStdString(), Strictness::ReportOnly);
    QCOMPARE(c.problems().size(), size_t{3});
  }

  void damagedFilesAreRefused() {
    const QString d = writeTinyCheckpoint(dir("no-config"), {});
    QFile::remove(d + "/config.json");
    QVERIFY(refusal(d).contains("config.json: missing"));
    const QString g = writeTinyCheckpoint(dir("bad-generation"), {});
    writeTextFile(g + "/generation_config.json", "{\"top_k\": \"one\"}");
    QVERIFY(refusal(g).contains("generation_config.json: top_k: must be an integer"));
    const QString t = writeTinyCheckpoint(dir("truncated"), {});
    QFile f(t + "/model.safetensors");
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.resize(f.size() - 3);
    f.close();
    QVERIFY(refusal(t).contains("model.safetensors"));
    const QString n = writeTinyCheckpoint(dir("no-weights"), {});
    QFile::remove(n + "/model.safetensors");
    QVERIFY(refusal(n).contains("neither model.safetensors.index.json nor model.safetensors"));
  }

  void integerWeightsAreRefused() {
    const QString d = writeTinyCheckpoint(dir("int"), {});
    // Rewrite one tensor as I32 with the right shape.
    vs::safetensors::SafetensorsWriter w;
    for (const TinyTensor& t : tinyTensors(true)) {
      int64_t n = 1;
      for (int64_t x : t.shape) {
        n *= x;
      }
      if (t.name == "model.norm.weight") {
        std::vector<int32_t> v(static_cast<size_t>(n), 1);
        w.add(t.name, Dtype::I32, t.shape, v.data(), v.size() * 4);
      } else {
        w.addF32(t.name, t.shape, std::vector<float>(static_cast<size_t>(n), 0.5f));
      }
    }
    w.write((d + "/model.safetensors").toStdString());
    QVERIFY(refusal(d).contains("model.norm.weight: dtype I32"));
  }

  void canonicalNames() {
    QCOMPARE(canonicalTensorName("model.visual.blocks.0.norm1.weight"),
             std::string("visual.blocks.0.norm1.weight"));
    QCOMPARE(canonicalTensorName("model.language_model.layers.3.mlp.up_proj.weight"),
             std::string("model.layers.3.mlp.up_proj.weight"));
    QCOMPARE(canonicalTensorName("model.layers.3.mlp.up_proj.weight"),
             std::string("model.layers.3.mlp.up_proj.weight"));
    QCOMPARE(canonicalTensorName("lm_head.weight"), std::string("lm_head.weight"));
  }

  void fullSizeExpectationsMatchTheReference() {
    // 729 tensors and 8.29 B parameters for the 7B config (qwen25vl.md §1-2).
    Qwen25VLConfig c;
    const auto e = expectedTensors(c);
    QCOMPARE(e.size(), size_t{729});
    int64_t n = 0;
    for (const ExpectedTensor& t : e) {
      int64_t k = 1;
      for (int64_t d : t.shape) {
        k *= d;
      }
      n += k;
    }
    QVERIFY2(n > 8'280'000'000 && n < 8'300'000'000, qPrintable(QString::number(n)));
  }
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "test_checkpoint.moc"
