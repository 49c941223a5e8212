#pragma once
// Playback: the synced player's transport with no widget. It owns the master clock, speed, loop
// and in/out points, each clip's offset, the decoding threads (FrameSource) and each tile's frame
// state: the frame the clock asks for, the frames prepared ahead of it, the frame on screen and
// the frames whose time passed before their picture was ready. It also runs the difference job
// (|A − B| on a pool thread), follows the focused clip's sound and writes snapshots.
//
// PlayerGrid lays the tiles out (setTileArea), paints what tile() holds when repaintNeeded()
// comes, and turns input and actions into the calls below. Tests drive it directly, with their
// own clock (NowMs) so that playing, looping and dropping are exact.
#include <QImage>
#include <QObject>
#include <QRect>
#include <QSize>
#include <QStringList>
#include <QVector>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>

#include "core/media/sync_clock.h"
#include "ui/player/frame_source.h"
#include "ui/player/player_clip.h"
#include "ui/player/view_transform.h"

namespace vs::ui {

enum class LoopMode { Off, Whole, InOut };
enum class SyncMode { On, Off };  // Off: transport moves only the focused clip

// One clip as the player has it. Read through Playback::tile(); changed only by Playback.
struct PlaybackTile {
  struct Ready {
    QImage image;
    QRect target;  // inside the tile's picture area
  };

  PlayerClip clip;  // model_seen_frames sorted
  bool opened = false;
  ClipProbe probe;
  QString error;  // why the clip cannot be shown (empty: none, or the clip is missing)
  int clock_index = -1;
  double offset_s = 0.0;
  qint64 offset_frames_before_open = 0;  // set before the frame rate was known

  bool visible = false;
  QSize picture;    // picture area the frames are rendered for
  quint64 gen = 1;  // bumps whenever `picture` or the view changes

  qint64 target = 0;  // the frame the transport asks for
  qint64 shown = -1;  // the frame on screen (-1: none yet)
  QImage shown_image;
  QRect shown_target;  // where shown_image goes inside the picture area
  quint64 shown_gen = 0;

  // A message stands where the picture would be: decoding failed or the file is missing.
  bool hasMessage() const { return clip.missing || !error.isEmpty(); }

 private:
  friend class Playback;
  FrameSource* source = nullptr;
  quint64 source_serial = 0;
  media::ClipTiming timing;  // as the clock has it (offset kept apart in offset_s)
  qint64 prev_target = -1;
  std::map<qint64, Ready> ready;
  FrameRequest last_request;
  bool requested = false;
};

class Playback : public QObject {
  Q_OBJECT
 public:
  // Steady time in milliseconds; the default is a monotonic timer started at construction.
  using NowMs = std::function<int64_t()>;

  static constexpr int kMaxClips = 9;
  static constexpr int kTickMs = 4;

  explicit Playback(NowMs now_ms = {}, QObject* parent = nullptr);
  ~Playback() override;  // joins every decoding thread

  // Replaces the clips (at most 9) and starts their decoders; tiles are invisible until
  // setTileArea(). Decoders of the previous clips are torn down on their own threads.
  void setClips(const QVector<PlayerClip>& clips);
  int count() const { return int(tiles_.size()); }
  bool valid(int clip) const { return clip >= 0 && clip < count(); }
  const PlaybackTile& tile(int clip) const { return tiles_[size_t(clip)]; }

  // Layout. These do not pump(): the owner lays every tile out, then calls pump().
  // A tile of a new size drops its prepared frames; an invisible tile asks for none.
  void setTileArea(int clip, bool visible, QSize picture);
  void setView(const ViewState& view);  // linked zoom/pan of every tile
  const ViewState& view() const { return view_; }
  bool setFocusedClip(int clip);       // false when unchanged; B takes A's place if clip was B
  bool setCompareClips(int a, int b);  // A (focused) and B; false when invalid
  void swapCompareClips();
  int focusedClip() const { return focused_; }
  int partnerClip() const { return partner_; }
  void setDifferenceEnabled(bool on);  // computes |A − B| whenever either picture changes
  const QImage& differenceImage() const { return diff_cache_; }

