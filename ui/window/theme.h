#pragma once
// Light and dark themes on the Fusion style, or the system's own palette. A visible focus frame
// is drawn on every focusable input in all of them.
#include <QString>

class QApplication;

namespace vs::ui {

enum class Theme { System, Light, Dark };

QString themeName(Theme t);  // "system", "light", "dark"
Theme themeFromName(const QString& name);
void applyTheme(Theme theme);

}  // namespace vs::ui
