#pragma once
// Single-key shortcuts (digits, letters, Space, Delete) must never fire while the person types
// in a text field. Installed on the application, this filter accepts the ShortcutOverride event
// for such keys when the focus widget takes text, so Qt delivers the key as typing instead.
// Shortcuts with Ctrl/Alt/Meta (Ctrl+Z, Ctrl+Enter) and Escape still reach their actions.
#include <QObject>

class QKeyEvent;
class QWidget;

namespace vs::ui {

class TypingGuard : public QObject {
  Q_OBJECT
 public:
  explicit TypingGuard(QObject* parent = nullptr);

  static bool takesText(const QWidget* widget);
  static bool isSingleKey(const QKeyEvent* event);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace vs::ui
