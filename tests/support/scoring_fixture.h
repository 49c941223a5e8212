#pragma once
// What the scoring tests that run the real model start from: a `vscore demo-model` checkpoint
// (the tiny random model) and short ffmpeg test-pattern clips, each made by running the program.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace vs::test {

// Runs `program` to its end (3 minutes at most); its exit code, -1 when it did not end normally.
// A failing program's stderr goes to the test log.
inline int runTool(const QString& program, const QStringList& args) {
  QProcess p;
  p.start(program, args);
  if (!p.waitForFinished(180000) || p.exitStatus() != QProcess::NormalExit)
    return -1;
  if (p.exitCode() != 0)
    qWarning("%s", p.readAllStandardError().constData());
  return p.exitCode();
}

// Writes the demo checkpoint to `dir` with `vscore demo-model`; the exit code.
inline int makeDemoModel(const QString& vscore, const QString& dir, int seed = 7) {
  return runTool(vscore, {QStringLiteral("demo-model"), QStringLiteral("--out"), dir,
                          QStringLiteral("--seed"), QString::number(seed)});
}

// A 2 s test-pattern clip (96x72, 4 fps, yuv420p), its colours turned by `hue` degrees so that
// clips differ; the exit code of ffmpeg.
inline int makeTestPatternClip(const QString& path, int hue) {
  return runTool(
      QStringLiteral("ffmpeg"),
      {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
       QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("testsrc=duration=2:size=96x72:rate=4"),
       QStringLiteral("-vf"), QStringLiteral("hue=h=%1").arg(hue), QStringLiteral("-pix_fmt"),
       QStringLiteral("yuv420p"), path});
}

}  // namespace vs::test
