#pragma once
// The questions File › New, Open, Open team project and Open recent ask before a project opens:
// a file to create or open, a team project's URI, or a recently opened project.
#include <QCoreApplication>
#include <QString>
#include <functional>

class QMenu;
class QWidget;

namespace vs::ui {

class ProjectDialogs {
  Q_DECLARE_TR_FUNCTIONS(vs::ui::ProjectDialogs)

 public:
  // A project file to open; empty when cancelled.
  static QString askProjectToOpen(QWidget* parent);
  // Where to create a project (".vsproj" added when the name has no suffix); empty when cancelled.
  // An existing file is not overwritten: the caller refuses it.
  static QString askNewProjectPath(QWidget* parent);
  // A postgresql:// URI, remembered for next time; empty when cancelled, or when the text given
  // is no such URI (reported over `parent`).
  static QString askTeamProjectUri(QWidget* parent);
  // Fills `menu` with the recent projects (the first nine numbered); choosing one calls `open`.
  static void fillRecentMenu(QMenu* menu, const std::function<void(const QString&)>& open);
};

}  // namespace vs::ui
