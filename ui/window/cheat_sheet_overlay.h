#pragma once
// The keyboard map drawn over the window on `?`: every registered action with its current
// shortcut, grouped by category. Any key or click closes it.
#include <QWidget>

namespace vs::ui {

class ActionRegistry;

class CheatSheetOverlay : public QWidget {
  Q_OBJECT
 public:
  CheatSheetOverlay(const ActionRegistry& registry, QWidget* parent);

  void showOver();  // fills the parent, rebuilds the list from the current shortcuts, takes focus

 protected:
  bool event(QEvent* event) override;
  void paintEvent(QPaintEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void rebuild();
  const ActionRegistry& registry_;
  QWidget* panel_ = nullptr;
};

}  // namespace vs::ui
