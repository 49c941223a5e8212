#include "ui/window/theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace vs::ui {

namespace {

QPalette darkPalette() {
  QPalette p;
  const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230), disabled(130, 130, 130);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, QColor(40, 40, 43));
  p.setColor(QPalette::ToolTipBase, window);
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, QColor(55, 55, 58));
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::Highlight, QColor(66, 133, 244));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(120, 170, 255));
  p.setColor(QPalette::PlaceholderText, disabled);
  for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
    p.setColor(QPalette::Disabled, role, disabled);
  }
  return p;
}

QPalette lightPalette() {
  QPalette p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
  p.setColor(QPalette::Highlight, QColor(25, 103, 210));
  return p;
}

// Focus must stay visible whatever the style draws by default (keyboard-first work).
const char* kFocusSheet =
    "QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, "
    "QTreeView:focus, QTableView:focus, QListView:focus, QCheckBox:focus, QPushButton:focus, "
    "QKeySequenceEdit:focus { border: 2px solid palette(highlight); }";

}  // namespace

QString themeName(Theme t) {
  switch (t) {
    case Theme::System:
      return QStringLiteral("system");
    case Theme::Light:
      return QStringLiteral("light");
    case Theme::Dark:
      return QStringLiteral("dark");
  }
  return {};
}

Theme themeFromName(const QString& name) {
  for (Theme t : {Theme::System, Theme::Light, Theme::Dark}) {
    if (themeName(t) == name) {
      return t;
    }
  }
  return Theme::System;
}

void applyTheme(Theme theme) {
  static const QPalette systemPalette = QApplication::palette();
  QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
  switch (theme) {
    case Theme::System:
      QApplication::setPalette(systemPalette);
      break;
    case Theme::Light:
      QApplication::setPalette(lightPalette());
      break;
    case Theme::Dark:
      QApplication::setPalette(darkPalette());
      break;
  }
  qApp->setStyleSheet(QString::fromLatin1(kFocusSheet));
}

}  // namespace vs::ui
