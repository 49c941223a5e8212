#include "ui/window/typing_guard.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QKeySequenceEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace vs::ui {

TypingGuard::TypingGuard(QObject* parent) : QObject(parent) {}

bool TypingGuard::takesText(const QWidget* widget) {
  for (const QWidget* w = widget; w; w = w->parentWidget()) {
    if (auto* line = qobject_cast<const QLineEdit*>(w)) {
      return !line->isReadOnly();
    }
    if (auto* text = qobject_cast<const QTextEdit*>(w)) {
      return !text->isReadOnly();
    }
    if (auto* plain = qobject_cast<const QPlainTextEdit*>(w)) {
      return !plain->isReadOnly();
    }
    if (auto* spin = qobject_cast<const QAbstractSpinBox*>(w)) {
      return !spin->isReadOnly();
    }
    if (qobject_cast<const QKeySequenceEdit*>(w)) {
      return true;
    }
    if (auto* combo = qobject_cast<const QComboBox*>(w)) {
      return combo->isEditable();
    }
  }
  return false;
}

bool TypingGuard::isSingleKey(const QKeyEvent* event) {
  const Qt::KeyboardModifiers mods =
      event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
  if (mods != Qt::NoModifier) {
    return false;
  }
  const int key = event->key();
  if (key == Qt::Key_Escape || (key >= Qt::Key_F1 && key <= Qt::Key_F35)) {
    return false;
  }
  return true;
}

bool TypingGuard::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::ShortcutOverride) {
    auto* key = static_cast<QKeyEvent*>(event);
    if (isSingleKey(key) && takesText(QApplication::focusWidget())) {
      key->accept();  // deliver as a key press to the text field, not to a shortcut
      return false;
    }
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace vs::ui
