#include "ui/queue/queue_filter_model.h"

#include "ui/queue/queue_model.h"

namespace vs::ui {

QueueFilterModel::QueueFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
  setRecursiveFilteringEnabled(true);
  setDynamicSortFilter(true);
  sort(0, Qt::AscendingOrder);
}

void QueueFilterModel::setStatusFilter(QueueStatusFilter f) {
  status_ = f;
  invalidateFilter();
}

void QueueFilterModel::setGenerator(const QString& generator) {
  generator_ = generator;
  invalidateFilter();
}

void QueueFilterModel::setBatch(const QString& batch) {
  batch_ = batch;
  invalidateFilter();
}

void QueueFilterModel::setAnnotator(qint64 annotatorId) {
  annotator_ = annotatorId;
  invalidateFilter();
}

void QueueFilterModel::setSearchText(const QString& text) {
  search_ = text.trimmed();
  invalidateFilter();
}

void QueueFilterModel::setVideoSet(const QSet<qint64>& ids) {
  videoSet_ = ids;
  invalidateFilter();
}

void QueueFilterModel::setSortOrder(QueueSort sort) {
  sort_ = sort;
  invalidate();
  QSortFilterProxyModel::sort(0, Qt::AscendingOrder);
}

bool QueueFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
  const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
  if (idx.data(QueueModel::IsPromptRole).toBool()) {
    return false;  // shown when a video passes (recursive filtering)
  }
  const qint64 id = idx.data(QueueModel::VideoIdRole).toLongLong();
  if (!videoSet_.isEmpty() && !videoSet_.contains(id)) {
    return false;
  }
  switch (status_) {
    case QueueStatusFilter::All:
      break;
    case QueueStatusFilter::NotScoredByMe:
      if (idx.data(QueueModel::ScoredByMeRole).toBool()) {
        return false;
      }
      break;
    case QueueStatusFilter::ModelOnly:
      if (!idx.data(QueueModel::HasModelRole).toBool() || idx.data(QueueModel::ScoredByMeRole).toBool()) {
        return false;
      }
      break;
    case QueueStatusFilter::Flagged:
      if (!idx.data(QueueModel::FlaggedRole).toBool()) {
        return false;
      }
      break;
  }
  if (!generator_.isEmpty() && idx.data(QueueModel::GeneratorRole).toString() != generator_) {
    return false;
  }
  if (!batch_.isEmpty() && idx.data(QueueModel::BatchRole).toString() != batch_) {
    return false;
  }
  if (annotator_ != 0 && !idx.data(QueueModel::AnnotatorsRole).toList().contains(annotator_)) {
    return false;
  }
  if (!search_.isEmpty()) {
    const QString hay = idx.data(QueueModel::SearchTextRole).toString() + QLatin1Char(' ') +
                        sourceParent.data(QueueModel::SearchTextRole).toString();
    if (!hay.contains(search_, Qt::CaseInsensitive)) {
      return false;
    }
  }
  return true;
}

bool QueueFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
  const qint64 lo = left.data(QueueModel::OrderRole).toLongLong();
  const qint64 ro = right.data(QueueModel::OrderRole).toLongLong();
  switch (sort_) {
    case QueueSort::QueueOrder:
      break;
    case QueueSort::DisagreementFirst: {
      const double lg = left.data(QueueModel::GapRole).toDouble();
      const double rg = right.data(QueueModel::GapRole).toDouble();
      if (lg != rg) {
        return lg > rg;
      }
      const double lc = left.data(QueueModel::ConfidenceRole).toDouble();
      const double rc = right.data(QueueModel::ConfidenceRole).toDouble();
      if (lc != rc) {
        return lc < rc;
      }
      break;
    }
    case QueueSort::LeastConfidentFirst: {
      const double lc = left.data(QueueModel::ConfidenceRole).toDouble();
      const double rc = right.data(QueueModel::ConfidenceRole).toDouble();
      if (lc != rc) {
        return lc < rc;
      }
      break;
    }
    case QueueSort::Generator: {
      const int c = QString::localeAwareCompare(left.data(QueueModel::GeneratorRole).toString(),
                                                right.data(QueueModel::GeneratorRole).toString());
      if (c != 0) {
        return c < 0;
      }
      break;
    }
  }
  return lo < ro;
}

QVector<qint64> QueueFilterModel::videosInOrder() const {
  QVector<qint64> out;
  for (int p = 0; p < rowCount(); ++p) {
    const QModelIndex prompt = index(p, 0);
    for (int v = 0; v < rowCount(prompt); ++v) {
      out << index(v, 0, prompt).data(QueueModel::VideoIdRole).toLongLong();
    }
  }
  return out;
}

qint64 QueueFilterModel::nextVideo(qint64 from, int direction) const {
  const QVector<qint64> order = videosInOrder();
  if (order.isEmpty()) {
    return 0;
  }
  const int at = order.indexOf(from);
  if (at < 0) {
    return direction >= 0 ? order.front() : order.back();
  }
  const int next = at + (direction >= 0 ? 1 : -1);
  return next >= 0 && next < order.size() ? order[next] : from;
}

qint64 QueueFilterModel::nextUnscored(qint64 from, int direction) const {
  const QVector<qint64> order = videosInOrder();
  const auto* queue = qobject_cast<const QueueModel*>(sourceModel());
  const int n = order.size();
  if (n == 0 || !queue) {
    return 0;
  }
  const int at = order.indexOf(from);
  const int step = direction >= 0 ? 1 : -1;
  int i = at < 0 ? (step > 0 ? -1 : n) : at;
  for (int k = 0; k < n; ++k) {
    i = ((i + step) % n + n) % n;
    const QueueVideo* v = queue->video(order[i]);
    if (v && !v->scoredByMe() && order[i] != from) {
      return order[i];
    }
  }
  return 0;
}

}  // namespace vs::ui
