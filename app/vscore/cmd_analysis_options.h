#pragma once
// Options shared by the analysis commands (audit, agreement, pairwise, rank).
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

#include "command.h"
#include "core/analysis/bootstrap.h"
#include "core/store/store.h"

namespace vs::cli {

inline void addBootstrapOptions(QCommandLineParser& parser) {
  parser.addOption({QStringLiteral("bootstrap"),
                    QStringLiteral("bootstrap resamples for 95% intervals, 0 for none (default 1000)"),
                    QStringLiteral("N"), QStringLiteral("1000")});
  parser.addOption({QStringLiteral("seed"), QStringLiteral("bootstrap seed (default 20250926)"),
                    QStringLiteral("SEED"), QStringLiteral("20250926")});
}

// False (after printing the error) when a value is not a number.
inline bool readBootstrapOptions(const QCommandLineParser& parser, analysis::BootstrapOptions* out) {
  bool ok1 = false, ok2 = false;
  out->resamples = parser.value(QStringLiteral("bootstrap")).toInt(&ok1);
  out->seed = parser.value(QStringLiteral("seed")).toULongLong(&ok2);
  if (!ok1 || !ok2 || out->resamples < 0) {
    fail(kExitUsage, QStringLiteral("--bootstrap and --seed take non-negative integers"));
    return false;
  }
  return true;
}

// A project file: the .vsproj extension or an SQLite header.
inline bool isProjectFile(const QString& path) {
  if (store::isDatabaseProject(path))
    return true;  // a team project on PostgreSQL
  if (QFileInfo(path).suffix().compare(QLatin1String("vsproj"), Qt::CaseInsensitive) == 0) {
    return true;
  }
  QFile f(path);
  return f.open(QIODevice::ReadOnly) && f.read(16) == QByteArray("SQLite format 3\0", 16);
}

}  // namespace vs::cli
