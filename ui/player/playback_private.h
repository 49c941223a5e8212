#pragma once
// What Playback keeps apart from its header: timers, the sound, the decoding threads still
// joining, and the pool of the difference job.
#include <QElapsedTimer>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <memory>
#include <vector>

#include "ui/player/clip_audio.h"
#include "ui/player/playback.h"

namespace vs::ui {

struct Playback::Private {
  QElapsedTimer wall;
  QElapsedTimer since_switch;
  QTimer tick;
  ClipAudio audio;
  bool audio_playing = false;
  int64_t audio_followed_ms = -1000;
  std::shared_ptr<ReadAheadGate> gate = std::make_shared<ReadAheadGate>();
  std::vector<QPointer<FrameSource>> retiring;  // stopped sources of earlier clips, still joining
  QThreadPool diff_pool;
};

}  // namespace vs::ui
