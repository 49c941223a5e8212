#include "ui/scoring/scoring_servers.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUrl>

#include "core/domain/error.h"

namespace vs::ui {

QList<ScoringServer> loadScoringServers(QSettings& settings) {
  QList<ScoringServer> out;
  const int n = settings.beginReadArray(QStringLiteral("scoring/servers"));
  for (int i = 0; i < n; ++i) {
    settings.setArrayIndex(i);
    ScoringServer s;
    s.url = settings.value(QStringLiteral("url")).toString();
    s.servedModel = settings.value(QStringLiteral("servedModel")).toString();
    s.apiKeyEnv = settings.value(QStringLiteral("apiKeyEnv")).toString();
    s.concurrency = settings.value(QStringLiteral("concurrency"), s.concurrency).toInt();
    out << s;
  }
  settings.endArray();
  return out;
}

void saveScoringServers(QSettings& settings, const QList<ScoringServer>& servers) {
  settings.remove(QStringLiteral("scoring/servers"));
  settings.beginWriteArray(QStringLiteral("scoring/servers"), static_cast<int>(servers.size()));
  for (int i = 0; i < servers.size(); ++i) {
    settings.setArrayIndex(i);
    settings.setValue(QStringLiteral("url"), servers[i].url);
    settings.setValue(QStringLiteral("servedModel"), servers[i].servedModel);
    settings.setValue(QStringLiteral("apiKeyEnv"), servers[i].apiKeyEnv);
    settings.setValue(QStringLiteral("concurrency"), servers[i].concurrency);
  }
  settings.endArray();
}

QString scoringServerProblem(const ScoringServer& server) {
  const QUrl url(server.url.trimmed(), QUrl::StrictMode);
  if (!url.isValid() || url.host().isEmpty() ||
      (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
    return QCoreApplication::translate("vs::ui::ScoringServers", "“%1” is not an http(s) URL")
        .arg(server.url);
  }
  if (server.concurrency < 1) {
    return QCoreApplication::translate("vs::ui::ScoringServers", "%1: concurrency must be at least 1")
        .arg(server.url);
  }
  return {};
}

std::optional<scoring::RemoteSettings> remoteSettings(const QList<ScoringServer>& servers,
                                                      const QString& modelDir, QString* why) {
  scoring::RemoteSettings r;
  r.modelDir = modelDir;
  try {
    r.sampling = scoring::samplingOfCheckpoint(modelDir);  // as the local worker samples
  } catch (const Error& e) {
    *why = e.full();
    return std::nullopt;
  }
  for (const ScoringServer& s : servers) {
    if (const QString problem = scoringServerProblem(s); !problem.isEmpty()) {
      *why = problem;
      return std::nullopt;
    }
    scoring::RemoteEndpoint e;
    e.servedModel = s.servedModel.trimmed();
    e.concurrency = s.concurrency;
    if (!s.apiKeyEnv.trimmed().isEmpty()) {
      e.apiKey = qEnvironmentVariable(s.apiKeyEnv.trimmed().toLocal8Bit().constData());
      if (e.apiKey.isEmpty()) {
        *why = QCoreApplication::translate("vs::ui::ScoringServers",
                                           "%1: the environment variable %2 (API key) is empty or not set")
                   .arg(s.url, s.apiKeyEnv.trimmed());
        return std::nullopt;
      }
    }
    r.servers << QUrl(s.url.trimmed());
    r.endpoints << e;
  }
  if (r.servers.isEmpty()) {
    *why = QCoreApplication::translate("vs::ui::ScoringServers", "no server is listed (Settings › Scoring)");
    return std::nullopt;
  }
  return r;
}

}  // namespace vs::ui
