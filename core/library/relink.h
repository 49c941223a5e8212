#pragma once
// Finding a project's videos again after their folder moved: the folders given are added to
// the project's media folders (after those it has), then every video whose stored path names no
// file is looked up by the VideoLocator rule. A video found gets its new path; one never probed
// (imported from a data file) is probed now; one whose content key differs from the stored one
// keeps its old key and probe, so it shows as `changed` until it is added again.
#include <QStringList>

#include "core/library/video_intake.h"

namespace vs::store {
class Store;
}

namespace vs::library {

struct RelinkResult {
  QStringList found;    // video names newly linked
  QStringList changed;  // of those, the ones whose content differs from what was probed
  QStringList missing;  // still without a file
  qint64 alreadyLinked = 0;
  bool cancelled = false;
};

// `folders`: as the user gave them (made absolute). All written in one transaction at the end;
// a cancel writes nothing, the media folders included.
RelinkResult relink(store::Store& store, const QStringList& folders, const Progress& progress = {});

}  // namespace vs::library
