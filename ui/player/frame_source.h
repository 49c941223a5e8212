#pragma once
// FrameSource: one clip's decoding thread. It owns a media::FrameDecoder (not thread-safe, so it
// lives and dies on this thread), decodes the frames the GUI asks for plus read-ahead, renders
// the visible part of each at the tile's size, and hands finished QImages to the GUI thread.
// The GUI only blits them. Requests are coalesced: a newer request replaces an older one.
//
// Short clips (generated video is mostly <= 20 s) are also rendered whole, once, at the tile's
// size while the thread has nothing asked of it (the fill pass), so that every step and seek
// after it is a lookup instead of a seek and a GOP of decoding. The pass yields to every request
// and to other clips' anchors, stops at its memory budget, and starts over when the tile's size
// or the view changes.
#include <QImage>
#include <QMutex>
#include <QRectF>
#include <QSize>
#include <QThread>
#include <QWaitCondition>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "ui/player/read_ahead_gate.h"
#include "ui/player/view_transform.h"

namespace vs::media {
class FrameDecoder;
}

namespace vs::ui {

struct ClipProbe {
  qint64 frames = 0;
  double fps = 0.0;
  QSize size;  // display size of the frames
  std::vector<double> frame_times_s;
  bool has_audio = false;
};

// What the GUI wants from one clip now.
// What the fill pass has done (thread-safe copy; see FrameSource::fillStatus()).
struct FillStatus {
  bool eligible = false;        // short enough to fill (and a budget was given)
  qint64 filled = 0;            // frames rendered at the current geometry
  qint64 frames = 0;            // frames in the clip
  qint64 bytes = 0;             // memory the filled frames take
  bool complete = false;        // every frame filled, or the budget reached (filled < frames)
  qint64 served_from_fill = 0;  // requests answered from the filled frames (since start)
  double pass_ms = 0.0;         // wall time of the last completed pass
};

struct FrameRequest {
  qint64 anchor = 0;  // frame needed first (the one to show)
  int direction = 1;  // read-ahead direction: +1 or -1
  int ahead = 2;      // frames after the anchor to prepare
  QSize tile;         // tile picture area, device pixels
  ViewState view;
  quint64 geometry_gen = 0;  // bumps whenever tile or view changes; stale frames are dropped
  qint64 wrap_first = -1;    // looping: the frames after the loop point, prepared after the rest
  int wrap_count = 0;
};

class FrameSource : public QThread {
  Q_OBJECT
 public:
  FrameSource(int clip, QString path, std::shared_ptr<ReadAheadGate> gate, QObject* parent = nullptr);
  ~FrameSource() override;  // stops and joins the thread

  void request(const FrameRequest& request);
  // The GUI dropped these frames (of the current geometry): render them again if asked.
  void forget(const std::vector<qint64>& frames);
  // Writes frame `index` at full resolution as PNG; answers with saved().
  void saveFrame(qint64 index, const QString& path);
  void stop();
  // Memory the fill pass may use for this clip; 0 (the default) turns it off. Clips longer than
  // kFillMaxSeconds are never filled. Call before start().
  void setFillBudget(qint64 bytes);
  FillStatus fillStatus() const;

  static constexpr double kFillMaxSeconds = 20.0;

 signals:
  void opened(int clip, vs::ui::ClipProbe probe);
  void frameReady(int clip, qint64 index, quint64 geometry_gen, QImage image, QRect target);
  void saved(int clip, QString path, QString error);
  void failed(int clip, QString message);
  // The fill pass finished (every frame, or as many as the budget holds) for the current geometry.
  void fillComplete(int clip, qint64 filled, qint64 frames);

 protected:
  void run() override;

 private:
  struct Rendered {
    QImage image;
    QRect target;
  };
  bool waitForOtherAnchors(quint64 serial);
  // The filled frame `index` for geometry `gen`, or null.
  const Rendered* filledFrame(qint64 index, quint64 gen) const;
  void keepFilled(qint64 index, quint64 gen, const QImage& image, const QRect& target);
  void restartFill(const FrameRequest& geometry);
  bool fillPending() const;  // under mutex_
  // One frame of the fill pass; false when there was nothing to do.
  bool fillOne(media::FrameDecoder& decoder);

  const int clip_;
  const QString path_;
  const std::shared_ptr<ReadAheadGate> gate_;
  mutable QMutex mutex_;
  QWaitCondition wake_;
  bool stop_ = false;
  bool has_request_ = false;
  quint64 request_serial_ = 0;  // bumps on every request(); the loop restarts when it changes
  FrameRequest request_;
  quint64 delivered_gen_ = 0;
  std::set<qint64> delivered_;  // frames handed out for delivered_gen_
  std::vector<std::pair<qint64, QString>> saves_;

  // Fill pass. filled_ and fill_request_ are touched on this thread only; the status under mutex_.
  qint64 fill_budget_ = 0;
  std::map<qint64, Rendered> filled_;
  FrameRequest fill_request_;  // geometry (tile, view, generation) the filled frames are for
  bool fill_geometry_known_ = false;
  qint64 fill_next_ = 0;
  bool fill_stopped_ = false;  // complete, over budget, or failed: nothing more until new geometry
  qint64 fill_started_ms_ = 0;
  FillStatus fill_status_;
};

}  // namespace vs::ui

Q_DECLARE_METATYPE(vs::ui::ClipProbe)
