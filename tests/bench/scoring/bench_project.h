#pragma once
// The setup both scoring benchmarks share: environment knobs, running a tool, and a project of
// generated clips (ffmpeg lavfi, a different hue per clip) with the tiny `vscore demo-model`
// checkpoint next to it.
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <cstdio>
#include <memory>

#include "core/store/store.h"

namespace vs::bench {

inline int envInt(const char* name, int fallback) {
  bool ok = false;
  const int v = qEnvironmentVariableIntValue(name, &ok);
  return ok && v > 0 ? v : fallback;
}

// VS_BENCH_CLIP: the ffmpeg lavfi source of every clip.
inline QString clipSource() {
  return qEnvironmentVariable("VS_BENCH_CLIP", QStringLiteral("testsrc2=duration=4:size=480x270:rate=24"));
}

inline bool runTool(const QString& program, const QStringList& args) {
  QProcess p;
  p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
  p.start(program, args);
  return p.waitForFinished(300000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

struct BenchProject {
  QString model;  // the demo checkpoint (seed 5)
  std::unique_ptr<store::Store> store;
};

// In `tmp`: the demo model (made by `vscore`) and bench.vsproj holding `clips` clips of `source`
// under one prompt. nullptr store (and a message on stderr) when a tool failed.
inline BenchProject makeBenchProject(const QTemporaryDir& tmp, const QString& vscore, int clips,
                                     const QString& source) {
  BenchProject b;
  b.model = tmp.filePath(QStringLiteral("demo-model"));
  if (!runTool(vscore, {QStringLiteral("demo-model"), QStringLiteral("--out"), b.model,
                        QStringLiteral("--seed"), QStringLiteral("5")})) {
    std::fprintf(stderr, "vscore demo-model failed\n");
    return b;
  }
  auto store = std::make_unique<store::Store>(tmp.filePath(QStringLiteral("bench.vsproj")),
                                              store::OpenMode::CreateNew);
  const qint64 prompt = store->addPrompt(QStringLiteral("A colourful test pattern with a moving bar."));
  for (int i = 0; i < clips; ++i) {
    const QString name = QStringLiteral("clip_%1").arg(i, 3, 10, QLatin1Char('0'));
    // A different hue per clip so no two files are the same.
    if (!runTool(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"),
                  QStringLiteral("lavfi"), QStringLiteral("-i"), source, QStringLiteral("-vf"),
                  QStringLiteral("hue=h=%1").arg(i * 29), QStringLiteral("-pix_fmt"),
                  QStringLiteral("yuv420p"), tmp.filePath(name + QStringLiteral(".mp4"))})) {
      std::fprintf(stderr, "ffmpeg failed\n");
      return b;
    }
    Video v;
    v.name = name;
    v.promptId = prompt;
    store->addVideo(v);
  }
  b.store = std::move(store);
  return b;
}

}  // namespace vs::bench
