#pragma once
// The text vscore prints about scoring: one result (score), and a batch run (score-project): its
// start, progress line, failures and closing summary with each server's share.
#include <QJsonObject>
#include <QList>
#include <QString>

#include "core/scoring/batch_scorer.h"
#include "core/scoring/remote_scoring_queue.h"

namespace vs::scoring {

// A worker's result object (as scoreWithWorker returns it): the model's text, the three scores
// with their soft scores, then one line of counts and the total time.
QString scoreResultText(const QJsonObject& result);
// "\r<stage> <tokens> tokens   " for a progress event; "\n" for the empty object that ends them.
QString scoreProgressText(const QJsonObject& event);

QString batchStartText(int queued, const QString& scorer, const QString& annotator);
QString batchProgressText(const BatchProgress& progress);
QString batchFailureText(const QString& video, const QString& code, const QString& message);
// The totals and the rate, then a line per server (none for a local worker).
QString batchSummaryText(const BatchProgress& final, const QList<RemoteScoringQueue::ServerStats>& servers);

}  // namespace vs::scoring
