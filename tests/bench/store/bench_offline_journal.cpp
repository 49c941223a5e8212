// bench_offline_journal: what the offline journal costs. A throwaway PostgreSQL cluster on a
// Unix socket (started here), N edits of a person's evaluations (scores and texts in turn):
//   - baseline: the same N edits sent straight to the server (Store::editField, one committed
//     transaction each), as a window does while online;
//   - keep: N edits appended to the journal (each fsync'd before it returns);
//   - replay: the N journaled edits sent (Store::applyEvaluationEdit, one transaction each,
//     then removed from the journal), and the longest 15 ms slice the window would spend.
// Prints a table; asserts nothing. Usage: bench_offline_journal [edits] [runs]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <limits>
#include <vector>

#include "core/store/edit_journal.h"
#include "core/store/journal_replay.h"
#include "core/store/store.h"
#include "pg_cluster.h"

using namespace vs;

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

store::EvaluationEdit editNumber(qint64 video, int i) {
  store::EvaluationEdit e;
  e.videoId = video;
  e.annotator = QStringLiteral("ana");
  if (i % 2 == 0)
    e.fields.emplace_back(EvaluationField::VisualScore, double(1 + i % 5));
  else
    e.fields.emplace_back(EvaluationField::Thinking, QStringLiteral("typed %1").arg(i));
  return e;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const int edits = argc > 1 ? std::max(1, atoi(argv[1])) : 100;
  const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 3;
  QString whyNot;
  auto cluster = test::PgCluster::start(&whyNot);
  if (!cluster) {
    std::printf("no PostgreSQL cluster: %s\n", qPrintable(whyNot));
    return 0;
  }
  QTemporaryDir scratch;
  std::vector<double> direct, keep, replay, slice;
  for (int run = 0; run < runs; ++run) {
    const QString uri = cluster->createDatabase(QStringLiteral("bench"));
    store::Store s(uri, store::OpenMode::CreateNew);
    Video v;
    v.name = QStringLiteral("v");
    const qint64 video = s.addVideo(v);
    Evaluation first;
    first.videoId = video;
    first.annotatorId = s.addAnnotator(QStringLiteral("ana"), AnnotatorKind::Human);
    const qint64 id = s.upsertEvaluation(first);

    QElapsedTimer t;
    t.start();
    for (int i = 0; i < edits; ++i) {
      const store::EvaluationEdit e = editNumber(video, i);
      s.editField(id, e.fields[0].first, e.fields[0].second);
    }
    direct.push_back(double(t.nsecsElapsed()) / 1e6);

    store::EditJournal journal(scratch.filePath(QStringLiteral("j%1.sqlite").arg(run)), uri);
    t.restart();
    for (int i = 0; i < edits; ++i)
      journal.append(editNumber(video, i));
    keep.push_back(double(t.nsecsElapsed()) / 1e6);

    t.restart();
    double longest = 0;
    while (!journal.isEmpty()) {
      QElapsedTimer one;
      one.start();
      store::replayJournal(journal, s, std::numeric_limits<int>::max(), 15);
      longest = std::max(longest, double(one.nsecsElapsed()) / 1e6);
    }
    replay.push_back(double(t.nsecsElapsed()) / 1e6);
    slice.push_back(longest);
  }
  std::printf("%d edits, %d runs (medians), PostgreSQL 15 on a Unix socket (fsync off), journal on %s\n",
              edits, runs, qPrintable(scratch.path()));
  std::printf(
      "| straight to the server (baseline) | kept in the journal (fsync'd) | replayed | longest slice |\n");
  std::printf("|---|---|---|---|\n");
  std::printf("| %.1f ms (%.2f ms/edit) | %.1f ms (%.2f ms/edit) | %.1f ms (%.2f ms/edit) | %.1f ms |\n",
              median(direct), median(direct) / edits, median(keep), median(keep) / edits, median(replay),
              median(replay) / edits, median(slice));
  return 0;
}
