#pragma once
// ClipAudio: the focused clip's sound through Qt Multimedia. Video never comes from here (the
// tiles are drawn from our frame-exact decoder); the audio player only follows the sync clock:
// it starts, pauses, changes rate and is re-positioned when it drifts from the clip's time.
#include <QObject>
#include <QString>
#include <memory>

class QMediaPlayer;
class QAudioOutput;

namespace vs::ui {

class ClipAudio : public QObject {
  Q_OBJECT
 public:
  explicit ClipAudio(QObject* parent = nullptr);
  ~ClipAudio() override;

  // The clip whose sound is heard; an empty path (or a clip without audio) silences it.
  void setClip(const QString& path);
  // Called as the clock moves: playing or not, where the clip is (seconds), at what speed.
  void follow(bool playing, double clip_time_s, double speed);
  void setMuted(bool muted);

 private:
  std::unique_ptr<QAudioOutput> output_;
  std::unique_ptr<QMediaPlayer> player_;
  QString path_;
  bool playing_ = false;
  double speed_ = 1.0;
};

}  // namespace vs::ui
