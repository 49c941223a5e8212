#include "core/library/media_extensions.h"

#include <QFileInfo>

namespace vs::library {

const QStringList& videoExtensions() {
  static const QStringList extensions = {
      QStringLiteral("mp4"), QStringLiteral("webm"), QStringLiteral("mov"),  QStringLiteral("mkv"),
      QStringLiteral("avi"), QStringLiteral("m4v"),  QStringLiteral("gif"),  QStringLiteral("ogv"),
      QStringLiteral("ogg"), QStringLiteral("mpg"),  QStringLiteral("mpeg"), QStringLiteral("ts"),
      QStringLiteral("mts"), QStringLiteral("m2ts"), QStringLiteral("wmv"),  QStringLiteral("flv"),
      QStringLiteral("3gp"), QStringLiteral("y4m")};
  return extensions;
}

bool hasVideoExtension(const QString& fileName) {
  return videoExtensions().contains(QFileInfo(fileName).suffix().toLower());
}

}  // namespace vs::library
