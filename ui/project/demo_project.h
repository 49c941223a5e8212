#pragma once
// The demo project: a few prompts, each rendered by four visibly different "generators"
// (sharp, blurred, noisy, washed-out) with the ffmpeg command-line tool, in one .vsproj.
#include <QString>
#include <QStringList>

namespace vs::ui {

struct DemoSpec {
  int prompts = 4;  // 1..4
  int durationS = 3;
  int width = 320;
  int height = 180;
  int fps = 12;
};

struct DemoResult {
  QString projectPath;
  int videos = 0;
};

class DemoProject {
 public:
  // Builds (or rebuilds, when incomplete) the demo in `folder`. Throws vs::Error (Io) when
  // ffmpeg is missing or fails.
  static DemoResult build(const QString& folder, const DemoSpec& spec = {});
  // The default folder: <user data>/demo.
  static QString defaultFolder();
  static QStringList generatorNames();
};

}  // namespace vs::ui
