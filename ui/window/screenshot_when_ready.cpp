#include "ui/window/screenshot_when_ready.h"

#include <QApplication>
#include <QPixmap>
#include <QTimer>
#include <cstdio>

#include "ui/scoring/jobs_dock.h"
#include "ui/window/main_window.h"
#include "ui/player/player_grid.h"
#include "ui/queue/queue_model.h"

namespace vs::ui {

namespace {
constexpr int kPollMs = 200;
constexpr int kSettleMs = 600;  // let the last repaint (reasoning, charts) land
}  // namespace

ScreenshotWhenReady::ScreenshotWhenReady(MainWindow& window, QString file, int timeoutMs, QObject* parent)
    : QObject(parent), window_(window), file_(std::move(file)), timeoutMs_(timeoutMs) {
  timer_ = new QTimer(this);
  timer_->setInterval(kPollMs);
  connect(timer_, &QTimer::timeout, this, &ScreenshotWhenReady::poll);
  connect(window_.player(), &PlayerGrid::clipError, this,
          [this](int clip, const QString&) { brokenClips_.insert(clip); });
  clock_.start();
  timer_->start();
}

bool ScreenshotWhenReady::ready() const {
  const PlayerGrid* player = window_.player();
  if (window_.currentVideo() != 0 && player->clipCount() > 0) {
    for (int i = 0; i < player->clipCount(); ++i) {
      if (player->displayedFrame(i) < 0 && !brokenClips_.contains(i)) {
        return false;
      }
    }
  }
  // Model results: when scoring runs, wait for the shown item's result (the rest of the batch
  // may take long on a CPU); otherwise nothing to wait for.
  if (window_.isScoringBusy()) {
    const QueueVideo* v = window_.queueModel()->video(window_.currentVideo());
    return v && v->model.has_value();
  }
  return true;
}

void ScreenshotWhenReady::poll() {
  const bool timedOut = clock_.elapsed() > timeoutMs_;
  if (!timedOut) {
    if (!ready()) {
      readySinceMs_ = -1;
      return;
    }
    if (readySinceMs_ < 0) {
      readySinceMs_ = clock_.elapsed();
      return;
    }
    if (clock_.elapsed() - readySinceMs_ < kSettleMs) {
      return;
    }
  } else {
    std::fprintf(stderr,
                 "videoscore-studio: warning: screenshot taken after %d s without every frame/result\n",
                 timeoutMs_ / 1000);
  }
  timer_->stop();
  const bool ok = window_.grab().save(file_, "PNG");
  if (!ok) {
    std::fprintf(stderr, "videoscore-studio: error: %s: cannot write the screenshot\n", qPrintable(file_));
  }
  QApplication::exit(ok ? 0 : 1);
}

}  // namespace vs::ui
