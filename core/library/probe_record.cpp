#include "core/library/probe_record.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/media/probe.h"

namespace vs::library {

QString probeRecordJson(const ProbeRecord& record) {
  const media::MediaInfo& i = record.info;
  QJsonObject o{{QStringLiteral("container"), i.container},
                {QStringLiteral("codec"), i.codec},
                {QStringLiteral("pix_fmt"), i.pix_fmt},
                {QStringLiteral("coded_width"), i.coded_width},
                {QStringLiteral("coded_height"), i.coded_height},
                {QStringLiteral("width"), i.width},
                {QStringLiteral("height"), i.height},
                {QStringLiteral("rotation_deg"), i.rotation_deg},
                {QStringLiteral("frames"), static_cast<qint64>(i.frames)},
                {QStringLiteral("avg_fps"), i.avg_fps},
                {QStringLiteral("nominal_fps"), i.nominal_fps},
                {QStringLiteral("duration_s"), i.duration_s},
                {QStringLiteral("start_time_s"), i.start_time_s},
                {QStringLiteral("vfr"), i.rate_mode == media::FrameRateMode::Variable},
                {QStringLiteral("has_audio"), i.has_audio},
                {QStringLiteral("warning"), i.warning},
                {QStringLiteral("file_size"), record.fileSize},
                {QStringLiteral("file_mtime_ms"), record.fileModifiedMs}};
  if (!record.seekIndex.isEmpty()) {
    o.insert(QStringLiteral("seek_index"), QString::fromLatin1(record.seekIndex.toBase64()));
  }
  return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<ProbeRecord> parseProbeRecord(const QString& json) {
  if (json.isEmpty())
    return std::nullopt;
  const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
  if (!doc.isObject())
    return std::nullopt;
  const QJsonObject o = doc.object();
  ProbeRecord r;
  media::MediaInfo& i = r.info;
  i.container = o.value(QStringLiteral("container")).toString();
  i.codec = o.value(QStringLiteral("codec")).toString();
  i.pix_fmt = o.value(QStringLiteral("pix_fmt")).toString();
  i.coded_width = o.value(QStringLiteral("coded_width")).toInt();
  i.coded_height = o.value(QStringLiteral("coded_height")).toInt();
  i.width = o.value(QStringLiteral("width")).toInt();
  i.height = o.value(QStringLiteral("height")).toInt();
  i.rotation_deg = o.value(QStringLiteral("rotation_deg")).toInt();
  i.frames = o.value(QStringLiteral("frames")).toInteger();
  i.avg_fps = o.value(QStringLiteral("avg_fps")).toDouble();
  i.nominal_fps = o.value(QStringLiteral("nominal_fps")).toDouble();
  i.duration_s = o.value(QStringLiteral("duration_s")).toDouble();
  i.start_time_s = o.value(QStringLiteral("start_time_s")).toDouble();
  i.rate_mode = o.value(QStringLiteral("vfr")).toBool() ? media::FrameRateMode::Variable
                                                        : media::FrameRateMode::Constant;
  i.has_audio = o.value(QStringLiteral("has_audio")).toBool();
  i.warning = o.value(QStringLiteral("warning")).toString();
  r.fileSize = o.value(QStringLiteral("file_size")).toInteger(-1);
  r.fileModifiedMs = o.value(QStringLiteral("file_mtime_ms")).toInteger(-1);
  r.seekIndex = QByteArray::fromBase64(o.value(QStringLiteral("seek_index")).toString().toLatin1());
  return r;
}

ProbeRecord probeFile(const QString& path, const QString& contentKey) {
  ProbeRecord r;
  r.info = media::probe(path, media::ProbeDepth::Packets, &r.seekIndex, contentKey);
  const QFileInfo file(path);
  r.fileSize = file.size();
  r.fileModifiedMs = file.lastModified().toMSecsSinceEpoch();
  return r;
}

}  // namespace vs::library
