#pragma once
// Putting the files of an IntakePlan into a project: every file is probed (in parallel) and its
// content key taken; only when all of them are readable video is anything written, then all of
// them in one transaction. A cancelled or refused intake leaves the project as it was.
#include <QVector>
#include <functional>

#include "core/library/intake_plan.h"
#include "core/store/store_types.h"

namespace vs::store {
class Store;
}

namespace vs::library {

// Called on the calling thread now and then with (files done, files total); returning false
// cancels. May be empty.
using Progress = std::function<bool(qint64 done, qint64 total)>;

struct ProbedFile {
  QString file;
  QString contentKey;
  QString probeJson;
  QString error;  // why the file cannot be used; empty when it probed
};

// Probes `files` on up to `threads` threads (0: one per core), results in the order given.
// Returns an empty vector when cancelled.
QVector<ProbedFile> probeFiles(const QStringList& files, const Progress& progress, int threads = 0);

struct IntakeResult {
  qint64 added = 0;                 // new videos
  qint64 updated = 0;               // videos of the same name whose file is now the one given
  QVector<IntakeProblem> problems;  // unreadable files, names taken by other files; nothing written
  bool cancelled = false;
};

// Probes the plan's files and adds them (see above). Problems already in the plan refuse the
// intake before any probing.
IntakeResult addVideos(store::Store& store, const IntakePlan& plan, const Progress& progress = {});

}  // namespace vs::library
