// videoscore-studio [PROJECT] [--demo] [--lang en|zh_CN] [--screenshot FILE]
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "ui/main_window.h"

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
  parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file (.vsproj) to open."));
  const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                      QStringLiteral("Save the window as PNG once drawn, then exit."),
                                      QStringLiteral("file"));
  parser.addOption(screenshot);
  parser.process(app);

  vs::ui::MainWindow window;
  window.show();
  if (parser.isSet(screenshot)) {
    const QString file = parser.value(screenshot);
    QTimer::singleShot(500, &window, [&window, file] {
      const bool ok = window.grab().save(file, "PNG");
      QApplication::exit(ok ? 0 : 1);
    });
  }
  return app.exec();
}
