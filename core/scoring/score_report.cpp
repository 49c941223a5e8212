#include "core/scoring/score_report.h"

#include <QJsonArray>

namespace vs::scoring {

namespace {

QString scoreText(const QJsonValue& v, int decimals) {
  return v.isDouble() ? QString::number(v.toDouble(), 'f', decimals) : QStringLiteral("-");
}

double perMinute(int count, double seconds) {
  return seconds > 0 ? count / seconds * 60.0 : 0.0;
}

}  // namespace

QString scoreResultText(const QJsonObject& result) {
  const QJsonObject hard = result.value("scores").toObject();
  const QJsonObject soft = result.value("soft_scores").toObject();
  QString text = QStringLiteral("%1\n\n").arg(result.value("text").toString());
  for (const char* key : {"visual", "t2v", "phy"}) {
    text += QStringLiteral("%1  %2  (soft %3)\n")
                .arg(QString::fromLatin1(key), -7)
                .arg(scoreText(hard.value(key), 0))
                .arg(scoreText(soft.value(key), 4));
  }
  const QJsonObject sampler = result.value("sampler").toObject();
  const QJsonArray grid = sampler.value("grid_thw").toArray();
  text +=
      QStringLiteral(
          "parsed %1, constrained %2, %3 prompt + %4 generated tokens, %5 frames (grid %6x%7x%8), %9 ms\n")
          .arg(result.value("parsed").toBool() ? "yes" : "no",
               result.value("constrained").toBool() ? "yes" : "no")
          .arg(result.value("prompt_tokens").toInteger())
          .arg(result.value("generated_tokens").toInteger())
          .arg(sampler.value("nframes").toInteger())
          .arg(grid.at(0).toInteger())
          .arg(grid.at(1).toInteger())
          .arg(grid.at(2).toInteger())
          .arg(result.value("timings").toObject().value("total_ms").toDouble(), 0, 'f', 0);
  return text;
}

QString scoreProgressText(const QJsonObject& event) {
  if (event.isEmpty())
    return QStringLiteral("\n");
  return QStringLiteral("\r%1 %2 tokens   ")
      .arg(event.value("stage").toString())
      .arg(event.value("tokens").toInteger());
}

QString batchStartText(int queued, const QString& scorer, const QString& annotator) {
  return QStringLiteral("%1 videos to score with %2 as \"%3\"\n").arg(queued).arg(scorer, annotator);
}

QString batchProgressText(const BatchProgress& p) {
  return QStringLiteral("\r%1/%2 scored, %3 failed, %4 s elapsed, ETA %5 s   ")
      .arg(p.done)
      .arg(p.total)
      .arg(p.failed)
      .arg(p.elapsedS, 0, 'f', 1)
      .arg(p.etaS < 0 ? QStringLiteral("?") : QString::number(p.etaS, 'f', 0));
}

QString batchFailureText(const QString& video, const QString& code, const QString& message) {
  return QStringLiteral("\nvscore: error: %1: %2: %3\n").arg(video, code, message);
}

QString batchSummaryText(const BatchProgress& final, const QList<RemoteScoringQueue::ServerStats>& servers) {
  QString text = QStringLiteral("scored %1 of %2 videos (%3 failed) in %4 s; %5 videos/min\n")
                     .arg(final.done)
                     .arg(final.total)
                     .arg(final.failed)
                     .arg(final.elapsedS, 0, 'f', 1)
                     .arg(perMinute(final.done, final.elapsedS), 0, 'f', 2);
  for (const RemoteScoringQueue::ServerStats& s : servers) {
    text += QStringLiteral("  %1: %2 scored, %3 failed, %4 videos/min%5\n")
                .arg(s.url)
                .arg(s.done)
                .arg(s.failed)
                .arg(perMinute(s.done, final.elapsedS), 0, 'f', 2)
                .arg(s.down.isEmpty() ? QString() : QStringLiteral(" (left out: %1)").arg(s.down));
  }
  return text;
}

}  // namespace vs::scoring
