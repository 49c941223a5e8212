// Queue filters and sort orders over a small project with hand-computed gaps and confidences.
#include <QSettings>
#include <QTest>
#include <QUndoStack>

#include "core/store/store.h"
#include "tests/ui/workstation_test_project.h"
#include "ui/annotation/annotation_session.h"
#include "ui/queue/queue_filter_model.h"
#include "ui/queue/queue_model.h"

using namespace vs;
using namespace vs::ui;

class TestQueueFilterModel : public QObject {
  Q_OBJECT
 private:
  std::unique_ptr<store::Store> store_;
  QUndoStack undo_;
  std::unique_ptr<AnnotationSession> session_;
  QueueModel model_;
  QueueFilterModel filter_;

  qint64 id(const char* name) { return store_->findVideoByName(QString::fromLatin1(name))->id; }
  QStringList names() {
    QStringList out;
    for (qint64 v : filter_.videosInOrder()) {
      out << model_.video(v)->video.name;
    }
    return out;
  }

 private slots:
  void initTestCase() {
    const QString path = test::makeProject(qEnvironmentVariable("VS_TEST_TMP"), 2);
    store_ = std::make_unique<store::Store>(path);
    session_ = std::make_unique<AnnotationSession>(*store_, QStringLiteral("carol"), undo_);
    auto score = [&](const char* name, int a, int b, int c) {
      session_->setScore(id(name), Dimension::Visual, a);
      session_->setScore(id(name), Dimension::T2V, b);
      session_->setScore(id(name), Dimension::Phy, c);
    };
    score("v01", 4, 4, 3);  // largest gap |4 - 3.8123| = 0.19
    score("v02", 5, 5, 5);  // |5 - 2.2| = 2.8
    score("v03", 1, 3, 4);  // |1 - 4.9| = 3.9
    ItemFlags f;
    f.set(ItemFlag::NeedsReview, true);
    f.note = QStringLiteral("odd colours");
    session_->setFlags(id("v05"), f);
    model_.reload(*store_, session_->annotatorId());
    filter_.setSourceModel(&model_);
  }

  void counts() {
    QCOMPARE(model_.videoCount(), 8);
    QCOMPARE(model_.scoredCount(), 3);
    QCOMPARE(model_.rowCount(), 2);
  }

  void disagreementFirst() {
    filter_.setSortOrder(QueueSort::DisagreementFirst);
    // Scored items by gap; then unscored by least confidence soft/hard:
    // v08 0.867 (2.6/3), v07 0.9 (3.6/4), v06 0.94 (4.7/5), v05 0.953 (3.8123/4).
    QCOMPARE(names(), (QStringList{"v03", "v02", "v01", "v04", "v08", "v07", "v06", "v05"}));
    filter_.setSortOrder(QueueSort::QueueOrder);
    QCOMPARE(names(), (QStringList{"v01", "v02", "v03", "v04", "v05", "v06", "v07", "v08"}));
  }

  void filters() {
    filter_.setStatusFilter(QueueStatusFilter::NotScoredByMe);
    QCOMPARE(names(), (QStringList{"v04", "v05", "v06", "v07", "v08"}));
    filter_.setStatusFilter(QueueStatusFilter::Flagged);
    QCOMPARE(names(), QStringList{"v05"});
    QCOMPARE(model_.video(id("v05"))->flags.note, QStringLiteral("odd colours"));
    filter_.setStatusFilter(QueueStatusFilter::All);
    filter_.setGenerator(QStringLiteral("gen-b"));
    QCOMPARE(names(), (QStringList{"v02", "v06"}));
    filter_.setGenerator({});
    filter_.setSearchText(QStringLiteral("NUMBER 2"));
    QCOMPARE(names(), (QStringList{"v05", "v06", "v07", "v08"}));
    filter_.setSearchText({});
    filter_.setAnnotator(session_->annotatorId());
    QCOMPARE(names(), (QStringList{"v01", "v02", "v03", "v05"}));  // v05 has carol's flag row
    filter_.setAnnotator(0);
    filter_.setVideoSet({id("v02"), id("v07")});
    QCOMPARE(names(), (QStringList{"v02", "v07"}));
    filter_.setVideoSet({});
  }

  void nextAndPreviousUnscored() {
    QCOMPARE(filter_.nextUnscored(id("v01"), 1), id("v04"));
    QCOMPARE(filter_.nextUnscored(id("v04"), -1), id("v08"));  // wraps
    QCOMPARE(filter_.nextUnscored(id("v08"), 1), id("v04"));
    QCOMPARE(filter_.nextVideo(id("v04"), 1), id("v05"));
    QCOMPARE(filter_.nextVideo(id("v01"), -1), id("v01"));
  }

  // Scores imported from another tool may be halves: the Mine column shows them as given.
  void mineShowsScoresAsGiven() {
    const qint64 v = id("v01");
    const QModelIndex mine = model_.indexForVideo(v, QueueModel::MineColumn);
    QCOMPARE(model_.data(mine).toString(), QStringLiteral("4 4 3"));
    std::optional<Evaluation> half = model_.video(v)->mine;
    half->scores[Dimension::Visual] = 2.5;
    half->scores[Dimension::Phy] = std::nullopt;
    model_.setMine(v, half);
    QCOMPARE(model_.data(mine).toString(), QStringLiteral("2.5 4 ·"));
    model_.refreshVideo(*store_, v);
    QCOMPARE(model_.data(mine).toString(), QStringLiteral("4 4 3"));
  }

  void refreshAfterEdit() {
    session_->setScore(id("v04"), Dimension::Visual, 2);
    session_->setScore(id("v04"), Dimension::T2V, 2);
    session_->setScore(id("v04"), Dimension::Phy, 2);
    model_.refreshVideo(*store_, id("v04"));
    QCOMPARE(model_.scoredCount(), 4);
    QCOMPARE(filter_.nextUnscored(id("v01"), 1), id("v05"));
  }
};

QTEST_MAIN(TestQueueFilterModel)
#include "test_queue_filter_model.moc"
