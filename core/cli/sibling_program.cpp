#include "core/cli/sibling_program.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include "core/cli/command.h"

namespace vs::cli {

QString siblingProgram(const QString& name) {
  const QString here = QCoreApplication::applicationDirPath();
  for (const QString& candidate :
       {here + QLatin1Char('/') + name, here + QStringLiteral("/../") + name + QLatin1Char('/') + name,
        here + QStringLiteral("/../../app/") + name + QLatin1Char('/') + name}) {
    if (QFileInfo(candidate).isExecutable())
      return QDir::cleanPath(candidate);
  }
  return name;
}

int runSiblingProgram(const QString& name, const QStringList& args) {
  QProcess program;
  program.setProcessChannelMode(QProcess::ForwardedChannels);
  program.setInputChannelMode(QProcess::ForwardedInputChannel);
  program.start(siblingProgram(name), args);
  if (!program.waitForStarted(-1))
    return fail(kExitRuntime, QStringLiteral("cannot start %1: %2").arg(name, program.errorString()));
  program.waitForFinished(-1);
  if (program.exitStatus() != QProcess::NormalExit)
    return fail(kExitRuntime, QStringLiteral("%1 crashed").arg(name));
  return program.exitCode();
}

}  // namespace vs::cli
