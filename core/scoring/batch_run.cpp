#include "core/scoring/batch_run.h"

#include <QEventLoop>

#include "core/scoring/score_report.h"

namespace vs::scoring {

BatchRunEnd runBatch(BatchScorer& batch, BatchSelection selection, const QString& scorer,
                     const QString& annotator, const std::function<void(const QString&)>& log) {
  BatchRunEnd end;
  QEventLoop loop;
  QObject::connect(&batch, &BatchScorer::videoFailed, &loop,
                   [&](qint64, const QString& name, const QString& code, const QString& message) {
                     log(batchFailureText(name, code, message));
                     if (end.firstFailure.isEmpty())
                       end.firstFailure = code;
                   });
  QObject::connect(&batch, &BatchScorer::progressChanged, &loop,
                   [&](const BatchProgress& p) { log(batchProgressText(p)); });
  QObject::connect(&batch, &BatchScorer::finished, &loop, [&](const BatchProgress& p) {
    end.progress = p;
    loop.quit();
  });
  const int queued = batch.start(selection);
  log(batchStartText(queued, scorer, annotator));
  loop.exec();
  log(QStringLiteral("\n"));
  return end;
}

}  // namespace vs::scoring
