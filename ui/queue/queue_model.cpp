#include "ui/queue/queue_model.h"

#include <QApplication>
#include <QMap>
#include <QStyle>
#include <algorithm>
#include <cmath>

#include "core/store/store.h"

namespace vs::ui {

namespace {

// `precision` < 0: each score as given (an imported 2.5 stays 2.5, a 4 stays 4).
QString scoresText(const Scores& s, int precision) {
  QStringList parts;
  for (Dimension d : kDimensions) {
    parts << (!s[d]           ? QStringLiteral("·")
              : precision < 0 ? QString::number(*s[d])
                              : QString::number(*s[d], 'f', precision));
  }
  return parts.join(QLatin1Char(' '));
}

}  // namespace

std::optional<double> QueueVideo::gap() const {
  if (!mine || !model) {
    return std::nullopt;
  }
  std::optional<double> worst;
  for (Dimension d : kDimensions) {
    if (mine->scores[d] && model->soft[d]) {
      const double g = std::abs(*mine->scores[d] - *model->soft[d]);
      worst = worst ? std::max(*worst, g) : g;
    }
  }
  return worst;
}

std::optional<double> QueueVideo::confidence() const {
  if (!model) {
    return std::nullopt;
  }
  std::optional<double> least;
  for (Dimension d : kDimensions) {
    if (model->soft[d] && model->hard[d] && *model->hard[d] > 0) {
      const double c = *model->soft[d] / *model->hard[d];
      least = least ? std::min(*least, c) : c;
    }
  }
  return least;
}

QueueModel::QueueModel(QObject* parent) : QAbstractItemModel(parent) {}

QueueVideo QueueModel::makeVideo(store::Store&, const Video& v, const QVector<Evaluation>& evals) const {
  QueueVideo q;
  q.video = v;
  if (locator_) {
    q.file = locator_->locate(v).status;
  }
  std::optional<Evaluation> newestModel;
  for (const Evaluation& e : evals) {
    q.annotators << e.annotatorId;
    if (e.annotatorId == annotatorId_) {
      q.mine = e;
      q.flags = ItemFlags::fromExtra(e.extra);
    } else if (kinds_.value(e.annotatorId) == AnnotatorKind::Model &&
               (!newestModel || e.updated > newestModel->updated)) {
      newestModel = e;
    }
  }
  if (newestModel) {
    q.model = ModelView::fromEvaluation(*newestModel);
  }
  return q;
}

void QueueModel::reload(store::Store& store, qint64 annotatorId) {
  beginResetModel();
  annotatorId_ = annotatorId;
  kinds_.clear();
  for (const Annotator& a : store.annotators()) {
    kinds_.insert(a.id, a.kind);
  }
  prompts_.clear();
  where_.clear();
  QMap<qint64, int> promptRow;  // prompts in order of their first video
  for (const store::QueueItem& item : store.listItems()) {
    const qint64 pid = item.video.promptId;
    auto it = promptRow.find(pid);
    int row = 0;
    if (it == promptRow.end()) {
      row = prompts_.size();
      promptRow.insert(pid, row);
      prompts_.append(QueuePrompt{pid, item.promptText, {}});
    } else {
      row = *it;
    }
    where_.insert(item.video.id, {row, static_cast<int>(prompts_[row].videos.size())});
    prompts_[row].videos.append(makeVideo(store, item.video, item.evaluations));
  }
  endResetModel();
  emit countsChanged(scoredCount(), videoCount());
}

void QueueModel::refreshVideo(store::Store& store, qint64 videoId) {
  auto it = where_.constFind(videoId);
  if (it == where_.constEnd()) {
    return;
  }
  for (const Annotator& a : store.annotators()) {
    kinds_.insert(a.id, a.kind);
  }
  const std::optional<Video> v = store.findVideo(videoId);
  if (!v) {
    return;
  }
  prompts_[it->first].videos[it->second] = makeVideo(store, *v, store.evaluationsForVideo(videoId));
  const QModelIndex left = indexForVideo(videoId, 0);
  emit dataChanged(left, left.siblingAtColumn(ColumnCount - 1));
  const QModelIndex p = index(it->first, 0);
  emit dataChanged(p, p.siblingAtColumn(ColumnCount - 1));
  emit countsChanged(scoredCount(), videoCount());
}

void QueueModel::setMine(qint64 videoId, const std::optional<Evaluation>& mine) {
  auto it = where_.constFind(videoId);
  if (it == where_.constEnd()) {
    return;
  }
  QueueVideo& v = prompts_[it->first].videos[it->second];
  v.mine = mine;
  v.flags = mine ? ItemFlags::fromExtra(mine->extra) : ItemFlags{};
  if (mine && !v.annotators.contains(annotatorId_)) {
    v.annotators << annotatorId_;
  }
  const QModelIndex left = indexForVideo(videoId, 0);
  emit dataChanged(left, left.siblingAtColumn(ColumnCount - 1));
  const QModelIndex p = index(it->first, 0);
  emit dataChanged(p, p.siblingAtColumn(ColumnCount - 1));
  emit countsChanged(scoredCount(), videoCount());
}

QModelIndex QueueModel::indexForVideo(qint64 videoId, int column) const {
  auto it = where_.constFind(videoId);
  if (it == where_.constEnd()) {
    return {};
  }
  return createIndex(it->second, column, quintptr(it->first + 1));
}

const QueueVideo* QueueModel::video(qint64 videoId) const {
  auto it = where_.constFind(videoId);
  return it == where_.constEnd() ? nullptr : &prompts_[it->first].videos[it->second];
}

const QueuePrompt* QueueModel::promptOf(qint64 videoId) const {
  auto it = where_.constFind(videoId);
  return it == where_.constEnd() ? nullptr : &prompts_[it->first];
}

int QueueModel::videoCount() const {
  return where_.size();
}

int QueueModel::scoredCount() const {
  int n = 0;
  for (const QueuePrompt& p : prompts_) {
    for (const QueueVideo& v : p.videos) {
      n += v.scoredByMe() ? 1 : 0;
    }
  }
  return n;
}

QStringList QueueModel::generators() const {
  QStringList out;
  for (const QueuePrompt& p : prompts_) {
    for (const QueueVideo& v : p.videos) {
      if (!v.video.generator.isEmpty() && !out.contains(v.video.generator)) {
        out << v.video.generator;
      }
    }
  }
  out.sort();
  return out;
}

QStringList QueueModel::batches() const {
  QStringList out;
  for (const QueuePrompt& p : prompts_) {
    for (const QueueVideo& v : p.videos) {
      if (!v.video.batch.isEmpty() && !out.contains(v.video.batch)) {
        out << v.video.batch;
      }
    }
  }
  out.sort();
  return out;
}

void QueueModel::setHideGenerators(bool hide) {
  if (hide == hideGenerators_) {
    return;
  }
  hideGenerators_ = hide;
  if (!prompts_.isEmpty()) {
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    for (int r = 0; r < prompts_.size(); ++r) {
      const QModelIndex p = index(r, 0);
      if (rowCount(p) > 0) {
        emit dataChanged(index(0, 0, p), index(rowCount(p) - 1, ColumnCount - 1, p));
      }
    }
  }
}

QModelIndex QueueModel::index(int row, int column, const QModelIndex& parent) const {
  if (column < 0 || column >= ColumnCount || row < 0) {
    return {};
  }
  if (!parent.isValid()) {
    return row < prompts_.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
  }
  if (parent.internalId() != 0) {
    return {};
  }
  const int p = parent.row();
  if (p >= prompts_.size() || row >= prompts_[p].videos.size()) {
    return {};
  }
  return createIndex(row, column, quintptr(p + 1));
}

QModelIndex QueueModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || child.internalId() == 0) {
    return {};
  }
  return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr(0));
}

int QueueModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) {
    return prompts_.size();
  }
  if (parent.internalId() != 0 || parent.column() != 0) {
    return 0;
  }
  return prompts_.value(parent.row()).videos.size();
}

int QueueModel::columnCount(const QModelIndex&) const {
  return ColumnCount;
}

QVariant QueueModel::headerData(int section, Qt::Orientation o, int role) const {
  if (o != Qt::Horizontal || role != Qt::DisplayRole) {
    return {};
  }
  switch (section) {
    case NameColumn:
      return tr("Item");
    case MineColumn:
      return tr("Mine");
    case ModelColumn:
      return tr("Model");
    default:
      return {};
  }
}

QVariant QueueModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) {
    return {};
  }
  if (index.internalId() == 0) {
    return promptData(index.row(), index.column(), role);
  }
  const QueuePrompt& p = prompts_[static_cast<int>(index.internalId() - 1)];
  return videoData(p.videos[index.row()], index.column(), role);
}

QVariant QueueModel::promptData(int row, int column, int role) const {
  const QueuePrompt& p = prompts_[row];
  int done = 0;
  double gap = -1;
  double conf = 2;
  bool model = false;
  bool flagged = false;
  for (const QueueVideo& v : p.videos) {
    done += v.scoredByMe() ? 1 : 0;
    gap = std::max(gap, v.gap().value_or(-1));
    conf = std::min(conf, v.confidence().value_or(2));
    model = model || v.model.has_value();
    flagged = flagged || v.flags.any();
  }
  switch (role) {
    case Qt::DisplayRole:
      if (column == NameColumn) {
        return p.text;
      }
      if (column == MineColumn) {
        return QStringLiteral("%1/%2").arg(done).arg(p.videos.size());
      }
      return {};
    case Qt::ToolTipRole:
      return p.text;
    case Qt::AccessibleTextRole:
      return tr("Prompt: %1, %2 of %3 scored").arg(p.text).arg(done).arg(p.videos.size());
    case VideoIdRole:
      return qint64(0);
    case IsPromptRole:
      return true;
    case ScoredByMeRole:
      return done == p.videos.size();
    case HasModelRole:
      return model;
    case FlaggedRole:
      return flagged;
    case GapRole:
      return gap;
    case ConfidenceRole:
      return conf;
    case FileStatusRole: {
      const bool missing = std::any_of(p.videos.begin(), p.videos.end(), [](const QueueVideo& v) {
        return v.file == library::FileStatus::Missing;
      });
      return int(missing ? library::FileStatus::Missing : library::FileStatus::Ok);
    }
    case OrderRole:
      return p.videos.isEmpty() ? qint64(0) : p.videos.front().video.id;
    case SearchTextRole:
      return p.text;
    default:
      return {};
  }
}

