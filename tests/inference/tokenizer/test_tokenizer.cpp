// Tokenizer: the published Qwen2 ids, added-token handling, decode options, and tokenizer.json
// variants (merges as strings or pairs) and damage.
#include <QTest>
#include <atomic>
#include <thread>
#include <nlohmann/json.hpp>

#include "inference/base/error.h"
#include "tests/inference/tokenizer/tokenizer_fixture.h"

using vs::tokenizer::SpecialTokens;
using vs::tokenizer::Tokenizer;
using json = nlohmann::json;
using Ids = std::vector<int32_t>;

class TestTokenizer : public QObject {
  Q_OBJECT

 private:
  static QString refusal(const json& j) {
    try {
      Tokenizer::fromJson(j.dump(), "tokenizer.json");
    } catch (const vs::inference::Error& e) {
      return QString::fromStdString(e.what());
    }
    return "accepted";
  }
  // A small byte-level tokenizer.json: every byte, a few merges, two added tokens.
  static json tinyJson() {
    json vocab = json::object();
    int id = 0;
    int next = 256;
    for (int b = 0; b < 256; ++b) {
      std::string s;
      const bool printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
      const int cp = printable ? b : next++;
      if (cp < 0x80) {
        s.push_back(static_cast<char>(cp));
      } else {
        s.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      }
      vocab[s] = id++;
    }
    vocab["ab"] = id++;
    vocab["abc"] = id++;
    vocab
        ["\xC4\xA0"
         "ab"] = id++;  // "Ġab"
    json j = json::parse(qwenPipeline());
    j["model"]["vocab"] = vocab;
    j["model"]["merges"] =
        json::array({json::array({"a", "b"}), json::array({"ab", "c"}), json::array({"\xC4\xA0", "ab"})});
    j["added_tokens"] = json::array({{{"id", 1000}, {"content", "<|x|>"}, {"special", true}},
                                     {{"id", 1001}, {"content", "<|x|>y"}, {"special", false}}});
    return j;
  }
  // The real file's normalizer / pre-tokenizer / decoder sections, without vocabulary.
  static const std::string& qwenPipeline() {
    static const std::string text = [] {
      json full = json::parse(vs::test::qwenTokenizerJson());
      full["model"]["vocab"] = json::object();
      full["model"]["merges"] = json::array();
      full["added_tokens"] = json::array();
      return full.dump();
    }();
    return text;
  }

 private slots:
  void publishedIds() {
    const auto& t = vs::test::qwenTokenizer();
    // tokenization_qwen2.py docstring.
    QCOMPARE(t.encode("Hello world"), (Ids{9707, 1879}));
    QCOMPARE(t.encode(" Hello world"), (Ids{21927, 1879}));
    // qwen25vl.md §1: "\n"=198, " "=220, digits 15..24, role names.
    QCOMPARE(t.encode("\n"), (Ids{198}));
    QCOMPARE(t.encode(" "), (Ids{220}));
    QCOMPARE(t.encode("0123456789"), (Ids{15, 16, 17, 18, 19, 20, 21, 22, 23, 24}));
    QCOMPARE(t.encode("system"), (Ids{8948}));
    QCOMPARE(t.encode("assistant"), (Ids{77091}));
    QCOMPARE(t.encode(""), Ids{});
  }

  void sizesAndSpecialTokens() {
    const auto& t = vs::test::qwenTokenizer();
    QCOMPARE(t.size(), size_t{151665});
    QCOMPARE(t.model().mergeCount(), size_t{151387});
    QCOMPARE(t.tokenToId("<|video_pad|>").value(), 151656);
    QCOMPARE(t.tokenToId("Ġworld").value(), 1879);
    QVERIFY(!t.tokenToId("no such token").has_value());
    QCOMPARE(t.idToToken(1879).value(), std::string("Ġworld"));
    QCOMPARE(t.idToToken(151645).value(), std::string("<|im_end|>"));
    QVERIFY(!t.idToToken(151700).has_value());
    QVERIFY(t.isSpecial(151643) && t.isSpecial(151656));
    QVERIFY(!t.isSpecial(151657) && !t.isSpecial(9707));  // <tool_call> is added but not special
  }

  void addedTokensSplitFirst() {
    const auto& t = vs::test::qwenTokenizer();
    QCOMPARE(t.encode("<|im_start|>user\n"), (Ids{151644, 872, 198}));
    QCOMPARE(t.encode("a<|im_end|>"), (Ids{64, 151645}));
    QCOMPARE(t.encode("<tool_call>"), (Ids{151657}));
  }

  void decodeSkipsOnlySpecialTokens() {
    const auto& t = vs::test::qwenTokenizer();
    const Ids ids{151644, 9707, 151657, 1879, 151645};
    QCOMPARE(t.decode(ids), std::string("<|im_start|>Hello<tool_call> world<|im_end|>"));
    QCOMPARE(t.decode(ids, SpecialTokens::Skip), std::string("Hello<tool_call> world"));
  }

