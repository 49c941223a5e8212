#include "ui/dialogs/version_conflict_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vs::ui {
namespace {

QPlainTextEdit* view(const QString& text, const QString& name, QWidget* parent) {
  auto* edit = new QPlainTextEdit(text, parent);
  edit->setReadOnly(true);
  edit->setTabChangesFocus(true);
  edit->setObjectName(name);
  return edit;
}

}  // namespace

VersionConflictDialog::VersionConflictDialog(const QString& what, const QString& theirs, const QString& mine,
                                             QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Changed by someone else"));
  auto* intro = new QLabel(tr("%1 was changed by someone else while you were editing it. Nothing has been "
                              "saved yet: choose which version to keep.")
                               .arg(what),
                           this);
  intro->setWordWrap(true);
  auto* theirsView = view(theirs, QStringLiteral("theirs"), this);
  theirsView->setAccessibleName(tr("Their version"));
  auto* mineView = view(mine, QStringLiteral("mine"), this);
  mineView->setAccessibleName(tr("Your version"));
  auto* theirsLabel = new QLabel(tr("&Their version:"), this);
  theirsLabel->setBuddy(theirsView);
  auto* mineLabel = new QLabel(tr("&Your version:"), this);
  mineLabel->setBuddy(mineView);
  auto* columns = new QHBoxLayout;
  for (auto [label, edit] :
       {std::pair<QLabel*, QPlainTextEdit*>{theirsLabel, theirsView}, {mineLabel, mineView}}) {
    auto* column = new QVBoxLayout;
    column->addWidget(label);
    column->addWidget(edit);
    columns->addLayout(column);
  }
  auto* buttons = new QDialogButtonBox(this);
  auto* useTheirs = buttons->addButton(tr("&Use theirs"), QDialogButtonBox::DestructiveRole);
  useTheirs->setObjectName(QStringLiteral("useTheirs"));
  useTheirs->setToolTip(tr("Drop your changes and keep their version"));
  auto* keepMine = buttons->addButton(tr("&Keep mine"), QDialogButtonBox::AcceptRole);
  keepMine->setObjectName(QStringLiteral("keepMine"));
  keepMine->setToolTip(tr("Save your version on top of theirs"));
  auto* back = buttons->addButton(tr("&Back to editing"), QDialogButtonBox::RejectRole);
  back->setObjectName(QStringLiteral("backToEditing"));
  keepMine->setDefault(true);
  connect(useTheirs, &QPushButton::clicked, this, [this] {
    choice_ = Choice::UseTheirs;
    accept();
  });
  connect(keepMine, &QPushButton::clicked, this, [this] {
    choice_ = Choice::KeepMine;
    accept();
  });
  connect(back, &QPushButton::clicked, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addLayout(columns);
  layout->addWidget(buttons);
  resize(760, 460);
}

VersionConflictDialog::Choice VersionConflictDialog::choose() {
  choice_ = Choice::BackToEditing;
  if (exec() != QDialog::Accepted)
    return Choice::BackToEditing;
  return choice_;
}

}  // namespace vs::ui
