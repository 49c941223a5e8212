#pragma once
#include <QMainWindow>

namespace vs::ui {

// The workstation window: queue (left), player grid (centre), score panel (right), jobs dock.
class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
};

}  // namespace vs::ui
