#pragma once
// A BatchScorer run waited for, for programs without an event loop of their own (vscore
// score-project): the run's text (score_report.h) goes to `log` as it happens.
#include <QString>
#include <functional>

#include "core/scoring/batch_scorer.h"

namespace vs::scoring {

struct BatchRunEnd {
  BatchProgress progress;  // at the end
  QString firstFailure;    // the error code of the first video that failed; empty: none
};

// Starts `batch` on `selection` and runs a local event loop until it has finished. `log` sees the
// start line (naming `scorer` and `annotator`), the progress lines, each failure, and the newline
// that ends the progress line.
BatchRunEnd runBatch(BatchScorer& batch, BatchSelection selection, const QString& scorer,
                     const QString& annotator, const std::function<void(const QString&)>& log);

}  // namespace vs::scoring
