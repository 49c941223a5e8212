// The process the crash-recovery test kills: opens the project named by VS_CRASH_PROJECT in the
// real window, scores items through the window's actions, prints "committed <n> <videoId>"
// after each edit returns (the store has committed it by then) and waits to be killed.
#include <QAction>
#include <QApplication>
#include <QTimer>
#include <cstdio>

#include "ui/window/action_registry.h"
#include "ui/window/main_window.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("VideoScore"));
  QApplication::setApplicationName(QStringLiteral("VideoScore Studio"));
  vs::ui::MainWindow window;
  if (!window.openProject(qEnvironmentVariable("VS_CRASH_PROJECT"), vs::ui::BusyPolicy::ReadOnly) ||
      window.isReadOnly()) {
    std::fprintf(stdout, "cannot open\n");
    return 1;
  }
  window.show();
  const char* keys[] = {"score.4",      "score.3",          "score.5", "nav.nextUnscored",
                        "score.2",      "score.2",          "score.1", "nav.nextUnscored",
                        "score.accept", "nav.nextUnscored", "score.5", "score.5"};
  int committed = 0;
  QTimer::singleShot(0, &window, [&] {
    for (const char* id : keys) {
      window.actions().action(QString::fromLatin1(id))->trigger();
      if (QString::fromLatin1(id).startsWith(QStringLiteral("score."))) {
        ++committed;
        std::fprintf(stdout, "committed %d %lld\n", committed, static_cast<long long>(window.currentVideo()));
        std::fflush(stdout);
      }
    }
  });
  return app.exec();
}
