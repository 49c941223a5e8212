#pragma once
// Test clips and folders for the core/library tests: real files written by the ffmpeg program.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QTest>

namespace vs::library::test {

inline QString tmpRoot() {
  const QString dir =
      qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vs_library_test"));
  QDir().mkpath(dir);
  return dir;
}

// A fresh, empty folder under the test's temporary folder.
inline QString freshDir(const QString& name) {
  QDir dir(tmpRoot() + QLatin1Char('/') + name);
  dir.removeRecursively();
  QDir().mkpath(dir.path());
  return dir.path();
}

// An H.264 (or other, by extension) clip of `frames` frames at 64x48; `seed` changes the picture.
inline bool makeClip(const QString& path, int frames = 4, int seed = 0) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QProcess ffmpeg;
  ffmpeg.start(
      qEnvironmentVariable("VS_FFMPEG", QStringLiteral("ffmpeg")),
      {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
       QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
       QStringLiteral("testsrc2=size=64x48:rate=8,hue=h=%1").arg(seed * 40), QStringLiteral("-frames:v"),
       QString::number(frames), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), path});
  return ffmpeg.waitForFinished(60000) && ffmpeg.exitStatus() == QProcess::NormalExit &&
         ffmpeg.exitCode() == 0;
}

inline void writeText(const QString& path, const QByteArray& text) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
  f.write(text);
}

inline QByteArray fileBytes(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace vs::library::test
