#include "core/media/sampler_config.h"

#include <QFile>
#include <QFileInfo>

#include "core/domain/error.h"
#include "inference/base/error.h"

namespace vs::media {

SamplerConfig SamplerConfig::fromPreprocessor(const videoscore2::PreprocessorConfig& p,
                                              const SamplerConfig& base) {
  SamplerConfig c = base;
  c.patch_size = static_cast<int>(p.patch_size);
  c.temporal_patch_size = static_cast<int>(p.temporal_patch_size);
  c.merge_size = static_cast<int>(p.merge_size);
  for (size_t i = 0; i < 3; ++i) {
    c.image_mean[i] = static_cast<float>(p.image_mean[i]);
    c.image_std[i] = static_cast<float>(p.image_std[i]);
  }
  if (p.fps) {
    c.fps = *p.fps;
  }
  return c;
}

SamplerConfig SamplerConfig::fromPreprocessorConfig(const QString& path) {
  return fromPreprocessorConfig(path, SamplerConfig());
}

SamplerConfig SamplerConfig::fromPreprocessorConfig(const QString& path, const SamplerConfig& base) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    throw vs::Error(vs::Error::Kind::Io, path, file.errorString());
  }
  const QByteArray text = file.readAll();
  try {
    return fromPreprocessor(videoscore2::parsePreprocessorConfig(text.toStdString(), path.toStdString()),
                            base);
  } catch (const inference::Error& e) {
    throw vs::Error(vs::Error::Kind::InvalidData, path,
                    QString::fromStdString(e.where().empty() ? e.message() : e.where() + ": " + e.message()));
  }
}

SamplerConfig SamplerConfig::forModel(const QString& modelDir, double fps) {
  SamplerConfig c;
  c.fps = fps;
  const QString path = modelDir + QStringLiteral("/preprocessor_config.json");
  if (modelDir.isEmpty() || !QFileInfo::exists(path)) {
    return c;
  }
  return fromPreprocessorConfig(path, c);
}

}  // namespace vs::media
