#pragma once
// A modal-free report of the end of some work: an information box over `parent` that closes
// itself, with `details` behind its details button when given.
#include <QString>

class QWidget;

namespace vs::ui {

void showReport(QWidget* parent, const QString& title, const QString& text, const QString& details = {});

}  // namespace vs::ui
