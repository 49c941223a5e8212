// core/interop/json_text.cpp: the strict JSON reader and JSON string literals.
#include <QtTest>

#include "core/json/json_text.h"

using namespace vs::json;

namespace {

QByteArray readString(const QByteArray& text) {
  Reader r(text.constData(), text.constData() + text.size());
  QByteArray out;
  r.readString(&out);
  return out;
}

QByteArray capture(const QByteArray& text) {
  Reader r(text.constData(), text.constData() + text.size());
  QByteArray out;
  r.captureValue(&out);
  if (!r.atEnd())
    r.fail("trailing text");
  return out;
}

bool rejects(const QByteArray& text) {
  try {
    capture(text);
  } catch (const SyntaxError& e) {
    // One core error type: bad JSON is invalid data, at a byte offset.
    return e.kind() == vs::Error::Kind::InvalidData && e.where() == QStringLiteral("byte %1").arg(e.offset);
  }
  return false;
}

}  // namespace

class TestJsonText : public QObject {
  Q_OBJECT
 private slots:
  void unescapesStrings() {
    QCOMPARE(readString("\"a\\\"b\\\\c\\/d\\n\\r\\t\\b\\f\""), QByteArray("a\"b\\c/d\n\r\t\b\f"));
    QCOMPARE(readString("\"\\u00e9\\u4e2d\""), QByteArray("\xC3\xA9\xE4\xB8\xAD"));
    QCOMPARE(readString("\"\\ud83d\\ude00\""), QByteArray("\xF0\x9F\x98\x80"));  // surrogate pair
    QCOMPARE(readString("\"\xF0\x9F\x98\x80 \xD7\xA9\""), QByteArray("\xF0\x9F\x98\x80 \xD7\xA9"));
  }

  void rejectsBadStrings_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("lone high surrogate") << QByteArray("\"\\ud83d\"");
    QTest::newRow("lone low surrogate") << QByteArray("\"\\ude00\"");
    QTest::newRow("raw control char") << QByteArray("\"a\x01\"");
    QTest::newRow("raw newline") << QByteArray("\"a\nb\"");
    QTest::newRow("bad escape") << QByteArray("\"\\x41\"");
    QTest::newRow("short unicode escape") << QByteArray("\"\\u12\"");
    QTest::newRow("unterminated") << QByteArray("\"abc");
    QTest::newRow("overlong utf-8") << QByteArray("\"\xC0\x80\"");
    QTest::newRow("utf-8 surrogate") << QByteArray("\"\xED\xA0\x80\"");
    QTest::newRow("utf-8 above U+10FFFF") << QByteArray("\"\xF5\x80\x80\x80\"");
    QTest::newRow("truncated utf-8") << QByteArray("\"\xE4\xB8\"");
    QTest::newRow("lone continuation") << QByteArray("\"\x80\"");
  }
  void rejectsBadStrings() {
    QFETCH(QByteArray, text);
    QVERIFY(rejects(text));
  }

  void rejectsBadValues_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("leading zero") << QByteArray("01");
    QTest::newRow("bare dot") << QByteArray("1.");
    QTest::newRow("bare exponent") << QByteArray("1e");
    QTest::newRow("plus sign") << QByteArray("+1");
    QTest::newRow("huge") << QByteArray("1e400");
    QTest::newRow("NaN") << QByteArray("NaN");
    QTest::newRow("trailing comma array") << QByteArray("[1,]");
    QTest::newRow("trailing comma object") << QByteArray("{\"a\":1,}");
    QTest::newRow("single quotes") << QByteArray("'a'");
    QTest::newRow("unquoted key") << QByteArray("{a:1}");
    QTest::newRow("truncated literal") << QByteArray("tru");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("deep nesting") << QByteArray(1000, '[');
  }
  void rejectsBadValues() {
    QFETCH(QByteArray, text);
    QVERIFY(rejects(text));
  }

  void capturesCompactInOrder() {
    QCOMPARE(
        capture(
            " { \"z\" : [ 1 , 2.50, -0 , 1E+2 ] ,\n \"a\" : { } , \"m\":\"\\/\\u0041\" , \"n\" : null } "),
        QByteArray("{\"z\":[1,2.50,-0,1E+2],\"a\":{},\"m\":\"/A\",\"n\":null}"));
  }

  void numbers() {
    const QByteArray text = "-12.5e-1";
    Reader r(text.constData(), text.constData() + text.size());
    bool integer = true;
    QCOMPARE(r.readNumber(&integer), -1.25);
    QVERIFY(!integer);
  }

  void writesStringsLikePython() {
    std::string out;
    appendString(out, QByteArray("q\"b\\n\n\x01\x7f\xC3\xA9\xF0\x9F\x98\x80/"));
    // json.dumps(..., ensure_ascii=False): \u0001 escaped, DEL and non-ASCII kept, "/" kept.
    QCOMPARE(QByteArray::fromStdString(out),
             QByteArray("\"q\\\"b\\\\n\\n\\u0001\x7f\xC3\xA9\xF0\x9F\x98\x80/\""));
  }

  void linesAndUtf8() {
    const QByteArray text = "a\nb\nc";
    QCOMPARE(lineOfOffset(text.constData(), 0), 1);
    QCOMPARE(lineOfOffset(text.constData(), 2), 2);
    QCOMPARE(lineOfOffset(text.constData(), 4), 3);
    size_t bad = 0;
    QVERIFY(isValidUtf8("ok \xE4\xB8\xAD", 6, &bad));
    QVERIFY(!isValidUtf8("ok \xE4\xB8", 5, &bad));
    QCOMPARE(bad, size_t(3));
  }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "test_json_text.moc"
