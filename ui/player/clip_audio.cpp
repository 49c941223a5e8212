#include "ui/player/clip_audio.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QUrl>
#include <cmath>

namespace vs::ui {

namespace {
// Re-position only beyond this drift: seeking audio every tick would stutter.
constexpr double kMaxDriftS = 0.08;
}  // namespace

ClipAudio::ClipAudio(QObject* parent) : QObject(parent) {}

ClipAudio::~ClipAudio() {
  if (player_) {
    player_->stop();
  }
}

void ClipAudio::setClip(const QString& path) {
  if (path == path_) {
    return;
  }
  path_ = path;
  playing_ = false;
  if (path.isEmpty()) {
    if (player_) {
      player_->stop();
      player_->setSource(QUrl());
    }
    return;
  }
  // No output device (CI, remote sessions): nothing to hear, and Qt 6.4's FFmpeg media backend
  // crashes in position() when it has no sink, so no player is made at all.
  if (QMediaDevices::audioOutputs().isEmpty()) {
    path_.clear();
    return;
  }
  if (!player_) {
    output_ = std::make_unique<QAudioOutput>();
    player_ = std::make_unique<QMediaPlayer>();
    player_->setAudioOutput(output_.get());
    player_->setVideoOutput(nullptr);
  }
  player_->setSource(QUrl::fromLocalFile(path));
}

void ClipAudio::follow(bool playing, double clip_time_s, double speed) {
  if (!player_ || path_.isEmpty()) {
    return;
  }
  const QMediaPlayer::MediaStatus status = player_->mediaStatus();
  if (status == QMediaPlayer::NoMedia || status == QMediaPlayer::LoadingMedia ||
      status == QMediaPlayer::InvalidMedia) {
    return;
  }
  const qint64 want_ms = qint64(std::llround(std::max(0.0, clip_time_s) * 1000.0));
  if (speed != speed_) {
    speed_ = speed;
    player_->setPlaybackRate(speed);
  }
  if (!playing) {
    if (playing_) {
      player_->pause();
      playing_ = false;
    }
    if (std::abs(player_->position() - want_ms) > kMaxDriftS * 1000.0) {
      player_->setPosition(want_ms);
    }
    return;
  }
  if (!playing_) {
    player_->setPosition(want_ms);
    player_->play();
    playing_ = true;
    return;
  }
  if (std::abs(player_->position() - want_ms) > kMaxDriftS * 1000.0 * std::max(1.0, speed)) {
    player_->setPosition(want_ms);
  }
}

void ClipAudio::setMuted(bool muted) {
  if (output_) {
    output_->setMuted(muted);
  }
}

}  // namespace vs::ui
