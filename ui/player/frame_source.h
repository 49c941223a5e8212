#pragma once
// FrameSource: one clip's decoding thread. It owns a media::FrameDecoder (not thread-safe, so it
// lives and dies on this thread), decodes the frames the GUI asks for plus read-ahead, renders
// the visible part of each at the tile's size, and hands finished QImages to the GUI thread.
// The GUI only blits them. Requests are coalesced: a newer request replaces an older one.
#include <QImage>
#include <QMutex>
#include <QRectF>
#include <QSize>
#include <QThread>
#include <QWaitCondition>
#include <memory>
#include <set>
#include <vector>

#include "ui/player/read_ahead_gate.h"
#include "ui/player/view_transform.h"

namespace vs::ui {

struct ClipProbe {
  qint64 frames = 0;
  double fps = 0.0;
  QSize size;                       // display size of the frames
  std::vector<double> frame_times_s;
  bool has_audio = false;
};

// What the GUI wants from one clip now.
struct FrameRequest {
  qint64 anchor = 0;      // frame needed first (the one to show)
  int direction = 1;      // read-ahead direction: +1 or -1
  int ahead = 2;          // frames after the anchor to prepare
  QSize tile;             // tile picture area, device pixels
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

 signals:
  void opened(int clip, vs::ui::ClipProbe probe);
  void frameReady(int clip, qint64 index, quint64 geometry_gen, QImage image, QRect target);
  void saved(int clip, QString path, QString error);
  void failed(int clip, QString message);

 protected:
  void run() override;

 private:
  bool waitForOtherAnchors(quint64 serial);

  const int clip_;
  const QString path_;
  const std::shared_ptr<ReadAheadGate> gate_;
  QMutex mutex_;
  QWaitCondition wake_;
  bool stop_ = false;
  bool has_request_ = false;
  quint64 request_serial_ = 0;  // bumps on every request(); the loop restarts when it changes
  FrameRequest request_;
  quint64 delivered_gen_ = 0;
  std::set<qint64> delivered_;  // frames handed out for delivered_gen_
  std::vector<std::pair<qint64, QString>> saves_;
};

}  // namespace vs::ui

Q_DECLARE_METATYPE(vs::ui::ClipProbe)
