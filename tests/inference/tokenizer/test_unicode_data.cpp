// The generated Unicode tables: regex classes and NFC on hand-checked examples (values from the
// Unicode Character Database).
#include <QTest>

#include "inference/tokenizer/unicode_data.h"
#include "inference/tokenizer/utf8.h"

using namespace vs::tokenizer;

namespace {
std::u32string nfc(std::u32string s) {
  std::vector<char32_t> v(s.begin(), s.end());
  nfcInPlace(v);
  return std::u32string(v.begin(), v.end());
}
}  // namespace

class TestUnicodeData : public QObject {
  Q_OBJECT

 private slots:
  void classes() {
    QCOMPARE(charFlags(U'a') & kLetter, int{kLetter});
    QCOMPARE(charFlags(U'\u6f22') & kLetter, int{kLetter});  // 漢 Lo
    QCOMPARE(charFlags(U'\u01c5') & kLetter, int{kLetter});  // ǅ Lt
    QCOMPARE(charFlags(U'\u02b0') & kLetter, int{kLetter});  // ʰ Lm
    QCOMPARE(charFlags(U'\u0301') & kLetter, 0);             // combining acute is Mn
    QCOMPARE(charFlags(U'7') & kNumber, int{kNumber});
    QCOMPARE(charFlags(U'\u0663') & kNumber, int{kNumber});  // Arabic-Indic three, Nd
    QCOMPARE(charFlags(U'\u2167') & kNumber, int{kNumber});  // Roman numeral eight, Nl
    QCOMPARE(charFlags(U'\u00bd') & kNumber, int{kNumber});  // ½ No
    for (char32_t s : {U'\t', U'\n', U'\v', U'\f', U'\r', U' ', U'\u0085', U'\u00a0', U'\u1680', U'\u2000',
                       U'\u200a', U'\u2028', U'\u2029', U'\u202f', U'\u205f', U'\u3000'}) {
      QVERIFY2((charFlags(s) & kSpace) != 0, qPrintable(QString::number(s, 16)));
    }
    for (char32_t s : {U'\u200b', U'\ufeff', U'\u001c', U'x', U'\u180e'}) {
      QVERIFY2((charFlags(s) & kSpace) == 0, qPrintable(QString::number(s, 16)));
    }
    QCOMPARE(charFlags(0x110000), 0);
    QCOMPARE(charFlags(0xD800), 0);
  }

  void combiningClasses() {
    QCOMPARE(combiningClass(U'\u0301'), 230);
    QCOMPARE(combiningClass(U'\u0323'), 220);
    QCOMPARE(combiningClass(U'\u093c'), 7);
    QCOMPARE(combiningClass(U'a'), 0);
  }

  void nfc() {
    QCOMPARE(::nfc(U"e\u0301"), std::u32string(U"\u00e9"));
    QCOMPARE(::nfc(U"\u212b"), std::u32string(U"\u00c5"));               // Angstrom sign (singleton)
    QCOMPARE(::nfc(U"\u2126"), std::u32string(U"\u03a9"));               // Ohm sign
    QCOMPARE(::nfc(U"a\u0307\u0323"), std::u32string(U"\u1ea1\u0307"));  // reorder then compose ạ
    QCOMPARE(::nfc(U"\u1100\u1161\u11a8"), std::u32string(U"\uac01"));   // jamo L V T -> 각
    QCOMPARE(::nfc(U"\uac00\u11a8"), std::u32string(U"\uac01"));
    QCOMPARE(::nfc(U"\u0958"), std::u32string(U"\u0915\u093c"));        // composition exclusion
    QCOMPARE(::nfc(U"\u0301a"), std::u32string(U"\u0301a"));            // leading non-starter
    QCOMPARE(::nfc(U"\u1e9b\u0323"), std::u32string(U"\u1e9b\u0323"));  // UAX15 example
    QCOMPARE(::nfc(U"plain ascii"), std::u32string(U"plain ascii"));
  }

  void utf8() {
    QCOMPARE(utf8Lossy("a\xE6\xBC"), std::string("a\xEF\xBF\xBD"));            // truncated: one U+FFFD
    QCOMPARE(utf8Lossy("\xC0\x80"), std::string("\xEF\xBF\xBD\xEF\xBF\xBD"));  // overlong: two
    QCOMPARE(utf8Lossy("\xED\xA0\x80"), std::string("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"));  // surrogate
    QCOMPARE(utf8Lossy("\xF0\x9F\x99"), std::string("\xEF\xBF\xBD"));
    QCOMPARE(utf8Lossy("\xFF"
                       "A"),
             std::string("\xEF\xBF\xBD"
                         "A"));
    QCOMPARE(utf8Lossy("\xEF\xBF\xBD"), std::string("\xEF\xBF\xBD"));
    QVERIFY(isValidUtf8("\xEF\xBF\xBD"));
    QVERIFY(!isValidUtf8("\xE6\xBC"));
  }
};

QTEST_GUILESS_MAIN(TestUnicodeData)
#include "test_unicode_data.moc"
