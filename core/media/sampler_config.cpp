#include "core/media/sampler_config.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/domain/error.h"

namespace vs::media {

static std::array<float, 3> readTriple(const QJsonObject& root, const char* key,
                                       std::array<float, 3> fallback, const QString& path) {
  const QJsonValue v = root.value(QLatin1String(key));
  if (v.isUndefined()) {
    return fallback;
  }
  const QJsonArray a = v.toArray();
  if (a.size() != 3) {
    throw vs::Error(vs::Error::Kind::InvalidData, path, QStringLiteral("%1 must hold 3 numbers").arg(key));
  }
  return {static_cast<float>(a[0].toDouble()), static_cast<float>(a[1].toDouble()),
          static_cast<float>(a[2].toDouble())};
}

static int readPositive(const QJsonObject& root, const char* key, int fallback, const QString& path) {
  const QJsonValue v = root.value(QLatin1String(key));
  if (v.isUndefined()) {
    return fallback;
  }
  const int value = v.toInt(-1);
  if (value <= 0) {
    throw vs::Error(vs::Error::Kind::InvalidData, path,
                    QStringLiteral("%1 must be a positive integer").arg(key));
  }
  return value;
}

SamplerConfig SamplerConfig::fromPreprocessorConfig(const QString& path) {
  return fromPreprocessorConfig(path, SamplerConfig());
}

SamplerConfig SamplerConfig::fromPreprocessorConfig(const QString& path, const SamplerConfig& base) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    throw vs::Error(vs::Error::Kind::Io, path, file.errorString());
  }
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
  if (error.error != QJsonParseError::NoError || !doc.isObject()) {
    throw vs::Error(vs::Error::Kind::InvalidData, path,
                    QStringLiteral("not a JSON object: %1").arg(error.errorString()));
  }
  const QJsonObject root = doc.object();
  SamplerConfig c = base;
  c.patch_size = readPositive(root, "patch_size", c.patch_size, path);
  c.temporal_patch_size = readPositive(root, "temporal_patch_size", c.temporal_patch_size, path);
  c.merge_size = readPositive(root, "merge_size", c.merge_size, path);
  c.image_mean = readTriple(root, "image_mean", c.image_mean, path);
  c.image_std = readTriple(root, "image_std", c.image_std, path);
  if (root.contains(QLatin1String("fps"))) {
    c.fps = root.value(QLatin1String("fps")).toDouble(c.fps);
  }
  return c;
}

}  // namespace vs::media
