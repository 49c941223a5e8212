#pragma once
// The reference for frame-exact reads: per-frame MD5s of the ffmpeg program's own sequential
// decode (every decoded picture: passthrough, no frame dropped or duplicated for timing; no
// rotation filter, the planes as decoded). `single_threaded`: the ffmpeg program's output for a
// damaged stream changes with its decoder threads (error concealment in frame threads depends on
// their timing); -threads 1 is the one decode that is the same every time.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace vs::media::test {

inline QStringList ffmpegFrameMd5(const QString& file, bool single_threaded = false) {
  QProcess ffmpeg;
  QStringList args{"-nostdin", "-v", "error", "-noautorotate"};
  if (single_threaded) {
    args << QStringLiteral("-threads") << QStringLiteral("1");
  }
  args << QStringList{"-i", file, "-map", "0:v:0", "-fps_mode", "passthrough", "-f", "framemd5", "-"};
  ffmpeg.start(qEnvironmentVariable("VS_FFMPEG", QStringLiteral("ffmpeg")), args);
  if (!ffmpeg.waitForFinished(120000) || ffmpeg.exitCode() != 0) {
    return {};
  }
  QStringList md5s;
  for (const QByteArray& line : ffmpeg.readAllStandardOutput().split('\n')) {
    if (line.isEmpty() || line.startsWith('#')) {
      continue;
    }
    md5s << QString::fromLatin1(line.split(',').last().trimmed());
  }
  return md5s;
}

}  // namespace vs::media::test
