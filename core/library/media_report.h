#pragma once
// What `vscore probe`, `vscore check-media` and `vscore sample` print about a video file, as
// text or JSON, the tensors `vscore sample --dump` writes and the PNG of `vscore frame`.
#include <QJsonObject>
#include <QString>

#include "core/media/media_check.h"
#include "core/media/probe.h"
#include "core/media/qwen_sampler.h"

namespace vs::library {

QJsonObject probeJson(const media::MediaInfo& info);
QString probeText(const media::MediaInfo& info);  // "key: value" per line of probeJson

QJsonObject mediaCheckJson(const media::MediaCheck& check);
QString mediaCheckText(const media::MediaCheck& check);
// A file that could not be read at all.
QJsonObject unreadableJson(const QString& file, const QString& problem);
QString unreadableText(const QString& file, const QString& problem);

// The frames the model sees and their grid (qwen-vl-utils rules).
QJsonObject sampleJson(const QString& file, const media::SampledVideo& s, const media::SamplerConfig& config);

// Writes the model's input as safetensors: pixel_values_videos (F32, rows x cols) and
// video_grid_thw (I64, 1 x 3), with the metadata "indices" (comma-separated) and
// "second_per_grid_ts". Throws vs::Error (Io) when the file cannot be written.
void writeSampleTensors(const media::SampledVideo& s, const QString& path);

// Writes frame `index` (0-based, presentation order) of the video `file` as PNG at display size.
// Throws vs::Error: the decoder's for an unreadable video or a frame not in it, Io "OUT: cannot
// write PNG".
void writeFramePng(const QString& file, qint64 index, const QString& out);

}  // namespace vs::library
