// videoscore-studio [PROJECT] [--demo] [--lang en|zh_CN] [--screenshot FILE]
#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <cstdio>

#include "core/domain/error.h"
#include "ui/window/main_window.h"
#include "ui/window/screenshot_when_ready.h"
#include "ui/window/studio_start.h"
#include "ui/window/typing_guard.h"

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

  const QString language = vs::ui::chooseLanguage(parser.value(lang));
  if (!vs::ui::installTranslations(language)) {
    std::fprintf(stderr, "videoscore-studio: error: --lang: unknown language \"%s\" (en, zh_CN)\n",
                 qPrintable(language));
    return 2;
  }
  vs::ui::TypingGuard guard;
  app.installEventFilter(&guard);
  if (parser.isSet(annotator)) {
    QSettings().setValue(QStringLiteral("annotator/name"), parser.value(annotator));
  }
  QString project;
  try {
    project = vs::ui::projectToOpen(parser.positionalArguments().value(0), parser.isSet(demo));
  } catch (const vs::Error& e) {
    std::fprintf(stderr, "videoscore-studio: error: %s\n", qPrintable(e.full()));
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
