#pragma once
// The work queue as a tree: prompts, each with its videos (the candidates of several generators).
// Built from Store::listItems(); one video row is refreshed after each edit. Views never hold the
// truth: every value comes from the store rows kept here.
#include <QAbstractItemModel>
#include <QHash>
#include <QVector>
#include <optional>

#include "core/domain/evaluation.h"
#include "core/domain/annotator.h"
#include "core/domain/video.h"
#include "core/library/video_locator.h"
#include "ui/annotation/item_flags.h"
#include "ui/annotation/model_view.h"

namespace vs::store {
class Store;
}

namespace vs::ui {

struct QueueVideo {
  Video video;
  std::optional<Evaluation> mine;
  std::optional<ModelView> model;
  QVector<qint64> annotators;  // ids of everyone who evaluated it
  ItemFlags flags;
  library::FileStatus file = library::FileStatus::Ok;  // Ok when no locator was given

  bool scoredByMe() const { return mine && mine->scores.complete(); }
  // Largest |model - person| over the dimensions; nullopt without both sides.
  std::optional<double> gap() const;
  // Smallest confidence p_best = soft / hard over the dimensions (reference videoscore2.md §7:
  // soft = best * p_best / sum); nullopt without model soft scores.
  std::optional<double> confidence() const;
};

struct QueuePrompt {
  qint64 id = 0;
  QString text;
  QVector<QueueVideo> videos;
};

class QueueModel : public QAbstractItemModel {
  Q_OBJECT
 public:
  enum Column { NameColumn = 0, MineColumn, ModelColumn, ColumnCount };
  enum Role {
    VideoIdRole = Qt::UserRole + 1,  // 0 on prompt rows
    IsPromptRole,
    ScoredByMeRole,  // bool (prompt: all videos scored)
    HasModelRole,    // bool
    FlaggedRole,     // bool
    GeneratorRole,   // QString (prompt: empty)
    BatchRole,       // QString
    AnnotatorsRole,  // QVariantList of qint64
    GapRole,         // double, -1 when unknown (prompt: max of videos)
    ConfidenceRole,  // double, 2 when unknown (prompt: min of videos)
    OrderRole,       // qint64: id order
    SearchTextRole,  // prompt + name + generator
    FileStatusRole,  // int(library::FileStatus) (prompt: Missing when any video is)
  };

  explicit QueueModel(QObject* parent = nullptr);

  // Where the videos' files are; each row then carries its file status (an icon for a missing or
  // changed file). Null: every file counts as found. Kept, not copied: it must outlive this model.
  void setLocator(const library::VideoLocator* locator) { locator_ = locator; }

  // Reloads every row for `annotatorId` (the person) from the store.
  void reload(store::Store& store, qint64 annotatorId);
  // Refreshes one video's row after an edit.
  void refreshVideo(store::Store& store, qint64 videoId);
  // Shows `mine` as the person's evaluation of the video (one kept on this computer while the
  // server is away), without reading the store.
  void setMine(qint64 videoId, const std::optional<Evaluation>& mine);

  QModelIndex indexForVideo(qint64 videoId, int column = 0) const;
  const QueueVideo* video(qint64 videoId) const;
  const QueuePrompt* promptOf(qint64 videoId) const;
  const QVector<QueuePrompt>& prompts() const { return prompts_; }
  int videoCount() const;
  int scoredCount() const;
  QStringList generators() const;
  QStringList batches() const;

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

  // Tests and the screenshot use the blind flag to hide generator names in the queue too.
  void setHideGenerators(bool hide);

 signals:
  void countsChanged(int scored, int total);

 private:
  QueueVideo makeVideo(store::Store& store, const Video& v, const QVector<Evaluation>& evals) const;
  QVariant promptData(int row, int column, int role) const;
  QVariant videoData(const QueueVideo& v, int column, int role) const;

  QVector<QueuePrompt> prompts_;
  QHash<qint64, QPair<int, int>> where_;  // video id -> (prompt row, video row)
  QHash<qint64, AnnotatorKind> kinds_;
  qint64 annotatorId_ = 0;
  bool hideGenerators_ = false;
  const library::VideoLocator* locator_ = nullptr;
};

}  // namespace vs::ui
