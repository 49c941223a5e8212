#pragma once
// What `vscore probe`, `vscore check-media` and `vscore sample` print about a video file, as
// text or JSON.
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

}  // namespace vs::library
