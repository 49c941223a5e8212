#pragma once
// Test projects for the workstation tests: `prompts` prompts × 4 generators, every video with a
// model evaluation whose output names the integer scores (hand-written below, not computed).
#include <QDir>
#include <QFile>
#include <QString>

#include "core/store/store.h"

namespace vs::test {

struct ModelRow {
  double soft[3];
  int hard[3];
};

// Four model results, cycled over the videos: soft scores and the digits of their score lines.
inline const ModelRow kModelRows[4] = {
    {{3.8123, 4.1, 2.9}, {4, 4, 3}},
    {{2.2, 1.9, 4.7}, {2, 2, 5}},
    {{4.9, 3.2, 3.6}, {5, 3, 4}},
    {{1.4, 2.6, 2.1}, {1, 3, 2}},
};

inline QString modelOutput(const ModelRow& r) {
  return QStringLiteral(
             "### Thinking Process:\nThe motion is mostly smooth.\n\n### Score:\n"
             "(1) visual quality: %1\n(2) text-to-video alignment: %2\n(3) physical/common-sense "
             "consistency: %3")
      .arg(r.hard[0])
      .arg(r.hard[1])
      .arg(r.hard[2]);
}

inline const char* kGenerators[4] = {"gen-a", "gen-b", "gen-c", "gen-d"};

// Creates `dir`/test.vsproj; videos are named v01..vNN in queue order.
inline QString makeProject(const QString& dir, int prompts, bool withModel = true) {
  QDir().mkpath(dir);
  const QString path = dir + QStringLiteral("/test.vsproj");
  QFile::remove(path);
  QFile::remove(path + QStringLiteral("-wal"));
  QFile::remove(path + QStringLiteral("-shm"));
  QFile::remove(path + QStringLiteral(".lock"));
  store::Store store(path, store::OpenMode::CreateNew);
  const qint64 model = store.addAnnotator(QStringLiteral("VideoScore2-test"), AnnotatorKind::Model);
  int n = 0;
  for (int p = 0; p < prompts; ++p) {
    const qint64 pid = store.addPrompt(QStringLiteral("prompt number %1").arg(p + 1));
    for (int g = 0; g < 4; ++g) {
      ++n;
      Video v;
      v.promptId = pid;
      v.name = QStringLiteral("v%1").arg(n, 2, 10, QLatin1Char('0'));
      v.path = QStringLiteral("missing/%1.mp4").arg(v.name);
      v.generator = QString::fromLatin1(kGenerators[g]);
      v.batch = p < 2 ? QStringLiteral("b1") : QStringLiteral("b2");
      const qint64 vid = store.addVideo(v);
      if (withModel) {
        const ModelRow& r = kModelRows[(n - 1) % 4];
        Evaluation e;
        e.videoId = vid;
        e.annotatorId = model;
        e.origin = Origin::Model;
        e.modelId = QStringLiteral("VideoScore2-test");
        for (Dimension d : kDimensions) {
          e.scores[d] = r.soft[index(d)];
        }
        e.thinking = modelOutput(r);
        store.upsertEvaluation(e);
      }
    }
  }
  return path;
}

}  // namespace vs::test