  // Transport.
  bool hasClock() const { return clock_ != nullptr; }
  bool isPlaying() const;
  void setPlaying(bool on);
  void pauseIfPlaying();
  void stepFrames(int frames);  // in frames of the focused clip
  void stepSeconds(int seconds);
  void seekMaster(double seconds);
  void seekFrame(int clip, qint64 frame);  // before the clips are open: applied once they are
  void toStart();
  void toEnd();
  double speed() const { return speed_; }
  void setSpeed(double speed);  // clamped to 0.1..4
  LoopMode loopMode() const { return loop_; }
  void setLoopMode(LoopMode mode);  // InOut without in/out points: Off
  SyncMode syncMode() const { return sync_; }
  void setSyncMode(SyncMode mode);
  void setInOutFrames(qint64 in_frame, qint64 out_frame);  // in frames of the focused clip
  void setInHere();
  void setOutHere();
  bool hasInOut() const { return has_in_out_; }
  double inTime() const { return in_s_; }
  double outTime() const { return out_s_; }
  qint64 clipOffsetFrames(int clip) const;
  void setClipOffsetFrames(int clip, qint64 offset_frames);  // positive: clip starts later

  double position() const;                            // master time, seconds
  double duration() const;                            // master time at which the last clip ends
  double masterTimeOf(int clip, qint64 frame) const;  // when `clip` starts showing `frame`
  bool isSettled() const;  // every visible tile shows its target (and |A − B| is up to date)
  qint64 droppedFrames() const { return dropped_; }
  void resetDroppedFrames() { dropped_ = 0; }
  void setMuted(bool muted);

  // Writes the frames on screen as PNG (full resolution) into dir on the decoding threads; file
  // names carry the generator, or the clip letter in blind mode. Returns the paths that
  // framesSaved() reports once written; empty while an earlier batch is being written.
  QStringList saveFrames(const QString& dir, BlindMode blind);

 public slots:
  // Reads the clock, chooses each clip's frame, adopts what is ready and asks the decoding
  // threads for what is not. Runs on every tick while playing and after every transport change;
  // it never decodes or scales.
  void pump();

 signals:
  void repaintNeeded();
  void frameShown(int clip, qint64 frame);  // a new frame is on screen
  void positionChanged(double seconds);     // master time, on every pump
  void timelineChanged();                   // duration, offsets or in/out points
  void transportChanged();                  // speed, loop or sync mode
  void playingChanged(bool playing);
  void firstFramesShown(qint64 elapsed_ms);  // all tiles have a picture after setClips
  void clipOpened(int clip);
  void clipError(int clip, const QString& message);
  void framesSaved(const QStringList& paths, const QStringList& errors);

 private:
  PlaybackTile* tileOf(int clip) { return valid(clip) ? &tiles_[size_t(clip)] : nullptr; }
  const PlaybackTile* tileOf(int clip) const { return valid(clip) ? &tiles_[size_t(clip)] : nullptr; }
  int64_t nowMs() const { return now_ms_(); }
  static double fpsOf(const PlaybackTile& t) { return t.probe.fps > 0 ? t.probe.fps : 25.0; }
  double masterTimeOf(const PlaybackTile& t, qint64 frame) const;
  double lastFrameMasterTime() const;
  void buildClock();
  void followAudio(int64_t now);
  bool adopt(int clip);
  void trimAndRequest(PlaybackTile& t, bool playing);
  void reportFirstFrames();
  void onFrame(int clip, quint64 serial, qint64 index, quint64 gen, const QImage& image, const QRect& target);
  void connectSource(int clip);
  void stopSources();
  void shiftClipTo(PlaybackTile& t, qint64 frame);
  std::array<qint64, 4> differenceKey() const;
  void requestDifference();

  struct Private;
  std::unique_ptr<Private> d_;  // timers, audio, retiring sources, the difference pool
  NowMs now_ms_;
  std::vector<PlaybackTile> tiles_;
  std::unique_ptr<media::SyncClock> clock_;
  quint64 next_serial_ = 1;

  double speed_ = 1.0;
  LoopMode loop_ = LoopMode::Off;
  SyncMode sync_ = SyncMode::On;
  double in_s_ = 0.0;
  double out_s_ = 0.0;
  bool has_in_out_ = false;
  int step_direction_ = 1;
  int focused_ = 0;
  int partner_ = 1;
  ViewState view_;
  bool difference_ = false;

  int pending_seek_clip_ = -1;  // a seekFrame() that came before the clips were open
  qint64 pending_seek_frame_ = 0;
  bool first_reported_ = false;
  qint64 dropped_ = 0;

  int saves_pending_ = 0;
  QStringList saved_paths_;
  QStringList save_errors_;

  // Keys of |A − B|: shown frame and geometry generation of A and B.
  QImage diff_cache_;
  std::array<qint64, 4> diff_key_{{-1, -1, -1, -1}};
  std::array<qint64, 4> diff_pending_{{-1, -1, -1, -1}};
  quint64 diff_job_ = 0;  // results of older jobs (or of the previous clips) are dropped
};

}  // namespace vs::ui
