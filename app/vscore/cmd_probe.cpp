// vscore probe FILE [--json] [--fast]: container and stream facts of a video file.
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

#include "command.h"
#include "core/media/probe.h"

namespace {

using namespace vs;

QJsonObject toJson(const media::MediaInfo& info) {
  QJsonObject o;
  o.insert(QStringLiteral("file"), info.path);
  o.insert(QStringLiteral("container"), info.container);
  o.insert(QStringLiteral("codec"), info.codec);
  o.insert(QStringLiteral("pix_fmt"), info.pix_fmt);
  o.insert(QStringLiteral("width"), info.width);
  o.insert(QStringLiteral("height"), info.height);
  o.insert(QStringLiteral("coded_width"), info.coded_width);
  o.insert(QStringLiteral("coded_height"), info.coded_height);
  o.insert(QStringLiteral("rotation"), info.rotation_deg);
  o.insert(QStringLiteral("frames"), qint64(info.frames));
  o.insert(QStringLiteral("frames_decoded"), info.frames_decoded);
  o.insert(QStringLiteral("fps"), info.avg_fps);
  o.insert(QStringLiteral("nominal_fps"), info.nominal_fps);
  o.insert(QStringLiteral("duration"), info.duration_s);
  o.insert(QStringLiteral("start_time"), info.start_time_s);
  o.insert(QStringLiteral("vfr"), info.rate_mode == media::FrameRateMode::Variable);
  o.insert(QStringLiteral("audio"), info.has_audio);
  if (!info.warning.isEmpty()) {
    o.insert(QStringLiteral("warning"), info.warning);
  }
  return o;
}

int runProbe(const QStringList& args) {
  QCommandLineParser parser;
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("video file"));
  parser.addOption({QStringLiteral("json"), QStringLiteral("print one JSON object")});
  parser.addOption({QStringLiteral("fast"),
                    QStringLiteral("count frames from the container's packets instead of decoding them")});
  if (!parser.parse(QStringList{QStringLiteral("vscore probe")} + args)) {
    return cli::fail(cli::kExitUsage, parser.errorText());
  }
  if (parser.isSet(QStringLiteral("help"))) {
    cli::out(parser.helpText());
    return cli::kExitOk;
  }
  if (parser.positionalArguments().size() != 1) {
    return cli::fail(cli::kExitUsage, QStringLiteral("usage: vscore probe FILE [--json] [--fast]"));
  }
  const QString file = parser.positionalArguments().first();
  const media::MediaInfo info = media::probe(
      file, parser.isSet(QStringLiteral("fast")) ? media::ProbeDepth::Packets : media::ProbeDepth::Decode);
  if (!info.warning.isEmpty()) {
    cli::err(QStringLiteral("vscore: warning: %1: %2\n").arg(file, info.warning));
  }
  const QJsonObject o = toJson(info);
  if (parser.isSet(QStringLiteral("json"))) {
    cli::out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
    return cli::kExitOk;
  }
  QString text;
  for (auto it = o.begin(); it != o.end(); ++it) {
    text += QStringLiteral("%1: %2\n").arg(it.key(), it.value().toVariant().toString());
  }
  cli::out(text);
  return cli::kExitOk;
}

const cli::CommandRegistration registration(
    {QStringLiteral("probe"), QStringLiteral("probe FILE [--json] [--fast]"),
     QStringLiteral("container, codec, size, exact frame count and timing of a video"), runProbe});

}  // namespace
