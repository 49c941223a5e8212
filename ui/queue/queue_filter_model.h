#pragma once
// Filters and sort orders over QueueModel. Video rows are tested; a prompt shows when any of its
// videos passes (recursive filtering). "Disagreement first" puts the largest model–person gap on
// top, then the least confident model results among items without a person's scores.
#include <QSet>
#include <QSortFilterProxyModel>

namespace vs::ui {

enum class QueueStatusFilter { All, NotScoredByMe, ModelOnly, Flagged };
enum class QueueSort { QueueOrder, DisagreementFirst, LeastConfidentFirst, Generator };

class QueueFilterModel : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  explicit QueueFilterModel(QObject* parent = nullptr);

  void setStatusFilter(QueueStatusFilter f);
  void setGenerator(const QString& generator);  // empty: any
  void setBatch(const QString& batch);          // empty: any
  void setAnnotator(qint64 annotatorId);        // 0: any; else only videos they evaluated
  void setSearchText(const QString& text);
  // Only these videos (the audit tab's cell selection); an empty set clears the restriction.
  void setVideoSet(const QSet<qint64>& ids);
  bool hasVideoSet() const { return !videoSet_.isEmpty(); }
  void setSortOrder(QueueSort sort);
  QueueSort sortOrder() const { return sort_; }

  // Videos in display order (prompt by prompt), the order next/previous walk.
  QVector<qint64> videosInOrder() const;
  // The next (or previous) video after `from` in display order that the person has not scored;
  // wraps around; 0 when every shown video is scored.
  qint64 nextUnscored(qint64 from, int direction) const;
  qint64 nextVideo(qint64 from, int direction) const;

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
  bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

 private:
  QueueStatusFilter status_ = QueueStatusFilter::All;
  QString generator_;
  QString batch_;
  qint64 annotator_ = 0;
  QString search_;
  QSet<qint64> videoSet_;
  QueueSort sort_ = QueueSort::QueueOrder;
};

}  // namespace vs::ui
