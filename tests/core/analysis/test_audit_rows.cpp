// Loading rules of get_acc_corr.py _load_scores: re-parsing the last 150 characters of `output`
// when the *_score_model keys are missing (max(score, 1); no match gives 0s).
#include <QTest>

#include "audit_compare.h"
#include "core/analysis/audit_rows.h"
#include "core/domain/error.h"
#include "fixture.h"

using namespace vs;
using namespace vs::analysis;
using namespace vs::analysis::testing;

namespace {

std::vector<FeedbackItem> itemsOf(const QString& name, bool withModelKeys) {
  std::vector<FeedbackItem> items;
  for (const QJsonValue& v : loadFixture(name).array()) {
    const QJsonObject o = v.toObject();
    FeedbackItem item;
    item.videoName = o["video_name"].toString().toUtf8();
    item.scores.value = {o["v_score_gt"].toDouble(), o["t_score_gt"].toDouble(), o["p_score_gt"].toDouble()};
    item.modelOutput = o["output"].toString().toUtf8();
    if (withModelKeys) {
      item.modelState = ModelScoreState::Given;
      const char* keys[3] = {"v_score_model", "t_score_model", "p_score_model"};
      for (size_t d = 0; d < 3; ++d) {
        const QJsonValue s = o[QLatin1String(keys[d])];
        item.modelScores.value[d] = s.isNull() ? std::nullopt : std::optional<double>(s.toDouble());
      }
    } else {
      item.modelState = ModelScoreState::ReparsedFromOutput;
    }
    items.push_back(item);
  }
  return items;
}

}  // namespace

class TestAuditRows : public QObject {
  Q_OBJECT
 private slots:
  void reparsedFileMatchesReference() {
    const QJsonObject expected = loadFixture(QStringLiteral("expected_audit.json")).object();
    const auto rows = auditRowsFromPredictions(itemsOf(QStringLiteral("predictions_reparse.json"), false));
    QCOMPARE(rows.size(), size_t{24});
    QCOMPARE(*rows[0].predicted[0], 1.0);  // "visual quality: 0" -> max(0, 1)
    QCOMPARE(*rows[1].predicted[2], 0.0);  // no match -> 0
    QCOMPARE(*rows[2].predicted[0], 0.0);  // score lines before the last 150 characters
    compareAudit(auditScores(rows), expected["predictions_reparse.json"].toObject(),
                 QStringLiteral("reparse"));
  }
  void givenScoresUsedAsTheyAre() {
    const QJsonObject expected = loadFixture(QStringLiteral("expected_audit.json")).object();
    const auto rows = auditRowsFromPredictions(itemsOf(QStringLiteral("predictions_soft.json"), true));
    compareAudit(
        auditScores(rows),
        [&] {
          QJsonObject e = expected["predictions_soft.json"].toObject();
          for (const char* k : {"visual", "t2v", "phy"}) {
            QJsonObject d = e[QLatin1String(k)].toObject();
            d.remove(QStringLiteral("ci"));
            e[QLatin1String(k)] = d;
          }
          e.remove(QStringLiteral("whole_item_accuracy_ci"));
          return e;
        }(),
        QStringLiteral("soft given"));
  }
  void oneItemWithoutKeysReparsesAll() {
    auto items = itemsOf(QStringLiteral("predictions_int.json"), true);
    items[5].modelState = ModelScoreState::ReparsedFromOutput;
    items[0].modelScores.value[0] = std::nullopt;  // ignored: everything comes from the text now
    const auto rows = auditRowsFromPredictions(items);
    QVERIFY(rows[0].predicted[0].has_value());
  }
  void tailIsCountedInCharacters() {
    const QString lines = QStringLiteral(
        "visual quality: 4\ntext-to-video alignment: 3\n"
        "physical/common-sense consistency: 2");
    QVERIFY(reparseOutputTail(lines));
    // 150 characters of CJK text end the output: the lines fall outside the tail
    QVERIFY(!reparseOutputTail(lines + QString(150, QChar(0x601D))));
    // exactly 150 characters: all of it is in the tail
    const QString padded = lines + QString(150 - lines.size(), QChar(0x601D));
    QVERIFY(reparseOutputTail(padded));
    QVERIFY(!reparseOutputTail(QStringLiteral("nothing here")));
  }
  void missingReferenceIsInvalidData() {
    auto items = itemsOf(QStringLiteral("predictions_int.json"), true);
    items[3].scores.value[1] = std::nullopt;
    try {
      auditRowsFromPredictions(items, QStringLiteral("p.json"));
      QFAIL("expected an error");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), Error::Kind::InvalidData);
      QVERIFY(e.where().contains(QStringLiteral("item 4")));
    }
  }
};

QTEST_GUILESS_MAIN(TestAuditRows)
#include "test_audit_rows.moc"
