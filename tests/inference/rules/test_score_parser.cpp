#include <QJsonArray>
#include <QtTest>

#include "inference/rules/score_parser.h"
#include "reference_fixture.h"

using vs::videoscore2::parseHardScores;

class TestScoreParser : public QObject {
  Q_OBJECT
 private slots:
  // Texts shaped like real outputs (labels inside the reasoning, extra spaces, a missing
  // dimension, numbers > 5, other cases, Unicode spaces and digits), parsed by Python's re.
  void matchesPythonRegex() {
    const QJsonArray cases = videoscore2Reference().value("parse").toArray();
    QVERIFY(cases.size() >= 10);
    for (const QJsonValue& c : cases) {
      const QString text = c["text"].toString();
      const auto got = parseHardScores(text.toStdString());
      const QJsonValue want = c["scores"];
      if (want.isNull()) {
        QVERIFY2(!got.parsed, qPrintable(text));
        QVERIFY(!got.value[0] && !got.value[1] && !got.value[2]);
        continue;
      }
      QVERIFY2(got.parsed, qPrintable(text));
      for (int d = 0; d < 3; ++d) {
        QCOMPARE(static_cast<double>(*got.value[static_cast<size_t>(d)]), want[d].toDouble());
      }
    }
  }

  void invalidUtf8IsReplacedNotFatal() {
    const auto got = parseHardScores(
        "\xff\xfevisual quality: 2; text-to-video alignment: 3, physical/common-sense consistency: 4");
    QVERIFY(got.parsed);
    QCOMPARE(*got.value[2], int64_t{4});
  }
};

QTEST_APPLESS_MAIN(TestScoreParser)
#include "test_score_parser.moc"
