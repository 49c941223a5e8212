#include "ui/window/report_box.h"

#include <QMessageBox>

namespace vs::ui {

void showReport(QWidget* parent, const QString& title, const QString& text, const QString& details) {
  auto* box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, parent);
  box->setObjectName(QStringLiteral("reportBox"));
  box->setAttribute(Qt::WA_DeleteOnClose);
  if (!details.isEmpty()) {
    box->setDetailedText(details);
  }
  box->open();
}

}  // namespace vs::ui
