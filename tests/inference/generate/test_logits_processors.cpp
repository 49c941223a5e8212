// The HF logits-processor chain against the reference script's outputs on hand-made logits
// (a tie, negative scores, repeated ids) for six configurations.
#include <QtTest>

#include <cmath>

#include "tests/inference/generate/processor_probe.h"
#include "tests/inference/qwen25vl/golden_vectors.h"

using vs::generate::Decoding;
using vs::generate::GenerationConfig;

class TestLogitsProcessors : public QObject {
  Q_OBJECT

 private:
  static GenerationConfig fromJson(const nlohmann::json& j) {
    GenerationConfig c;  // class defaults (top_k 50, ...), as transformers' GenerationConfig
    c.decoding = j.value("do_sample", false) ? Decoding::kSample : Decoding::kGreedy;
    c.temperature = j.value("temperature", 1.0);
    c.top_k = j.value("top_k", int64_t{50});
    c.top_p = j.value("top_p", 1.0);
    c.repetition_penalty = j.value("repetition_penalty", 1.0);
    if (j.contains("min_p")) {
      c.min_p = j["min_p"].get<double>();
    }
    return c;
  }

 private slots:
  void chainMatchesReference_data() {
    QTest::addColumn<QString>("chain");
    const vs::test::GoldenVectors golden;
    for (const auto& [name, cfg] : golden.meta()["processor_chains"].items()) {
      QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }
  }

  void chainMatchesReference() {
    QFETCH(QString, chain);
    const vs::test::GoldenVectors golden;
    const auto config = fromJson(golden.meta()["processor_chains"][chain.toStdString()]);
    const auto out = vs::test::runChain(config, golden.ints("processors.input_ids"),
                                        golden.floats("processors.input_scores"));
    const auto expected = golden.floats("processors." + chain.toStdString());
    QCOMPARE(out.size(), expected.size());
    int masked = 0;
    for (size_t i = 0; i < out.size(); ++i) {
      QCOMPARE(std::isinf(out[i]), std::isinf(expected[i]));
      masked += std::isinf(expected[i]) ? 1 : 0;
      if (!std::isinf(expected[i])) {
        QVERIFY2(std::abs(out[i] - expected[i]) <= 1e-6f, qPrintable(QStringLiteral("index %1").arg(i)));
      }
    }
    // Every sampling chain here masks something; the penalty-only chains mask nothing.
    QCOMPARE(masked > 0, config.decoding == Decoding::kSample);
  }
};

QTEST_GUILESS_MAIN(TestLogitsProcessors)
#include "test_logits_processors.moc"