QVariant QueueModel::videoData(const QueueVideo& v, int column, int role) const {
  switch (role) {
    case Qt::DisplayRole:
      if (column == NameColumn) {
        QString mark = v.scoredByMe() ? QStringLiteral("✓ ") : QStringLiteral("○ ");
        if (v.flags.any()) {
          mark += QStringLiteral("⚑ ");
        }
        const QString gen = hideGenerators_ || v.video.generator.isEmpty()
                                ? QString()
                                : QStringLiteral(" — ") + v.video.generator;
        return mark + v.video.name + gen;
      }
      if (column == MineColumn) {
        return v.mine ? scoresText(v.mine->scores, -1) : QString();
      }
      if (column == ModelColumn) {
        return v.model && !hideGenerators_ ? scoresText(v.model->hard, 0) : QString();
      }
      return {};
    case Qt::DecorationRole:
      if (column == NameColumn && v.file != library::FileStatus::Ok) {
        return qApp->style()->standardIcon(v.file == library::FileStatus::Missing
                                               ? QStyle::SP_MessageBoxWarning
                                               : QStyle::SP_MessageBoxInformation);
      }
      return {};
    case FileStatusRole:
      return int(v.file);
    case Qt::ToolTipRole:
      if (v.file == library::FileStatus::Missing) {
        return tr("%1: video file missing — File › Relink missing videos…").arg(v.video.name);
      }
      if (v.file == library::FileStatus::Changed) {
        return tr("%1: the video file changed since it was added").arg(v.video.name);
      }
      return v.model && !hideGenerators_
                 ? tr("%1\nModel soft scores: %2").arg(v.video.name, scoresText(v.model->soft, 2))
                 : v.video.name;
    case Qt::AccessibleTextRole:
      return v.file == library::FileStatus::Missing
                 ? tr("%1, %2, video file missing")
                       .arg(v.video.name, v.scoredByMe() ? tr("scored") : tr("not scored"))
                 : tr("%1, %2").arg(v.video.name, v.scoredByMe() ? tr("scored") : tr("not scored"));
    case VideoIdRole:
      return v.video.id;
    case IsPromptRole:
      return false;
    case ScoredByMeRole:
      return v.scoredByMe();
    case HasModelRole:
      return v.model.has_value();
    case FlaggedRole:
      return v.flags.any();
    case GeneratorRole:
      return v.video.generator;
    case BatchRole:
      return v.video.batch;
    case AnnotatorsRole: {
      QVariantList ids;
      for (qint64 id : v.annotators) {
        ids << id;
      }
      return ids;
    }
    case GapRole:
      return v.gap().value_or(-1);
    case ConfidenceRole:
      return v.confidence().value_or(2);
    case OrderRole:
      return v.video.id;
    case SearchTextRole:
      return v.video.name + QLatin1Char(' ') + v.video.generator;
    default:
      return {};
  }
}

}  // namespace vs::ui
