#include "ui/queue/queue_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "ui/queue/queue_filter_model.h"
#include "ui/queue/queue_model.h"

namespace vs::ui {

template <typename F>
void QueuePanel::refilter(F change) {
  {
    const ProgrammaticSelection quiet(*this);
    change();
  }
  if (view_ && selected_ != 0) {
    const QModelIndex idx = filter_.mapFromSource(model_.indexForVideo(selected_));
    const ProgrammaticSelection quiet(*this);
    if (idx.isValid()) {
      view_->selectionModel()->setCurrentIndex(
          idx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
      view_->scrollTo(idx);
    } else {
      view_->selectionModel()->clearSelection();
    }
  }
  if (view_) {
    view_->expandAll();
  }
}

QueuePanel::QueuePanel(QueueModel& model, QueueFilterModel& filter, QWidget* parent)
    : QWidget(parent), model_(model), filter_(filter) {
  setObjectName(QStringLiteral("queuePanel"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);

  search_ = new QLineEdit(this);
  search_->setObjectName(QStringLiteral("queueSearch"));
  search_->setPlaceholderText(tr("Search prompts and videos"));
  search_->setAccessibleName(tr("Search the queue"));
  search_->setClearButtonEnabled(true);
  connect(search_, &QLineEdit::textChanged, this,
          [this](const QString& t) { refilter([&] { filter_.setSearchText(t); }); });
  layout->addWidget(search_);

  auto* form = new QFormLayout;
  form->setContentsMargins(0, 0, 0, 0);
  status_ = new QComboBox(this);
  status_->setAccessibleName(tr("Show"));
  status_->addItem(tr("All items"), int(QueueStatusFilter::All));
  status_->addItem(tr("Not yet scored by me"), int(QueueStatusFilter::NotScoredByMe));
  status_->addItem(tr("Model only"), int(QueueStatusFilter::ModelOnly));
  status_->addItem(tr("Flagged"), int(QueueStatusFilter::Flagged));
  connect(status_, &QComboBox::currentIndexChanged, this, [this] {
    refilter(
        [&] { filter_.setStatusFilter(static_cast<QueueStatusFilter>(status_->currentData().toInt())); });
  });
  form->addRow(tr("Show:"), status_);
  generator_ = new QComboBox(this);
  generator_->setAccessibleName(tr("Generator"));
  connect(generator_, &QComboBox::currentIndexChanged, this,
          [this] { refilter([&] { filter_.setGenerator(generator_->currentData().toString()); }); });
  form->addRow(tr("Generator:"), generator_);
  batch_ = new QComboBox(this);
  batch_->setAccessibleName(tr("Batch"));
  connect(batch_, &QComboBox::currentIndexChanged, this,
          [this] { refilter([&] { filter_.setBatch(batch_->currentData().toString()); }); });
  form->addRow(tr("Batch:"), batch_);
  annotator_ = new QComboBox(this);
  annotator_->setAccessibleName(tr("Annotator"));
  connect(annotator_, &QComboBox::currentIndexChanged, this,
          [this] { refilter([&] { filter_.setAnnotator(annotator_->currentData().toLongLong()); }); });
  form->addRow(tr("Annotator:"), annotator_);
  sort_ = new QComboBox(this);
  sort_->setObjectName(QStringLiteral("queueSort"));
  sort_->setAccessibleName(tr("Sort order"));
  sort_->addItem(tr("Queue order"), int(QueueSort::QueueOrder));
  sort_->addItem(tr("Disagreement first"), int(QueueSort::DisagreementFirst));
  sort_->addItem(tr("Least confident first"), int(QueueSort::LeastConfidentFirst));
  sort_->addItem(tr("Generator"), int(QueueSort::Generator));
  connect(sort_, &QComboBox::currentIndexChanged, this, [this] {
    refilter([&] { filter_.setSortOrder(static_cast<QueueSort>(sort_->currentData().toInt())); });
  });
  form->addRow(tr("Sort:"), sort_);
  layout->addLayout(form);

  clearSet_ = new QPushButton(this);
  clearSet_->hide();
  connect(clearSet_, &QPushButton::clicked, this, [this] {
    refilter([&] { filter_.setVideoSet({}); });
    clearSet_->hide();
  });
  layout->addWidget(clearSet_);

  view_ = new QTreeView(this);
  view_->setObjectName(QStringLiteral("queueView"));
  view_->setAccessibleName(tr("Work queue"));
  view_->setModel(&filter_);
  view_->setUniformRowHeights(true);
  view_->setAlternatingRowColors(true);
  view_->header()->setStretchLastSection(false);
  view_->header()->setSectionResizeMode(QueueModel::NameColumn, QHeaderView::Stretch);
  view_->header()->setSectionResizeMode(QueueModel::MineColumn, QHeaderView::ResizeToContents);
  view_->header()->setSectionResizeMode(QueueModel::ModelColumn, QHeaderView::ResizeToContents);
  connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) {
            const qint64 id = current.data(QueueModel::VideoIdRole).toLongLong();
            if (id != 0 && !programmatic_) {
              selected_ = id;
              emit videoActivated(id);
            }
          });
  connect(&filter_, &QAbstractItemModel::modelReset, view_, &QTreeView::expandAll);
  connect(&filter_, &QAbstractItemModel::rowsInserted, view_, &QTreeView::expandAll);
  connect(&filter_, &QAbstractItemModel::layoutChanged, view_, &QTreeView::expandAll);
  layout->addWidget(view_, 1);

  counts_ = new QLabel(this);
  counts_->setObjectName(QStringLiteral("queueCounts"));
  layout->addWidget(counts_);
  connect(&model_, &QueueModel::countsChanged, this, &QueuePanel::updateCounts);
  refreshChoices();
}

void QueuePanel::updateCounts(int scored, int total) {
  counts_->setText(tr("%1 done · %2 remaining").arg(scored).arg(total - scored));
}

void QueuePanel::refreshChoices() {
  const QString gen = generator_->currentData().toString();
  const QString bat = batch_->currentData().toString();
  {
    const QSignalBlocker b1(generator_), b2(batch_);
    generator_->clear();
    generator_->addItem(tr("Any"), QString());
    for (const QString& g : model_.generators()) {
      generator_->addItem(g, g);
    }
    generator_->setCurrentIndex(qMax(0, generator_->findData(gen)));
    batch_->clear();
    batch_->addItem(tr("Any"), QString());
    for (const QString& b : model_.batches()) {
      batch_->addItem(b, b);
    }
    batch_->setCurrentIndex(qMax(0, batch_->findData(bat)));
  }
  updateCounts(model_.scoredCount(), model_.videoCount());
  view_->expandAll();
}

void QueuePanel::setAnnotators(const QList<QPair<qint64, QString>>& annotators) {
  const QSignalBlocker block(annotator_);
  const qint64 was = annotator_->currentData().toLongLong();
  annotator_->clear();
  annotator_->addItem(tr("Anyone"), qint64(0));
  for (const auto& [id, name] : annotators) {
    annotator_->addItem(name, id);
  }
  annotator_->setCurrentIndex(qMax(0, annotator_->findData(was)));
}

void QueuePanel::selectVideo(qint64 videoId) {
  selected_ = videoId;
  QModelIndex src = model_.indexForVideo(videoId);
  QModelIndex idx = filter_.mapFromSource(src);
  if (!idx.isValid() && src.isValid()) {
    // The item is filtered out (undo went to it, or a restart): show everything again.
    filter_.setVideoSet({});
    clearSet_->hide();
    status_->setCurrentIndex(0);
    generator_->setCurrentIndex(0);
    batch_->setCurrentIndex(0);
    annotator_->setCurrentIndex(0);
    search_->clear();
    idx = filter_.mapFromSource(src);
  }
  if (!idx.isValid()) {
    return;
  }
  // Not a QSignalBlocker: the view repaints and scrolls on the selection model's signals, so
  // blocking them left the old row highlighted while N/J moved the player and score panel on.
  const ProgrammaticSelection quiet(*this);
  view_->selectionModel()->setCurrentIndex(idx,
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  view_->scrollTo(idx);
}

void QueuePanel::focusSearch() {
  search_->setFocus(Qt::ShortcutFocusReason);
  search_->selectAll();
}

void QueuePanel::showVideoSetNotice(const QString& text) {
  clearSet_->setText(tr("%1 — show all").arg(text));
  clearSet_->setVisible(!text.isEmpty());
}

}  // namespace vs::ui
