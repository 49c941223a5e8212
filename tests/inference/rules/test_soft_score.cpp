#include <QJsonArray>
#include <QtTest>

#include "inference/rules/soft_score.h"
#include "reference_fixture.h"

using namespace vs::videoscore2;

class TestSoftScore : public QObject {
  Q_OBJECT
 private slots:
  // Log-probabilities from torch.log_softmax over hand-made logits (ties, all digits masked to
  // -inf, one digit only, uniform), soft scores from the reference arithmetic.
  void arithmeticMatchesReference() {
    const QJsonArray cases = videoscore2Reference().value("soft").toArray();
    QVERIFY(cases.size() >= 12);
    for (const QJsonValue& c : cases) {
      std::array<float, 5> log_probs{};
      for (int s = 0; s < 5; ++s) {
        const QJsonValue v = c["log_probs"][s];
        // make_reference.py writes a digit masked to -inf as null.
        log_probs[static_cast<size_t>(s)] =
            v.isDouble() ? static_cast<float>(v.toDouble()) : -std::numeric_limits<float>::infinity();
      }
      const auto soft = softScoreFromLogProbs(true, 0, log_probs);
      QVERIFY(soft.has_value());
      QCOMPARE(*soft, c["soft"].toDouble());
    }
  }

  void absentHardScoreOrStepGivesNull() {
    const std::array<float, 5> lp{-1, -2, -3, -4, -5};
    QVERIFY(!softScoreFromLogProbs(false, 3, lp).has_value());
    QVERIFY(!softScoreFromLogProbs(true, -1, lp).has_value());
  }

  void pythonRoundIsCorrectlyRounded() {
    QCOMPARE(pythonRound(2.675, 2), 2.67);      // 2.675 is 2.67499999... in binary
    QCOMPARE(pythonRound(0.00005, 4), 0.0001);  // 5.0000000000000002e-05
    QCOMPARE(pythonRound(0.125, 2), 0.12);      // exact tie: to even
    QCOMPARE(pythonRound(4.99996, 4), 5.0);
  }

  void stepOfFirstLabelLikeReference() {
    const QJsonArray cases = videoscore2Reference().value("locate").toArray();
    QVERIFY(cases.size() >= 6);
    const char* labels[3] = {
        "visual quality:", "text-to-video alignment:", "physical/common-sense consistency:"};
    for (const QJsonValue& c : cases) {
      GeneratedTokens tokens;
      int id = 0;
      for (const QJsonValue& hex : c["pieces_hex"].toArray()) {
        const QByteArray bytes = QByteArray::fromHex(hex.toString().toLatin1());
        tokens.push(id++, bytes.toStdString(), bytes.startsWith("<|"));
      }
      for (int d = 0; d < 3; ++d) {
        QCOMPARE(findScoreTokenIndex(labels[d], tokens), c["steps"][d].toInt());
      }
    }
  }
};

QTEST_APPLESS_MAIN(TestSoftScore)
#include "test_soft_score.moc"
