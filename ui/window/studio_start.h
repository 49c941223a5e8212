#pragma once
// What videoscore-studio settles from its command line before the window shows: the interface
// language and its translations, and which project to open.
#include <QString>

namespace vs::ui {

// The interface language: `requested` (--lang) when given, else the system's (Chinese locales
// get zh_CN), else English.
QString chooseLanguage(const QString& requested);

// Installs the program's translations of `language` (":/i18n/videoscore_<language>.qm") and Qt's
// own (qtbase_<language>) on the application, for as long as it runs, where they are found.
// False, and nothing installed, for a language other than "en" and "zh_CN".
bool installTranslations(const QString& language);

// The project the window opens: with `demo`, the demo project built now in its default folder
// (saying so on stderr first); else `requested`; else the last project opened (the settings'
// session/lastProject) when it still exists; empty for none. Throws vs::Error: Io "PROJECT: no
// such project file" for a requested project that is not there, or what building the demo threw.
QString projectToOpen(const QString& requested, bool demo);

}  // namespace vs::ui
