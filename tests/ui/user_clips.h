#pragma once
// A user's own clips for the intake tests, made with the ffmpeg program: `dir`/<generator>/<clip>.mp4
// (the usual generator/clip.mp4 layout), each with a sidecar <clip>.txt holding its prompt.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>

namespace vs::test {

struct UserClip {
  const char* generator;
  const char* clip;
  const char* prompt;
};

inline const UserClip kUserClips[3] = {
    {"sora", "cat", "a cat jumps onto a table"},
    {"sora", "dog", "a dog catches a frisbee"},
    {"pika", "cat", "a cat jumps onto a table"},
};

// Returns an empty string or ffmpeg's complaint.
inline QString makeClip(const QString& path, const QString& colour) {
  QProcess ff;
  ff.start(QStringLiteral("ffmpeg"), {QStringLiteral("-y"),
                                      QStringLiteral("-v"),
                                      QStringLiteral("error"),
                                      QStringLiteral("-f"),
                                      QStringLiteral("lavfi"),
                                      QStringLiteral("-i"),
                                      QStringLiteral("testsrc2=size=96x64:rate=8"),
                                      QStringLiteral("-f"),
                                      QStringLiteral("lavfi"),
                                      QStringLiteral("-i"),
                                      QStringLiteral("color=c=%1:size=96x64:rate=8").arg(colour),
                                      QStringLiteral("-filter_complex"),
                                      QStringLiteral("[0][1]blend=all_mode=average"),
                                      QStringLiteral("-frames:v"),
                                      QStringLiteral("8"),
                                      QStringLiteral("-c:v"),
                                      QStringLiteral("libx264"),
                                      QStringLiteral("-preset"),
                                      QStringLiteral("ultrafast"),
                                      QStringLiteral("-pix_fmt"),
                                      QStringLiteral("yuv420p"),
                                      path});
  if (!ff.waitForFinished(60000) || ff.exitCode() != 0) {
    return QString::fromLocal8Bit(ff.readAllStandardError()) + QStringLiteral(" (ffmpeg)");
  }
  return {};
}

// Writes kUserClips below `dir`; returns an empty string or what failed.
inline QString makeUserClips(const QString& dir) {
  const char* colours[3] = {"red", "green", "blue"};
  for (int i = 0; i < 3; ++i) {
    const UserClip& c = kUserClips[i];
    const QString folder = dir + QLatin1Char('/') + QLatin1String(c.generator);
    QDir().mkpath(folder);
    const QString base = folder + QLatin1Char('/') + QLatin1String(c.clip);
    if (QString e = makeClip(base + QStringLiteral(".mp4"), QLatin1String(colours[i])); !e.isEmpty()) {
      return e;
    }
    QFile text(base + QStringLiteral(".txt"));
    if (!text.open(QIODevice::WriteOnly) || text.write(c.prompt) < 0) {
      return base + QStringLiteral(".txt: cannot write");
    }
  }
  return {};
}

}  // namespace vs::test
