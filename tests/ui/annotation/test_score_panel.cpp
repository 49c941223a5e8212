// ScorePanel as a view: the score keys report the current dimension and move on; typed text
// goes out once, after the pause or when the item changes (under the item it was typed for);
// a refresh of the same item never overwrites text that is still being typed.
#include <QtTest>

#include <QPlainTextEdit>
#include <QSignalSpy>

#include "ui/annotation/score_panel.h"

using namespace vs;
using namespace vs::ui;

namespace {

ScorePanelData item(qint64 id, const QString& visualRationale = {}) {
  ScorePanelData d;
  d.videoId = id;
  d.prompt = QStringLiteral("prompt %1").arg(id);
  d.videoName = QStringLiteral("v%1").arg(id);
  Evaluation e;
  e.rationale[0] = visualRationale;
  d.mine = e;
  return d;
}

}  // namespace

class TestScorePanel : public QObject {
  Q_OBJECT
 private slots:
  void scoreKeysMoveThroughTheDimensions() {
    ScorePanel panel;
    QSignalSpy chosen(&panel, &ScorePanel::scoreChosen);
    panel.chooseForCurrent(3);  // no item: nothing
    QCOMPARE(chosen.count(), 0);
    panel.showItem(item(7));
    QCOMPARE(panel.currentDimension(), Dimension::Visual);
    panel.chooseForCurrent(4);
    panel.chooseForCurrent(2);
    QCOMPARE(panel.currentDimension(), Dimension::Phy);
    panel.chooseForCurrent(5);
    QCOMPARE(panel.currentDimension(), Dimension::Phy);  // the last one stays
    panel.chooseForCurrent(std::nullopt);                // clearing does not move on
    QCOMPARE(panel.currentDimension(), Dimension::Phy);
    QCOMPARE(chosen.count(), 4);
    QCOMPARE(chosen.at(0).at(0).toLongLong(), 7);
    QCOMPARE(chosen.at(0).at(1).value<Dimension>(), Dimension::Visual);
    QCOMPARE(chosen.at(0).at(2).value<std::optional<int>>(), std::optional<int>(4));
    QCOMPARE(chosen.at(1).at(1).value<Dimension>(), Dimension::T2V);
    QCOMPARE(chosen.at(2).at(1).value<Dimension>(), Dimension::Phy);
    QCOMPARE(chosen.at(3).at(2).value<std::optional<int>>(), std::optional<int>());
    panel.showItem(item(8));  // another item starts at the first dimension
    QCOMPARE(panel.currentDimension(), Dimension::Visual);
  }

  void typedTextGoesOutOnceAfterThePause() {
    ScorePanel panel;
    panel.showItem(item(7));
    QSignalSpy edited(&panel, &ScorePanel::textEdited);
    QTest::keyClicks(panel.rationaleEditor(Dimension::Visual), QStringLiteral("blurry"));
    QCOMPARE(edited.count(), 0);  // not one signal per key
    QTRY_COMPARE_WITH_TIMEOUT(edited.count(), 1, 5000);
    QCOMPARE(edited.at(0).at(0).toLongLong(), 7);
    QCOMPARE(edited.at(0).at(1).value<EvaluationField>(), EvaluationField::VisualRationale);
    QCOMPARE(edited.at(0).at(2).toString(), QStringLiteral("blurry"));
  }

  void switchingItemsKeepsWhatWasTyped() {
    ScorePanel panel;
    panel.showItem(item(7));
    QSignalSpy edited(&panel, &ScorePanel::textEdited);
    QTest::keyClicks(panel.thinkingEditor(), QStringLiteral("smooth"));
    // A refresh of the same item (another field saved) keeps the text being typed.
    panel.showItem(item(7, QStringLiteral("from the store")));
    QCOMPARE(panel.thinkingEditor()->toPlainText(), QStringLiteral("smooth"));
    panel.showItem(item(8));  // the pending text is written for item 7, before the switch
    QCOMPARE(edited.count(), 1);
    QCOMPARE(edited.at(0).at(0).toLongLong(), 7);
    QCOMPARE(edited.at(0).at(1).value<EvaluationField>(), EvaluationField::Thinking);
    QCOMPARE(edited.at(0).at(2).toString(), QStringLiteral("smooth"));
    QCOMPARE(panel.thinkingEditor()->toPlainText(), QString());
    QCOMPARE(panel.rationaleEditor(Dimension::Visual)->toPlainText(), QString());
  }
};

QTEST_MAIN(TestScorePanel)
#include "test_score_panel.moc"
