#pragma once
// The File menu's work on a project's contents: adding videos, import, export and relink. Each
// runs as a project task (off the GUI thread, cancellable) and ends in an outcome that says what
// the window shows: a report for a failure, a status-bar line for a cancel or a success, and
// whether the project's videos changed (the window then finds the files again and reloads).
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "core/library/relink.h"

class QWidget;

namespace vs::library {
struct IntakePlan;
}

namespace vs::ui {

struct ExportRequest;
struct ImportRequest;

struct ExchangeOutcome {
  enum class End { Done, Cancelled, Failed };
  End end = End::Done;
  QString title;    // Failed: the report's title
  QString message;  // Failed: the report's text; else the status-bar line (may be empty)
  QString details;  // Failed: the report's details
  int messageMs = 8000;
  bool contentChanged = false;  // Done: the project's videos or items changed
  bool done() const { return end == End::Done; }
};

class ProjectExchange {
  Q_DECLARE_TR_FUNCTIONS(vs::ui::ProjectExchange)

 public:
  // `project`: the open project's path; each task opens its own Store on it.
  static ExchangeOutcome addVideos(QWidget* parent, const QString& project, const library::IntakePlan& plan);
  static ExchangeOutcome importItems(QWidget* parent, const QString& project, const ImportRequest& request);
  static ExchangeOutcome exportItems(QWidget* parent, const QString& project, const ExportRequest& request);
  // Adds `folders` to the media folders and finds the missing videos there; `result` is set when
  // the outcome is Done.
  static ExchangeOutcome relink(QWidget* parent, const QString& project, const QStringList& folders,
                                library::RelinkResult& result);
  // The report shown after File › Relink missing videos.
  static ExchangeOutcome relinkReport(const library::RelinkResult& result);
};

}  // namespace vs::ui
