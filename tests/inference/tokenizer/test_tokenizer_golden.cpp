// Id-for-id parity with the reference tokenizer (@huggingface/tokenizers, fixtures made by
// tests/data/tokenizer/make_golden.mjs) on a corpus of hard text, and decode parity.
#include <QFile>
#include <QTest>
#include <nlohmann/json.hpp>

#include "tests/inference/tokenizer/tokenizer_fixture.h"

using vs::tokenizer::SpecialTokens;
using json = nlohmann::json;

namespace {

std::vector<json> readJsonLines(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    qFatal("cannot open %s", qPrintable(path));
  }
  std::vector<json> out;
  while (!f.atEnd()) {
    const QByteArray line = f.readLine().trimmed();
    if (!line.isEmpty()) {
      out.push_back(json::parse(line.toStdString()));
    }
  }
  return out;
}

QString show(const std::vector<int32_t>& ids) {
  QStringList s;
  for (int32_t id : ids) {
    s << QString::number(id);
  }
  return "[" + s.join(",") + "]";
}

}  // namespace

class TestTokenizerGolden : public QObject {
  Q_OBJECT

 private slots:
  void encodeMatchesReference() {
    const auto cases = readJsonLines(VS_TEST_DATA_DIR "/tokenizer/golden_encode.jsonl");
    QVERIFY(cases.size() > 600);
    const auto& tok = vs::test::qwenTokenizer();
    int failures = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const std::string text = cases[i]["text"].get<std::string>();
      const std::vector<int32_t> expected = cases[i]["ids"].get<std::vector<int32_t>>();
      const std::vector<int32_t> got = tok.encode(text);
      if (got != expected && ++failures <= 10) {
        qWarning("case %zu %s\n  expected %s\n  got      %s", i, json(text).dump().c_str(),
                 qPrintable(show(expected)), qPrintable(show(got)));
      }
    }
    QCOMPARE(failures, 0);
  }

  void decodeMatchesReference() {
    const auto cases = readJsonLines(VS_TEST_DATA_DIR "/tokenizer/golden_decode.jsonl");
    QVERIFY(cases.size() > 250);
    const auto& tok = vs::test::qwenTokenizer();
    int failures = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const std::vector<int32_t> ids = cases[i]["ids"].get<std::vector<int32_t>>();
      const std::string keep = tok.decode(ids, SpecialTokens::Keep);
      const std::string skip = tok.decode(ids, SpecialTokens::Skip);
      if ((keep != cases[i]["keep"].get<std::string>() || skip != cases[i]["skip"].get<std::string>()) &&
          ++failures <= 10) {
        qWarning("decode case %zu %s: got %s / %s", i, qPrintable(show(ids)), json(keep).dump().c_str(),
                 json(skip).dump().c_str());
      }
    }
    QCOMPARE(failures, 0);
  }

  void roundTripsToNfcText() {
    // decode(encode(s)) gives back s for text that is already NFC and valid UTF-8.
    const auto cases = readJsonLines(VS_TEST_DATA_DIR "/tokenizer/golden_encode.jsonl");
    const auto& tok = vs::test::qwenTokenizer();
    int checked = 0;
    for (const json& c : cases) {
      const std::string text = c["text"].get<std::string>();
      const QString q = QString::fromStdString(text);
      if (q.normalized(QString::NormalizationForm_C) != q) {
        continue;
      }
      QCOMPARE(tok.decode(tok.encode(text)), text);
      ++checked;
    }
    QVERIFY(checked > 500);
  }
};

QTEST_GUILESS_MAIN(TestTokenizerGolden)
#include "test_tokenizer_golden.moc"
