// config.json in every spelling seen in the wild, generation_config.json (preprocessor_config.json:
// tests/inference/rules/test_preprocessor_config.cpp).
#include <QTest>
#include <nlohmann/json.hpp>

#include "inference/checkpoint/config_reader.h"
#include "inference/base/error.h"

using namespace vs::checkpoint;
using json = nlohmann::json;

namespace {

// The Qwen2.5-VL-7B-Instruct values (qwen25vl.md §1), original-release spelling.
json flat7B() {
  return json::parse(R"({
    "architectures": ["Qwen2_5_VLForConditionalGeneration"], "model_type": "qwen2_5_vl",
    "attention_dropout": 0.0, "bos_token_id": 151643, "eos_token_id": 151645, "vision_start_token_id": 151652,
    "vision_end_token_id": 151653, "vision_token_id": 151654, "image_token_id": 151655, "video_token_id": 151656,
    "hidden_act": "silu", "hidden_size": 3584, "initializer_range": 0.02, "intermediate_size": 18944,
    "max_position_embeddings": 128000, "max_window_layers": 28, "num_attention_heads": 28,
    "num_hidden_layers": 28, "num_key_value_heads": 4, "rms_norm_eps": 1e-06, "rope_theta": 1000000.0,
    "sliding_window": 32768, "tie_word_embeddings": false, "torch_dtype": "bfloat16",
    "transformers_version": "4.41.2", "use_cache": true, "use_sliding_window": false,
    "vision_config": {"depth": 32, "hidden_act": "silu", "hidden_size": 1280, "intermediate_size": 3420,
      "num_heads": 16, "in_chans": 3, "out_hidden_size": 3584, "patch_size": 14, "spatial_merge_size": 2,
      "spatial_patch_size": 14, "window_size": 112, "fullatt_block_indexes": [7, 15, 23, 31],
      "tokens_per_second": 2, "temporal_patch_size": 2},
    "rope_scaling": {"type": "mrope", "mrope_section": [16, 24, 24]}, "vocab_size": 152064
  })");
}

// transformers 4.53 re-save: text fields duplicated under text_config, rope_type spelling,
// in_channels.
json resaved453() {
  json j = flat7B();
  j["rope_scaling"] = {{"mrope_section", {16, 24, 24}}, {"rope_type", "default"}, {"type", "default"}};
  j["vision_config"].erase("in_chans");
  j["vision_config"]["in_channels"] = 3;
  json text = j;
  text.erase("vision_config");
  text["model_type"] = "qwen2_5_vl_text";
  j["text_config"] = text;
  return j;
}

// v5 style: only text_config, rope_parameters.
json v5Style() {
  json j = resaved453();
  json text = j["text_config"];
  for (const char* k : {"hidden_size", "intermediate_size", "num_attention_heads", "num_hidden_layers",
                        "num_key_value_heads", "rms_norm_eps", "rope_theta", "rope_scaling", "vocab_size",
                        "max_position_embeddings", "hidden_act", "attention_dropout", "sliding_window",
                        "max_window_layers", "use_sliding_window", "tie_word_embeddings"}) {
    j.erase(k);
  }
  text.erase("rope_scaling");
  text.erase("rope_theta");
  text["rope_parameters"] = {
      {"rope_type", "default"}, {"rope_theta", 1000000.0}, {"mrope_section", {16, 24, 24}}};
  j["text_config"] = text;
  return j;
}

void check7B(const Qwen25VLConfig& c) {
  QCOMPARE(c.text.vocab_size, int64_t{152064});
  QCOMPARE(c.text.hidden_size, int64_t{3584});
  QCOMPARE(c.text.intermediate_size, int64_t{18944});
  QCOMPARE(c.text.num_hidden_layers, int64_t{28});
  QCOMPARE(c.text.num_attention_heads, int64_t{28});
  QCOMPARE(c.text.num_key_value_heads, int64_t{4});
  QCOMPARE(c.text.head_dim, int64_t{128});
  QCOMPARE(c.text.kvGroupSize(), int64_t{7});
  QCOMPARE(c.text.rms_norm_eps, 1e-6);
  QCOMPARE(c.text.rope_theta, 1e6);
  QCOMPARE(c.text.mrope_section, (std::vector<int64_t>{16, 24, 24}));
  QCOMPARE(c.text.tie_word_embeddings, false);
  QCOMPARE(c.tokens.image_token_id, int64_t{151655});
  QCOMPARE(c.tokens.video_token_id, int64_t{151656});
  QCOMPARE(c.tokens.vision_start_token_id, int64_t{151652});
  QCOMPARE(c.tokens.vision_end_token_id, int64_t{151653});
  QCOMPARE(c.tokens.eos_token_id, int64_t{151645});
  QCOMPARE(c.vision.depth, int64_t{32});
  QCOMPARE(c.vision.hidden_size, int64_t{1280});
  QCOMPARE(c.vision.num_heads, int64_t{16});
  QCOMPARE(c.vision.headDim(), int64_t{80});
  QCOMPARE(c.vision.intermediate_size, int64_t{3420});
  QCOMPARE(c.vision.in_channels, int64_t{3});
  QCOMPARE(c.vision.patchDim(), int64_t{1176});
  QCOMPARE(c.vision.mergerHiddenSize(), int64_t{5120});
  QCOMPARE(c.vision.window_size, int64_t{112});
  QCOMPARE(c.vision.fullatt_block_indexes, (std::vector<int64_t>{7, 15, 23, 31}));
  QCOMPARE(c.vision.tokens_per_second, 2.0);
  QCOMPARE(c.vision.out_hidden_size, int64_t{3584});
}

