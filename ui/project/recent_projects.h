#pragma once
// File › Open recent: the projects opened last, newest first, kept in QSettings under
// "session/recentProjects". Entries whose file is gone are dropped when the list is read.
#include <QStringList>

class QSettings;

namespace vs::ui {

class RecentProjects {
 public:
  static constexpr int kMaxEntries = 10;
  static QStringList load(QSettings& settings);  // prunes missing files (and writes the pruned list)
  static void add(QSettings& settings, const QString& path);
};

}  // namespace vs::ui
