#include "core/library/media_report.h"

#include <QJsonArray>
#include <QStringList>
#include <QVariant>
#include <string>

#include "core/domain/error.h"
#include "core/media/frame_decoder.h"
#include "core/media/frame_image.h"
#include "inference/base/error.h"
#include "inference/safetensors/safetensors_writer.h"

namespace vs::library {

QJsonObject probeJson(const media::MediaInfo& info) {
  QJsonObject o{{QStringLiteral("file"), info.path},
                {QStringLiteral("container"), info.container},
                {QStringLiteral("codec"), info.codec},
                {QStringLiteral("pix_fmt"), info.pix_fmt},
                {QStringLiteral("width"), info.width},
                {QStringLiteral("height"), info.height},
                {QStringLiteral("coded_width"), info.coded_width},
                {QStringLiteral("coded_height"), info.coded_height},
                {QStringLiteral("rotation"), info.rotation_deg},
                {QStringLiteral("frames"), qint64(info.frames)},
                {QStringLiteral("frames_decoded"), info.frames_decoded},
                {QStringLiteral("fps"), info.avg_fps},
                {QStringLiteral("nominal_fps"), info.nominal_fps},
                {QStringLiteral("duration"), info.duration_s},
                {QStringLiteral("start_time"), info.start_time_s},
                {QStringLiteral("vfr"), info.rate_mode == media::FrameRateMode::Variable},
                {QStringLiteral("audio"), info.has_audio}};
  if (!info.warning.isEmpty())
    o.insert(QStringLiteral("warning"), info.warning);
  return o;
}

QString probeText(const media::MediaInfo& info) {
  const QJsonObject o = probeJson(info);
  QString text;
  for (auto it = o.begin(); it != o.end(); ++it)
    text += QStringLiteral("%1: %2\n").arg(it.key(), it.value().toVariant().toString());
  return text;
}

QJsonObject mediaCheckJson(const media::MediaCheck& check) {
  QJsonObject o{{QStringLiteral("file"), check.info.path},
                {QStringLiteral("codec"), check.info.codec},
                {QStringLiteral("pix_fmt"), check.info.pix_fmt},
                {QStringLiteral("frames"), qint64(check.info.frames)},
                {QStringLiteral("sequential_frames"), qint64(check.sequential_frames)},
                {QStringLiteral("fps"), check.info.fps},
                {QStringLiteral("fps_source"), media::fpsSourceName(check.info.fps_source)},
                {QStringLiteral("decode_errors"), qint64(check.decode_errors)},
                {QStringLiteral("random_reads"), qint64(check.random_reads)},
                {QStringLiteral("mismatches"), qint64(check.mismatches)},
                {QStringLiteral("failed_reads"), qint64(check.failed_reads)},
                {QStringLiteral("exact"), check.exact()}};
  if (!check.exact()) {
    o.insert(QStringLiteral("problem"), check.problem);
    QJsonArray frames;
    for (int64_t n : check.first_mismatches)
      frames.append(qint64(n));
    o.insert(QStringLiteral("first_bad_frames"), frames);
  }
  return o;
}

QString mediaCheckText(const media::MediaCheck& check) {
  const QString line =
      QStringLiteral("%1: %2, %3 frames, %4 fps (%5), %6 decode errors, %7 out-of-order reads: ")
          .arg(check.info.path, check.info.codec)
          .arg(check.info.frames)
          .arg(check.info.fps, 0, 'g', 6)
          .arg(media::fpsSourceName(check.info.fps_source))
          .arg(check.decode_errors)
          .arg(check.random_reads);
  if (check.exact())
    return line + QStringLiteral("exact\n");
  QStringList frames;
  for (int64_t n : check.first_mismatches)
    frames << QString::number(n);
  return line +
         QStringLiteral("NOT EXACT: %1 (first: %2)\n").arg(check.problem, frames.join(QStringLiteral(", ")));
}

QJsonObject unreadableJson(const QString& file, const QString& problem) {
  return QJsonObject{
      {QStringLiteral("file"), file}, {QStringLiteral("exact"), false}, {QStringLiteral("problem"), problem}};
}

QString unreadableText(const QString& file, const QString& problem) {
  return QStringLiteral("%1: cannot read: %2\n").arg(file, problem);
}

QJsonObject sampleJson(const QString& file, const media::SampledVideo& s,
                       const media::SamplerConfig& config) {
  QJsonArray indices;
  QJsonArray times;
  for (size_t i = 0; i < s.indices.size(); ++i) {
    indices.append(qint64(s.indices[i]));
    if (i < s.times_s.size())
      times.append(s.times_s[i]);
  }
  const int64_t ps = config.patch_size;
  const int64_t gt = (s.nframes + config.temporal_patch_size - 1) / config.temporal_patch_size;
  const qint64 tokens =
      gt * (s.resized.height / ps) * (s.resized.width / ps) / (config.merge_size * config.merge_size);
  return QJsonObject{{QStringLiteral("file"), file},
                     {QStringLiteral("total_frames"), qint64(s.total_frames)},
                     {QStringLiteral("video_fps"), s.video_fps},
                     {QStringLiteral("nframes"), qint64(s.nframes)},
                     {QStringLiteral("indices"), indices},
                     {QStringLiteral("times"), times},
                     {QStringLiteral("source_height"), s.source_height},
                     {QStringLiteral("source_width"), s.source_width},
                     {QStringLiteral("height"), s.resized.height},
                     {QStringLiteral("width"), s.resized.width},
                     {QStringLiteral("grid_thw"),
                      QJsonArray{qint64(gt), qint64(s.resized.height / ps), qint64(s.resized.width / ps)}},
                     {QStringLiteral("video_tokens"), tokens},
                     {QStringLiteral("second_per_grid_ts"), s.second_per_grid_t}};
}

void writeSampleTensors(const media::SampledVideo& s, const QString& path) {
  safetensors::SafetensorsWriter writer;
  writer.addF32("pixel_values_videos", {s.pixels.rows, s.pixels.cols}, s.pixels.values);
  const std::vector<int64_t> grid(s.pixels.grid_thw.begin(), s.pixels.grid_thw.end());
  writer.add("video_grid_thw", safetensors::Dtype::I64, {1, 3}, grid.data(), grid.size() * sizeof(int64_t));
  std::string indices;
  for (int64_t i : s.indices)
    indices += (indices.empty() ? "" : ",") + std::to_string(i);
  writer.setMetadata("indices", indices);
  writer.setMetadata("second_per_grid_ts", std::to_string(s.second_per_grid_t));
  try {
    writer.write(path.toStdString());
  } catch (const inference::Error& e) {
    throw vs::Error(vs::Error::Kind::Io, QString(), QString::fromStdString(e.what()));
  }
}

void writeFramePng(const QString& file, qint64 index, const QString& out) {
  media::DecoderOptions options;
  options.cache_budget_mb = 0;
  media::FrameDecoder decoder(file, options);
  if (!media::toQImage(decoder.frame(index)).save(out, "PNG"))
    throw Error(Error::Kind::Io, out, QStringLiteral("cannot write PNG"));
}

}  // namespace vs::library
