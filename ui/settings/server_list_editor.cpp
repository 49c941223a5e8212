#include "ui/settings/server_list_editor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vs::ui {

namespace {

enum Column { kUrl, kModel, kKeyEnv, kConcurrency, kColumns };

}  // namespace

ServerListEditor::ServerListEditor(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  table_ = new QTableWidget(0, kColumns, this);
  table_->setObjectName(QStringLiteral("scoringServers"));
  table_->setAccessibleName(tr("Scoring servers"));
  table_->setHorizontalHeaderLabels(
      {tr("URL"), tr("Served model"), tr("API key variable"), tr("Requests at once")});
  table_->horizontalHeader()->setSectionResizeMode(kUrl, QHeaderView::Stretch);
  for (int column : {kModel, kKeyEnv, kConcurrency}) {
    table_->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
  }
  table_->verticalHeader()->hide();
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setToolTip(
      tr("An OpenAI-compatible server (vLLM, vscore serve): its base URL such as http://gpu-box:8000; "
         "the model name it serves (empty: the only one it lists); the name of the environment "
         "variable that holds its API key (the key is never stored)"));
  layout->addWidget(table_);
  auto* buttons = new QHBoxLayout;
  auto* add = new QPushButton(tr("&Add server"), this);
  add->setAccessibleName(tr("Add a scoring server"));
  remove_ = new QPushButton(tr("Re&move server"), this);
  remove_->setAccessibleName(tr("Remove the selected scoring server"));
  buttons->addWidget(add);
  buttons->addWidget(remove_);
  buttons->addStretch(1);
  layout->addLayout(buttons);
  connect(add, &QPushButton::clicked, this, [this] { addServer(); });
  connect(remove_, &QPushButton::clicked, this, [this] {
    const int row = table_->currentRow();
    if (row >= 0) {
      table_->removeRow(row);
      emit changed();
    }
    remove_->setEnabled(table_->rowCount() > 0);
  });
  connect(table_, &QTableWidget::itemChanged, this, [this] { emit changed(); });
  remove_->setEnabled(false);
}

void ServerListEditor::addRow(const ScoringServer& server) {
  const QSignalBlocker block(table_);
  const int row = table_->rowCount();
  table_->insertRow(row);
  table_->setItem(row, kUrl, new QTableWidgetItem(server.url));
  table_->setItem(row, kModel, new QTableWidgetItem(server.servedModel));
  table_->setItem(row, kKeyEnv, new QTableWidgetItem(server.apiKeyEnv));
  auto* concurrency = new QSpinBox(table_);
  concurrency->setRange(1, 256);
  concurrency->setValue(qMax(1, server.concurrency));
  concurrency->setAccessibleName(tr("Requests in flight on this server"));
  connect(concurrency, &QSpinBox::valueChanged, this, [this] { emit changed(); });
  table_->setCellWidget(row, kConcurrency, concurrency);
  remove_->setEnabled(true);
}

void ServerListEditor::setServers(const QList<ScoringServer>& servers) {
  table_->setRowCount(0);
  for (const ScoringServer& s : servers) {
    addRow(s);
  }
  remove_->setEnabled(table_->rowCount() > 0);
}

void ServerListEditor::addServer(const QString& url) {
  ScoringServer s;
  s.url = url;
  addRow(s);
  const int row = table_->rowCount() - 1;
  table_->setCurrentCell(row, kUrl);
  if (url.isEmpty() && table_->isVisible()) {
    table_->editItem(table_->item(row, kUrl));
  }
  emit changed();
}

QList<ScoringServer> ServerListEditor::servers() const {
  QList<ScoringServer> out;
  for (int row = 0; row < table_->rowCount(); ++row) {
    ScoringServer s;
    s.url = table_->item(row, kUrl)->text().trimmed();
    if (s.url.isEmpty()) {
      continue;
    }
    s.servedModel = table_->item(row, kModel)->text().trimmed();
    s.apiKeyEnv = table_->item(row, kKeyEnv)->text().trimmed();
    s.concurrency = qobject_cast<QSpinBox*>(table_->cellWidget(row, kConcurrency))->value();
    out << s;
  }
  return out;
}

}  // namespace vs::ui
