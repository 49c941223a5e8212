#include "ui/window/cheat_sheet_overlay.h"

#include <QAction>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

#include "ui/window/action_registry.h"

namespace vs::ui {

CheatSheetOverlay::CheatSheetOverlay(const ActionRegistry& registry, QWidget* parent)
    : QWidget(parent), registry_(registry) {
  setObjectName(QStringLiteral("cheatSheet"));
  setAccessibleName(tr("Keyboard shortcuts"));
  setFocusPolicy(Qt::StrongFocus);
  setAttribute(Qt::WA_StyledBackground, false);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(40, 30, 40, 30);
  panel_ = new QWidget(this);
  panel_->setObjectName(QStringLiteral("cheatSheetPanel"));
  panel_->setAutoFillBackground(true);
  outer->addWidget(panel_, 0, Qt::AlignCenter);
  parent->installEventFilter(this);
  hide();
}

void CheatSheetOverlay::rebuild() {
  delete panel_->layout();
  qDeleteAll(panel_->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly));
  auto* grid = new QGridLayout(panel_);
  grid->setContentsMargins(24, 18, 24, 18);
  grid->setHorizontalSpacing(18);
  auto* title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Keyboard shortcuts")), panel_);
  grid->addWidget(title, 0, 0, 1, 6);

  QStringList categories;
  for (const QString& id : registry_.ids()) {
    const QString c = registry_.category(id);
    if (!categories.contains(c)) {
      categories << c;
    }
  }
  // Categories flow into three column pairs (key, description), filled top to bottom.
  int total = 1;
  for (const QString& id : registry_.ids()) {
    total += registry_.shortcut(id).isEmpty() ? 0 : 1;
  }
  const int perColumn = qMax(8, (total + categories.size() + 2) / 3);
  int column = 0;
  int row = 1;
  for (const QString& category : std::as_const(categories)) {
    if (row > 1 && row + 2 > perColumn + 1) {
      ++column;
      row = 1;
    }
    auto* head = new QLabel(QStringLiteral("<b>%1</b>").arg(category.toHtmlEscaped()), panel_);
    grid->addWidget(head, row++, column * 2, 1, 2);
    for (const QString& id : registry_.ids()) {
      if (registry_.category(id) != category) {
        continue;
      }
      const QKeySequence seq = registry_.shortcut(id);
      if (seq.isEmpty()) {
        continue;
      }
      auto* key = new QLabel(
          QStringLiteral("<code>%1</code>").arg(seq.toString(QKeySequence::NativeText).toHtmlEscaped()),
          panel_);
      key->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
      auto* text = new QLabel(registry_.action(id)->text().remove(QLatin1Char('&')), panel_);
      grid->addWidget(key, row, column * 2);
      grid->addWidget(text, row, column * 2 + 1);
      ++row;
    }
  }
  auto* hint = new QLabel(tr("Press any key to close."), panel_);
  grid->addWidget(hint, perColumn + 2, 0, 1, 6);
}

void CheatSheetOverlay::showOver() {
  rebuild();
  setGeometry(parentWidget()->rect());
  raise();
  show();
  setFocus(Qt::ShortcutFocusReason);
}

bool CheatSheetOverlay::event(QEvent* event) {
  if (event->type() == QEvent::ShortcutOverride) {
    event->accept();  // every key closes the sheet; none reaches an action behind it
    return true;
  }
  return QWidget::event(event);
}

void CheatSheetOverlay::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), QColor(0, 0, 0, 150));
}

void CheatSheetOverlay::keyPressEvent(QKeyEvent* event) {
  const int k = event->key();
  if (k == Qt::Key_Shift || k == Qt::Key_Control || k == Qt::Key_Alt || k == Qt::Key_Meta) {
    return;
  }
  hide();
  event->accept();
}

void CheatSheetOverlay::mousePressEvent(QMouseEvent* event) {
  hide();
  event->accept();
}

bool CheatSheetOverlay::eventFilter(QObject* watched, QEvent* event) {
  if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible()) {
    setGeometry(parentWidget()->rect());
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace vs::ui
