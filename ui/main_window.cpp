#include "ui/main_window.h"

#include <QLabel>

namespace vs::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("VideoScore Studio"));
  auto* placeholder = new QLabel(tr("Open a project to start judging videos."), this);
  placeholder->setAlignment(Qt::AlignCenter);
  setCentralWidget(placeholder);
  resize(1280, 800);
}

}  // namespace vs::ui