  void decodeReplacesInvalidUtf8() {
    const auto& t = vs::test::qwenTokenizer();
    // "漢" = E6 BC A2: its byte tokens one by one, cut after two bytes.
    const Ids han = t.encode("漢");
    QCOMPARE(t.decode(han), std::string("漢"));
    const Ids e6 = {*t.tokenToId("æ")};  // byte 0xE6 is shown as U+00E6
    QCOMPARE(t.decode(e6), std::string("\xEF\xBF\xBD"));
    QCOMPARE(t.decode({9707, 151700, 1879}), std::string("Hello world"));  // unknown id skipped
  }

  void longInputsUseTheCacheConsistently() {
    const auto& t = vs::test::qwenTokenizer();
    const Ids once = t.encode("repeated words repeated words");
    QCOMPARE(t.encode("repeated words repeated words"), once);
    std::string big;
    for (int i = 0; i < 2000; ++i) {
      big += "Hello world ";
    }
    QCOMPARE(t.encode(big).size(), size_t{4001});  // the final " " is its own piece
    const std::string long_word(5000, 'a');        // longer than the cache's piece limit
    QCOMPARE(t.decode(t.encode(long_word)), long_word);
  }

  void concurrentEncodesAgree() {
    // The BPE cache is shared between threads; results must not depend on interleaving.
    const auto& t = vs::test::qwenTokenizer();
    std::vector<std::string> texts;
    for (int i = 0; i < 200; ++i) {
      texts.push_back("thread text " + std::to_string(i * 7919) + " 漢字 emoji🙂 words" +
                      std::string(i % 5, ' '));
    }
    std::vector<Ids> expected;
    for (const std::string& s : texts) {
      expected.push_back(t.encode(s));
    }
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int k = 0; k < 4; ++k) {
      threads.emplace_back([&, k] {
        for (int round = 0; round < 5; ++round) {
          for (std::size_t i = static_cast<std::size_t>(k); i < texts.size();
               i += 1 + static_cast<std::size_t>(k)) {
            if (t.encode(texts[i]) != expected[i]) {
              ++mismatches;
            }
          }
        }
      });
    }
    for (std::thread& th : threads) {
      th.join();
    }
    QCOMPARE(mismatches.load(), 0);
  }

  void mergesAsStringsOrPairs() {
    json pairs = tinyJson();
    json strings = pairs;
    strings["model"]["merges"] = json::array({"a b", "ab c", "\xC4\xA0 ab"});
    const auto a = Tokenizer::fromJson(pairs.dump(), "pairs");
    const auto b = Tokenizer::fromJson(strings.dump(), "strings");
    QCOMPARE(a->encode("abc ab"), (Ids{257, 258}));
    QCOMPARE(b->encode("abc ab"), a->encode("abc ab"));
    // Leftmost-longest added token: "<|x|>y" wins over "<|x|>".
    QCOMPARE(a->encode("<|x|>y<|x|>"), (Ids{1001, 1000}));
    QCOMPARE(a->decode({1001, 1000}, SpecialTokens::Skip), std::string("<|x|>y"));
  }

  void refusesUnsupportedOrDamagedFiles() {
    json j = tinyJson();
    j["model"]["merges"].push_back(json::array({"q", "zz"}));
    QVERIFY2(refusal(j).contains("model: merge 3 refers to a token outside the vocabulary"),
             qPrintable(refusal(j)));
    json r = tinyJson();
    r["pre_tokenizer"]["pretokenizers"][0]["pattern"]["Regex"] = "\\s+";
    QVERIFY(refusal(r).contains("pre_tokenizer.pretokenizers[0]: unsupported"));
    json n = tinyJson();
    n["normalizer"] = {{"type", "NFKC"}};
    QVERIFY(refusal(n).contains("normalizer"));
    json m = tinyJson();
    m["model"]["type"] = "WordPiece";
    QVERIFY(refusal(m).contains("model.type"));
    json v = tinyJson();
    v["model"]["vocab"]["\xE2\x82\xAC"] = 5000;  // "€" is not in the byte-level alphabet
    QVERIFY(refusal(v).contains("byte-level alphabet"));
    json a = tinyJson();
    a["added_tokens"][0]["lstrip"] = true;
    QVERIFY(refusal(a).contains("added_tokens[0]"));
    json s = tinyJson();
    s["model"]["merges"][0] = "ab";
    QVERIFY(refusal(s).contains("model.merges[0]"));
    try {
      Tokenizer::fromJson("{", "tokenizer.json");
      QFAIL("accepted");
    } catch (const vs::inference::Error& e) {
      QCOMPARE(e.kind(), vs::inference::Error::Kind::InvalidData);
    }
    try {
      Tokenizer::fromFile("/nonexistent/tokenizer.json");
      QFAIL("accepted");
    } catch (const vs::inference::Error& e) {
      QCOMPARE(e.kind(), vs::inference::Error::Kind::Io);
    }
  }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