QString refusal(const json& j) {
  try {
    parseQwen25VLConfig(j.dump(), "config.json");
  } catch (const vs::inference::Error& e) {
    return QString::fromStdString(e.what());
  }
  return "accepted";
}

}  // namespace

class TestConfigReader : public QObject {
  Q_OBJECT

 private slots:
  void originalRelease() {
    const Qwen25VLConfig c = parseQwen25VLConfig(flat7B().dump(), "config.json");
    check7B(c);
    QCOMPARE(c.text.rope_type, std::string("mrope"));
  }
  void transformers453Resave() { check7B(parseQwen25VLConfig(resaved453().dump(), "config.json")); }
  void v5RopeParameters() {
    const json j = v5Style();
    QVERIFY(!j.contains("hidden_size") && !j["text_config"].contains("rope_scaling"));
    check7B(parseQwen25VLConfig(j.dump(), "config.json"));
  }
  void textConfigWinsOverTopLevel() {
    json j = resaved453();
    j["hidden_size"] = 1;  // stale top-level copy; transformers builds text_config from the sub-dict
    QCOMPARE(parseQwen25VLConfig(j.dump(), "c").text.hidden_size, int64_t{3584});
  }
  void missingTokensPerSecondUsesClassDefault() {
    json j = flat7B();
    j["vision_config"].erase("tokens_per_second");
    QCOMPARE(parseQwen25VLConfig(j.dump(), "c").vision.tokens_per_second, 4.0);
  }
  void missingKeysAreNamed() {
    json j = flat7B();
    j.erase("hidden_size");
    QCOMPARE(refusal(j), QString("config.json: hidden_size: missing"));
    json n = v5Style();
    n["text_config"].erase("num_hidden_layers");
    QCOMPARE(refusal(n), QString("config.json: text_config.num_hidden_layers: missing"));
    json r = flat7B();
    r["rope_scaling"].erase("mrope_section");
    QCOMPARE(refusal(r), QString("config.json: rope_scaling.mrope_section: missing"));
    json v = flat7B();
    v["vision_config"].erase("depth");
    QCOMPARE(refusal(v), QString("config.json: vision_config.depth: missing"));
    json vc = flat7B();
    vc.erase("vision_config");
    QVERIFY(refusal(vc).contains("vision_config"));
    json t = flat7B();
    t.erase("video_token_id");
    QCOMPARE(refusal(t), QString("config.json: video_token_id: missing"));
  }
  void inconsistentValuesAreRefused() {
    json j = flat7B();
    j["rope_scaling"]["mrope_section"] = {16, 24, 23};
    QVERIFY(refusal(j).contains("mrope_section"));
    json h = flat7B();
    h["num_key_value_heads"] = 5;
    QVERIFY(refusal(h).contains("num_key_value_heads"));
    json s = flat7B();
    s["hidden_size"] = "3584";
    QCOMPARE(refusal(s), QString("config.json: hidden_size: must be an integer"));
    json o = flat7B();
    o["vision_config"]["out_hidden_size"] = 1000;
    QVERIFY(refusal(o).contains("out_hidden_size"));
    json f = flat7B();
    f["vision_config"]["fullatt_block_indexes"] = {7, 32};
    QVERIFY(refusal(f).contains("fullatt_block_indexes"));
    json m = flat7B();
    m["model_type"] = "llama";
    QVERIFY(refusal(m).contains("model_type"));
    QVERIFY(refusal(json::array()).contains("not a JSON object"));
    try {
      parseQwen25VLConfig("{", "config.json");
      QFAIL("bad JSON accepted");
    } catch (const vs::inference::Error& e) {
      QVERIFY(std::string(e.what()).find("not valid JSON") != std::string::npos);
    }
  }

  void generationConfig() {
    const GenerationConfig g = parseGenerationConfig(
        R"({"bos_token_id":151643,"pad_token_id":151643,"do_sample":true,"eos_token_id":[151645,151643],
            "repetition_penalty":1.05,"temperature":0.1,"top_p":0.001,"top_k":1,"transformers_version":"4.37.0"})",
        "generation_config.json");
    QVERIFY(g.present && g.do_sample && g.has_top_k && g.has_repetition_penalty);
    QCOMPARE(g.eos_token_ids, (std::vector<int64_t>{151645, 151643}));
    QCOMPARE(g.top_k, int64_t{1});
    QCOMPARE(g.repetition_penalty, 1.05);
    const GenerationConfig d = parseGenerationConfig(R"({"eos_token_id":7})", "g");
    QVERIFY(!d.has_top_k && !d.do_sample);
    QCOMPARE(d.top_k, int64_t{50});
    QCOMPARE(d.eos_token_ids, (std::vector<int64_t>{7}));
  }
};

QTEST_GUILESS_MAIN(TestConfigReader)
#include "test_config_reader.moc"
