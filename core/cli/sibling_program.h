#pragma once
// The programs installed next to vscore (vscore-worker, vscore-full).
#include <QStringList>

namespace vs::cli {

// Path of `name` next to this program (installed), else where the build tree puts it
// (app/<name>/<name>, seen from a program in app/<folder>/ or in tests/<folder>/), else the bare
// name, for a PATH lookup.
QString siblingProgram(const QString& name);

// Runs the sibling `name` with `args`, its stdin, stdout and stderr this program's, and returns
// its exit code; 1 with a "vscore: error:" line when it cannot start or crashes.
int runSiblingProgram(const QString& name, const QStringList& args);

}  // namespace vs::cli
