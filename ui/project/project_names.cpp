#include "ui/project/project_names.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>

#include "core/store/store.h"

namespace vs::ui {

QString positionKey(const QString& projectPath) {
  const QString key =
      store::isDatabaseProject(projectPath) ? projectPath : QFileInfo(projectPath).absoluteFilePath();
  const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1);
  return QStringLiteral("projects/%1/lastVideo").arg(QString::fromLatin1(hash.toHex().left(16)));
}

QString projectDisplayName(const QString& project) {
  if (!store::isDatabaseProject(project))
    return QFileInfo(project).fileName();
  const QUrl url(project);
  const QString database = url.path().mid(1);
  const QString host =
      url.host().isEmpty() ? QUrlQuery(url).queryItemValue(QStringLiteral("host")) : url.host();
  return QStringLiteral("%1 @ %2").arg(database.isEmpty() ? project : database,
                                       host.isEmpty() ? QStringLiteral("localhost") : host);
}

QString defaultAnnotator() {
  QString name = qEnvironmentVariable("USER");
  return name.isEmpty() ? QStringLiteral("annotator") : name;
}

}  // namespace vs::ui
