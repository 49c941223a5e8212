// vscore check-media FILE... [--json]: for each file, whether random access is exact (every frame
// read out of order is the picture a sequential decode gives), with the frame count, the frame
// rate and where it came from, and decode errors. Exit 3 when any file is not exact.
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "command.h"
#include "core/domain/error.h"
#include "core/media/media_check.h"

namespace {

using namespace vs;

QJsonObject toJson(const media::MediaCheck& check) {
  QJsonObject o;
  o.insert(QStringLiteral("file"), check.info.path);
  o.insert(QStringLiteral("codec"), check.info.codec);
  o.insert(QStringLiteral("pix_fmt"), check.info.pix_fmt);
  o.insert(QStringLiteral("frames"), qint64(check.info.frames));
  o.insert(QStringLiteral("sequential_frames"), qint64(check.sequential_frames));
  o.insert(QStringLiteral("fps"), check.info.fps);
  o.insert(QStringLiteral("fps_source"), media::fpsSourceName(check.info.fps_source));
  o.insert(QStringLiteral("decode_errors"), qint64(check.decode_errors));
  o.insert(QStringLiteral("random_reads"), qint64(check.random_reads));
  o.insert(QStringLiteral("mismatches"), qint64(check.mismatches));
  o.insert(QStringLiteral("failed_reads"), qint64(check.failed_reads));
  o.insert(QStringLiteral("exact"), check.exact());
  if (!check.exact()) {
    o.insert(QStringLiteral("problem"), check.problem);
    QJsonArray frames;
    for (int64_t n : check.first_mismatches) {
      frames.append(qint64(n));
    }
    o.insert(QStringLiteral("first_bad_frames"), frames);
  }
  return o;
}

QString toText(const media::MediaCheck& check) {
  QString line = QStringLiteral("%1: %2, %3 frames, %4 fps (%5), %6 decode errors, %7 out-of-order reads: ")
                     .arg(check.info.path, check.info.codec)
                     .arg(check.info.frames)
                     .arg(check.info.fps, 0, 'g', 6)
                     .arg(media::fpsSourceName(check.info.fps_source))
                     .arg(check.decode_errors)
                     .arg(check.random_reads);
  if (check.exact()) {
    return line + QStringLiteral("exact\n");
  }
  QStringList frames;
  for (int64_t n : check.first_mismatches) {
    frames << QString::number(n);
  }
  return line +
         QStringLiteral("NOT EXACT: %1 (first: %2)\n").arg(check.problem, frames.join(QStringLiteral(", ")));
}

int runCheckMedia(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("video files"),
                               QStringLiteral("FILE..."));
  parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON array")});
  if (!parser.parse(QStringList{QStringLiteral("vscore check-media")} + args)) {
    return cli::fail(cli::kExitUsage, parser.errorText());
  }
  if (parser.isSet(QStringLiteral("help"))) {
    cli::out(parser.helpText());
    return cli::kExitOk;
  }
  if (parser.positionalArguments().isEmpty()) {
    return cli::fail(cli::kExitUsage, QStringLiteral("usage: vscore check-media FILE... [--json]"));
  }
  const bool json = parser.isSet(QStringLiteral("json"));
  QJsonArray all;
  int code = cli::kExitOk;
  for (const QString& file : parser.positionalArguments()) {
    try {
      const media::MediaCheck check = media::checkMedia(file);
      if (!check.exact()) {
        code = cli::kExitInvalidData;
      }
      if (json) {
        all.append(toJson(check));
      } else {
        cli::out(toText(check));
      }
    } catch (const vs::Error& e) {
      code = cli::kExitInvalidData;
      const QString message = e.full();
      if (json) {
        all.append(QJsonObject{{QStringLiteral("file"), file},
                               {QStringLiteral("exact"), false},
                               {QStringLiteral("problem"), message}});
      } else {
        cli::out(QStringLiteral("%1: cannot read: %2\n").arg(file, message));
      }
    }
  }
  if (json) {
    cli::out(QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Indented)));
  }
  return code;
}

const cli::CommandRegistration registration(
    {QStringLiteral("check-media"), QStringLiteral("check-media FILE... [--json]"),
     QStringLiteral(
         "decode each video in order, then out of order, and report whether random access is exact"),
     runCheckMedia});

}  // namespace
