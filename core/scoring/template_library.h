#pragma once
// Where a query template comes from: the two presets that ship with the program (the release
// template, the default, and the evaluation-script one; inference/rules/query_template.h),
// templates the project's users saved by name in the project file, or a file.
#include <QString>
#include <QStringList>

#include "core/scoring/score_request.h"

namespace vs::store {
class Store;
}

namespace vs::scoring {

QStringList presetTemplateNames();  // "videoscore2" (default), "videoscore2-eval"
bool isPresetTemplate(const QString& name);
QString presetTemplateText(const QString& name);  // empty for a name that is not a preset

// Checks the placeholders as Template.substitute would; throws vs::Error(InvalidData, name).
void checkTemplateText(const QString& name, const QString& text);

// Saves a user template in the project after checking it; a preset's name is refused
// (vs::Error Usage), so a preset always means the byte-exact reference text.
void saveProjectTemplate(store::Store& project, const QString& name, const QString& text);

// `vscore score-template PROJECT list`: the presets ("NAME<tab>preset", the default marked), then
// the templates saved in `project` with when each was saved ("NAME<tab>project, ISO time"), one a line.
QString templateListText(const store::Store& project);

// The text of the template `name`: a preset's, else the one saved in `project`. Throws vs::Error
// (Usage) "PROJECT: no template "NAME"" when it is neither.
QString templateText(const store::Store& project, const QString& name);

// saveProjectTemplate with the text of the file at `path`; vs::Error (Io) "PATH: cannot read".
void saveProjectTemplateFile(store::Store& project, const QString& name, const QString& path);

// Removes the template saved as `name`; the Usage error of templateText when there is none.
void removeProjectTemplate(store::Store& project, const QString& name);

// Points `settings` at the template `nameOrFile`: a preset name, else a template saved in
// `project` (when given), else a readable file. Throws vs::Error: Usage when it is none of
// these, InvalidData when the text has a bad placeholder.
void chooseTemplate(ScoreSettings& settings, const QString& nameOrFile, const store::Store* project);

}  // namespace vs::scoring
