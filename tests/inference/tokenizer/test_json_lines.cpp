// The tokenizer's JSON Lines filter, line by line, on the tiny checkpoint's tokenizer.json: the
// output lines parsed back with Qt's JSON reader and compared with the tokenizer's own encode and
// the vocabulary of tokenizer.json; malformed lines refused with the filter's messages.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <sstream>

#include "inference/base/error.h"
#include "inference/tokenizer/json_lines.h"

using namespace vs::tokenizer;

class TestJsonLines : public QObject {
  Q_OBJECT

  std::unique_ptr<Tokenizer> tok_ = Tokenizer::fromFile(VS_TEST_DATA_DIR "/qwen25vl/tiny/tokenizer.json");

  static int vocabId(const QString& token) {
    QFile f(QStringLiteral(VS_TEST_DATA_DIR "/qwen25vl/tiny/tokenizer.json"));
    return f.open(QIODevice::ReadOnly)
               ? QJsonDocument::fromJson(f.readAll())["model"]["vocab"][token].toInt(-1)
               : -1;
  }

 private slots:
  void encodesAStringLine() {
    std::string error;
    const auto out = transformLine(*tok_, "\"a the\"\r", LineMode::Encode, SpecialTokens::Keep, error);
    QVERIFY(out.has_value());
    const QJsonArray ids =
        QJsonDocument::fromJson(QByteArray::fromStdString("{\"v\":" + *out + "}"))["v"].toArray();
    QCOMPARE(ids.size(), 2);
    QCOMPARE(ids[0].toInt(), vocabId("a"));
    QCOMPARE(ids[1].toInt(), vocabId("\u0120the"));
  }

  void decodesAnIdLine() {
    std::string error;
    const std::string line =
        "[" + std::to_string(vocabId("a")) + "," + std::to_string(vocabId("\u0120the")) + "]";
    const auto out = transformLine(*tok_, line, LineMode::Decode, SpecialTokens::Skip, error);
    QVERIFY(out.has_value());
    QCOMPARE(*out, std::string("\"a the\""));
  }

  void refusesMalformedLines_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("decode");
    QTest::addColumn<QString>("error");
    QTest::newRow("not json") << "\"open" << false << "not a JSON value";
    QTest::newRow("number to encode") << "42" << false << "expected a JSON string";
    QTest::newRow("string to decode") << "\"a\"" << true << "expected a JSON array of token ids";
    QTest::newRow("negative id") << "[1,-2]" << true << "expected a JSON array of token ids";
    QTest::newRow("too large id") << "[4294967296]" << true << "expected a JSON array of token ids";
    QTest::newRow("fraction") << "[1.5]" << true << "expected a JSON array of token ids";
  }

  void refusesMalformedLines() {
    QFETCH(QString, line);
    QFETCH(bool, decode);
    QFETCH(QString, error);
    std::string why;
    QVERIFY(!transformLine(*tok_, line.toStdString(), decode ? LineMode::Decode : LineMode::Encode,
                           SpecialTokens::Keep, why));
    QCOMPARE(QString::fromStdString(why), error);
  }

  void filtersAStreamUpToTheFirstBadLine() {
    std::istringstream in("\"a\"\n\"a\"\r\n42\n\"never read\"\n");
    std::ostringstream out;
    try {
      transformLines(*tok_, in, out, LineMode::Encode, SpecialTokens::Keep);
      QFAIL("a number was encoded");
    } catch (const vs::inference::Error& e) {
      QCOMPARE(e.kind(), vs::inference::Error::Kind::InvalidData);
      QCOMPARE(QString::fromStdString(e.what()), QStringLiteral("<stdin>:3: expected a JSON string"));
    }
    QCOMPARE(QString::fromStdString(out.str()), QStringLiteral("[%1]\n[%1]\n").arg(vocabId("a")));
  }

  void filtersAWholeStream() {
    std::istringstream in("[" + std::to_string(vocabId("a")) + "]\n[]\n");
    std::ostringstream out;
    transformLines(*tok_, in, out, LineMode::Decode, SpecialTokens::Skip, "ids.jsonl");
    QCOMPARE(out.str(), std::string("\"a\"\n\"\"\n"));
  }
};

QTEST_GUILESS_MAIN(TestJsonLines)
#include "test_json_lines.moc"
