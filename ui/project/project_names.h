#pragma once
// How the window names a project: in its title and the recent list, in the settings key of the
// item it was last on, and the annotator name used when the settings give none.
#include <QString>

namespace vs::ui {

// The settings key of the item a project was last on (a hash of the file's absolute path, or of
// a team project's URI).
QString positionKey(const QString& projectPath);

// The file's name, or a team project's "database @ server".
QString projectDisplayName(const QString& project);

// $USER, else "annotator".
QString defaultAnnotator();

}  // namespace vs::ui
