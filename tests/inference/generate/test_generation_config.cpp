// generation_config.json merged under call settings (GenerationMixin._prepare_generation_config).
#include <QtTest>

#include "inference/generate/generation.h"
#include "inference/generate/generation_config.h"

using vs::generate::Decoding;
using vs::generate::GenerationOverrides;
using vs::generate::resolveGenerationConfig;

class TestGenerationConfig : public QObject {
  Q_OBJECT

 private slots:
  // Qwen2.5-VL-Instruct's file: passing only a temperature keeps top_k 1 / top_p 0.001 / 1.05.
  void fileSettingsSurviveACallTemperature() {
    vs::checkpoint::GenerationConfig file;
    file.present = true;
    file.do_sample = true;
    file.temperature = 0.1;
    file.top_k = 1;
    file.top_p = 0.001;
    file.repetition_penalty = 1.05;
    file.eos_token_ids = {151645, 151643};
    GenerationOverrides call;
    call.temperature = 0.7;
    const auto c = resolveGenerationConfig(file, call, 151645);
    QCOMPARE(c.decoding, Decoding::kSample);
    QCOMPARE(c.temperature, 0.7);
    QCOMPARE(c.top_k, int64_t{1});
    QCOMPARE(c.top_p, 0.001);
    QCOMPARE(c.repetition_penalty, 1.05);
    QCOMPARE(c.eos_token_ids, (std::vector<int64_t>{151645, 151643}));
  }

  void absentFileGivesClassDefaultsAndModelEos() {
    const auto c = resolveGenerationConfig(vs::checkpoint::GenerationConfig{}, {}, 7);
    QCOMPARE(c.decoding, Decoding::kGreedy);
    QCOMPARE(c.top_k, int64_t{50});
    QCOMPARE(c.top_p, 1.0);
    QCOMPARE(c.temperature, 1.0);
    QCOMPARE(c.eos_token_ids, std::vector<int64_t>{7});
  }

  void callOverridesEverything() {
    vs::checkpoint::GenerationConfig file;
    file.do_sample = true;
    GenerationOverrides call;
    call.decoding = Decoding::kGreedy;
    call.max_new_tokens = 3;
    call.eos_token_ids = std::vector<int64_t>{};
    call.seed = 9;
    const auto c = resolveGenerationConfig(file, call, 7);
    QCOMPARE(c.decoding, Decoding::kGreedy);
    QCOMPARE(c.max_new_tokens, int64_t{3});
    QVERIFY(c.eos_token_ids.empty());
    QCOMPARE(c.seed, uint64_t{9});
  }

  void rejectsOutOfRangeValues() {
    GenerationOverrides call;
    call.temperature = 0.0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, resolveGenerationConfig({}, call, 7));
    call = {};
    call.min_p = 1.5;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, resolveGenerationConfig({}, call, 7));
    call = {};
    call.max_new_tokens = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, resolveGenerationConfig({}, call, 7));
  }

  void stopReasonsHaveNames() {
    QCOMPARE(QString(vs::generate::stopReasonName(vs::generate::StopReason::kCancelled)),
             QString("cancelled"));
    QCOMPARE(QString(vs::generate::stopReasonName(vs::generate::StopReason::kEos)), QString("eos"));
  }
};

QTEST_GUILESS_MAIN(TestGenerationConfig)
#include "test_generation_config.moc"
