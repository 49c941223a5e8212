#include "ui/dialogs/refused_edits_dialog.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vs::ui {

RefusedEditsDialog::RefusedEditsDialog(const QVector<store::EditJournal::Refused>& entries,
                                       const store::NameOf& videoName, const store::NameOf& promptText,
                                       QWidget* parent)
    : QDialog(parent), videoName_(videoName), promptText_(promptText) {
  setWindowTitle(tr("Edits the server refused"));

  auto* intro = new QLabel(tr("The server refused these edits after they waited on this computer. They are "
                              "kept here; copy them to enter them again or to send them on."),
                           this);
  intro->setWordWrap(true);
  table_ = new QTableWidget(0, 4, this);
  table_->setObjectName(QStringLiteral("refusedEdits"));
  table_->setAccessibleName(tr("Refused edits"));
  table_->setHorizontalHeaderLabels(header());
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setTabKeyNavigation(false);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  setEntries(entries);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  auto* copy = buttons->addButton(tr("&Copy as text"), QDialogButtonBox::ActionRole);
  copy->setObjectName(QStringLiteral("copyAsText"));
  copy->setToolTip(tr("Put the rows on the clipboard, separated by tabs"));
  connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(asText()); });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addWidget(table_);
  layout->addWidget(buttons);
  resize(760, 360);
  table_->setFocus();
}

void RefusedEditsDialog::setEntries(const QVector<store::EditJournal::Refused>& entries) {
  rows_.clear();
  for (const store::EditJournal::Refused& e : entries)
    rows_ << store::refusedEditText(e, videoName_, promptText_, words());
  table_->setRowCount(int(rows_.size()));
  for (int r = 0; r < rows_.size(); ++r) {
    const store::RefusedEditText& row = rows_[r];
    const QStringList cells{row.when, row.about, row.typed, row.reason};
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      item->setToolTip(cells[c]);
      table_->setItem(r, c, item);
    }
  }
  table_->resizeColumnsToContents();
}

QStringList RefusedEditsDialog::header() const {
  return {tr("When (UTC)"), tr("Video or choice"), tr("What was typed"), tr("Server's reason")};
}

store::RefusedEditWords RefusedEditsDialog::words() {
  store::RefusedEditWords w;
  w.video = tr("video #%1");
  w.prompt = tr("prompt #%1");
  w.pair = tr("%1 / %2 (%3)", "left video, right video, dimension");
  w.pick = tr("Best of N: %1");
  w.cleared = tr("(cleared)", "a score set to none");
  w.removed = tr("(removed)");
  w.none = tr("(none)", "no flags");
  w.choice = tr("choice: %1");
  w.reason = tr("reason: %1");
  w.best = tr("best: %1");
  w.worst = tr("worst: %1");
  w.choiceWithdrawn = tr("choice withdrawn");
  w.pickWithdrawn = tr("pick withdrawn");
  return w;
}

QString RefusedEditsDialog::asText() const {
  return store::refusedEditsAsTsv(header(), rows_);
}

}  // namespace vs::ui
