#pragma once
// A data file into a project, all or nothing (`vscore import`): the file is mapped, its format
// detected (or named), people's preferences go to their own table in one transaction, and items
// are parsed on one thread (ImportPipe) while they are written on another, in one transaction;
// any invalid item rolls it back, and a file that is wrong from its first item never opens the
// project.
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace vs::store {
class Store;
}

namespace vs::interop {

struct ImportRequest {
  QString project;
  QString file;
  QString format = QStringLiteral("auto");        // a format name or "auto" (content and extension)
  std::optional<QString> annotator;               // default "default"; prediction files: "gt"
  QString model = QStringLiteral("VideoScore2");  // prediction files: the model annotator
  QString modelId;
  int busyTimeoutMs = 5000;  // negative: a usage error once the file is read and the project is to be opened
  QStringList videoFolders;  // checked to be folders before the project is opened
  // Called every 1024 items with (source line, lines in the file); none: lines not counted.
  std::function<void(qint64, qint64)> progress;
  // After the items are written, with the project still open (finding the items' videos);
  // returns text appended to the summary line.
  std::function<QString(store::Store&)> afterWrite;
};

struct ImportReport {
  QString summary;  // "imported N items from FILE (FORMAT): ...\n"
  QString timings;  // "read 3 ms (cpu 2 ms), ..." each phase's wall and CPU time
};

// Throws vs::Error: Io for a missing project or an unreadable file, InvalidData for a file that
// is missing, empty, unrecognised or invalid, Usage for an unknown format name.
ImportReport importFile(const ImportRequest& request);

}  // namespace vs::interop
