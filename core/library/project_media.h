#pragma once
// The video steps on a project named by path, as `vscore add-videos` and `vscore relink` run
// them: a user's files planned, probed and added (all or nothing), and missing videos found again
// in folders; with what they print.
#include <QJsonObject>
#include <QString>
#include <optional>

#include "core/library/relink.h"
#include "core/library/video_intake.h"

namespace vs::library {

// `promptsFile`: a PromptMap file for options.prompts. Returns the problems (nothing added) or
// what was added. Throws vs::Error: Io for a missing project, InvalidData when no video file is
// found or the prompts file is malformed.
IntakeResult addVideosToProject(const QString& project, const QStringList& paths, IntakeOptions options,
                                const std::optional<QString>& promptsFile, const Progress& progress);
// "FILE: reason" per line.
QString intakeProblemsText(const QVector<IntakeProblem>& problems);

// Throws vs::Error Io for a folder that is none or a missing project.
RelinkResult relinkProject(const QString& project, const QStringList& folders, const Progress& progress);
QString relinkText(const RelinkResult& result);
QJsonObject relinkJson(const RelinkResult& result);
// What `vscore import --videos` prints of its relink: "missing video: NAME" lines, at most
// `shown` of them then "... and N more missing", and the summary's "; videos: F found, M missing"
// (F counts the videos linked before too).
QString missingVideosText(const RelinkResult& result, qsizetype shown = 20);
QString importedVideosSummary(const RelinkResult& result);

}  // namespace vs::library
