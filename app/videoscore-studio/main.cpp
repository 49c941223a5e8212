// videoscore-studio [PROJECT] [--demo] [--lang en|zh_CN] [--screenshot FILE]
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <cstdio>

#include "core/domain/error.h"
#include "ui/project/demo_project.h"
#include "ui/window/main_window.h"
#include "ui/window/screenshot_when_ready.h"
#include "ui/window/typing_guard.h"
#include "core/store/store.h"

namespace {

// The UI language: --lang, else the system's (Chinese locales get zh_CN), else English.
QString chooseLanguage(const QString& requested) {
  if (!requested.isEmpty()) {
    return requested;
  }
  return QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("VideoScore Studio"));
  QApplication::setOrganizationName(QStringLiteral("VideoScore"));
  QApplication::setApplicationVersion(QStringLiteral(VS_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("org.videoscore.Studio"));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Judge AI-generated videos with VideoScore2."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file (.vsproj) to open."),
                               QStringLiteral("[PROJECT]"));
  const QCommandLineOption demo(QStringLiteral("demo"),
                                QStringLiteral("Build the demo project (generated clips) and open it."));
  const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Interface language: en or zh_CN."),
                                QStringLiteral("code"));
  const QCommandLineOption screenshot(
      QStringLiteral("screenshot"),
      QStringLiteral("Save the window as PNG once first frames and model results are drawn, then exit."),
      QStringLiteral("file"));
  const QCommandLineOption annotator(QStringLiteral("annotator"),
                                     QStringLiteral("Your name in the project (default: the saved one)."),
                                     QStringLiteral("name"));
  parser.addOptions({demo, lang, screenshot, annotator});
  parser.process(app);

  const QString language = chooseLanguage(parser.value(lang));
  if (language != QStringLiteral("en") && language != QStringLiteral("zh_CN")) {
    std::fprintf(stderr, "videoscore-studio: error: --lang: unknown language \"%s\" (en, zh_CN)\n",
                 qPrintable(language));
    return 2;
  }
  QTranslator ours;
  QTranslator qtBase;
  if (ours.load(QStringLiteral(":/i18n/videoscore_%1.qm").arg(language))) {
    QApplication::installTranslator(&ours);
  }
  if (qtBase.load(QStringLiteral("qtbase_%1").arg(language),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QApplication::installTranslator(&qtBase);
  }
  vs::ui::TypingGuard guard;
  app.installEventFilter(&guard);
  if (parser.isSet(annotator)) {
    QSettings().setValue(QStringLiteral("annotator/name"), parser.value(annotator));
  }

  QString project = parser.positionalArguments().value(0);
  if (parser.isSet(demo)) {
    try {
      std::fprintf(stderr, "videoscore-studio: building the demo project in %s\n",
                   qPrintable(vs::ui::DemoProject::defaultFolder()));
      project = vs::ui::DemoProject::build(vs::ui::DemoProject::defaultFolder()).projectPath;
    } catch (const vs::Error& e) {
      std::fprintf(stderr, "videoscore-studio: error: %s\n", qPrintable(e.full()));
      return 1;
    }
  } else if (project.isEmpty()) {
    const QString last = QSettings().value(QStringLiteral("session/lastProject")).toString();
    if (vs::store::projectExists(last)) {
      project = last;
    }
  }
  if (!project.isEmpty() && !vs::store::projectExists(project)) {
    std::fprintf(stderr, "videoscore-studio: error: %s: no such project file\n", qPrintable(project));
    return 1;
  }

  vs::ui::MainWindow window;
  const bool unattended = parser.isSet(screenshot);
  if (!project.isEmpty()) {
    window.openProject(project, unattended ? vs::ui::BusyPolicy::ReadOnly : vs::ui::BusyPolicy::Ask);
  }
  if (parser.isSet(demo)) {
    window.startDemoScoring();
  }
  window.show();
  if (unattended) {
    new vs::ui::ScreenshotWhenReady(window, parser.value(screenshot), 180000, &window);
  }
  return app.exec();
}
