#pragma once
// PlayerGrid: the synced comparison player. Shows 1–9 clips side by side, each tile frame N of
// its clip exactly (decoded by core/media on worker threads; this widget only paints), with a
// frame/timecode overlay, the generator name (hidden in blind mode) and the frames the model saw.
// Everything is drawn with QPainter, so QWidget::grab() and window screenshots contain the video.
// The transport, the frame scheduling and the sound are Playback's (ui/player/playback.h); this
// widget lays the tiles out, paints them, and turns input and actions into Playback calls.
#include <QVector>
#include <QWidget>
#include <memory>

#include "ui/player/playback.h"
#include "ui/player/player_action.h"
#include "ui/player/player_clip.h"

class QAction;

namespace vs::ui {

enum class GridLayoutChoice { Auto, One, OneByTwo, TwoByTwo, TwoByThree, ThreeByThree };
enum class CompareMode { Grid, Wipe, Difference };

class PlayerGrid : public QWidget {
  Q_OBJECT
 public:
  explicit PlayerGrid(QWidget* parent = nullptr);
  ~PlayerGrid() override;

  // Replaces the clips (at most 9; more are ignored) and shows their first frames. Cheap to call
  // on every item switch: decoders of the previous item are torn down on their own threads.
  void setClips(const QVector<PlayerClip>& clips);
  int clipCount() const;
  void setBlindMode(BlindMode mode);
  BlindMode blindMode() const;
  void setLayoutChoice(GridLayoutChoice choice);

  // Every action, with its default shortcut, already added to this widget (context
  // Qt::WidgetWithChildrenShortcut). Remap with QAction::setShortcut; objectName() is a stable key.
  QList<QAction*> playerActions() const;
  QAction* action(PlayerAction id) const;

  // Transport state.
  bool isPlaying() const;
  double speed() const;
  LoopMode loopMode() const;
  SyncMode syncMode() const;
  CompareMode compareMode() const;
  int focusedClip() const;
  int compareClipB() const;
  qint64 clipOffsetFrames(int clip) const;
  double position() const;                // master time, seconds
  double duration() const;                // master time at which the last clip ends
  qint64 frameCount(int clip) const;      // -1 until probed
  double clipFps(int clip) const;         // 0 until probed
  qint64 targetFrame(int clip) const;     // the frame the transport asks for
  qint64 displayedFrame(int clip) const;  // the frame on screen now (-1: none yet)
  bool isSettled() const;                 // every visible tile shows its target frame
  QRect tileImageRect(int clip) const;    // where the clip's picture is drawn, in this widget
  QRect tileRect(int clip) const;         // the whole tile: picture area and the marker strip below
  QString tileMessage(int clip) const;    // the text drawn over the tile instead of a picture, or empty

  // Writes the frames on screen as PNG (full resolution) into dir on the decoding threads;
  // returns the paths that framesSaved() reports once written. The SaveFrames action uses
  // snapshotDirectory() (default: the user's Pictures folder).
  QStringList saveFrames(const QString& dir);
  void setSnapshotDirectory(const QString& dir);
  QString snapshotDirectory() const;

  // Playback health, for the status bar and the benchmarks.
  qint64 droppedFrames() const;  // frames whose time passed before their picture was ready
  void resetDroppedFrames();

 public slots:
  void play();
  void pause();
  void togglePlay();
  void stepFrames(int frames);  // in frames of the focused clip
  void stepSeconds(int seconds);
  void toStart();
  void toEnd();
  void seekFrame(int clip, qint64 frame);  // clip shows `frame`; the others follow in sync
  void setSpeed(double speed);             // clamped to 0.1..4
  void setLoopMode(LoopMode mode);
  void setInOutFrames(qint64 in_frame, qint64 out_frame);  // in frames of the focused clip
  void setSyncMode(SyncMode mode);
  void setClipOffsetFrames(int clip, qint64 offset_frames);  // positive: clip starts later
  void setFocusedClip(int clip);
  void setCompareMode(CompareMode mode);  // Wipe/Difference: focused clip (A) against B
  void setCompareClips(int a, int b);
  void setWipePosition(double fraction);  // 0..1 across the picture
  void toggleAb();
  void setFullScreenTile(bool on);
  void zoomFit();
  void zoomOneToOne();

 signals:
  void clipFrameChanged(int clip, qint64 frame);  // a new frame is on screen
  void positionChanged(double seconds);           // master time
  void firstFramesShown(qint64 elapsed_ms);       // all tiles have a picture after setClips
  void playingChanged(bool playing);
  void clipError(int clip, const QString& message);
  void relinkRequested(int clip);  // a missing clip's tile was clicked
  void framesSaved(const QStringList& paths, const QStringList& errors);

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void paintEvent(QPaintEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace vs::ui
