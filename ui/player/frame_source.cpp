#include "ui/player/frame_source.h"

#include <QDateTime>
#include <QMutexLocker>
#include <algorithm>
#include <memory>

#include "core/domain/error.h"
#include "core/media/frame_decoder.h"
#include "core/media/frame_image.h"
#include "ui/player/frame_scaler.h"

namespace vs::ui {

namespace {

// 1:1 and closer shows pixels as blocks (nearest); below that, a smooth downscale.
// Full-size RGB (swscale's SIMD unscaled converter) + FrameScaler's box halving costs less CPU
// than FrameDecoder::frame(N, w, h)'s scaled swscale pass on 720p → tile (bench_player, table 3).
QImage render(const media::FramePtr& frame, const FrameRequest& req, QRect* target) {
  const QSize frame_size(frame->image.width, frame->image.height);
  const ViewGeometry g = ViewTransform::geometry(req.tile, frame_size, req.view);
  *target = g.target;
  if (g.target.isEmpty()) {
    return {};
  }
  const QImage whole = media::toQImage(frame);
  const QRect src = g.source.toAlignedRect().intersected(whole.rect());
  const QImage part = (src == whole.rect()) ? whole : whole.copy(src);
  const Qt::TransformationMode mode = g.scale < 0.999 ? Qt::SmoothTransformation : Qt::FastTransformation;
  return FrameScaler::scaled(part, g.target.size(), mode);
}

}  // namespace

FrameSource::FrameSource(int clip, QString path, std::shared_ptr<ReadAheadGate> gate, QObject* parent)
    : QThread(parent), clip_(clip), path_(std::move(path)), gate_(std::move(gate)) {
  qRegisterMetaType<vs::ui::ClipProbe>();
}

FrameSource::~FrameSource() {
  stop();
  wait();
}

void FrameSource::request(const FrameRequest& request) {
  QMutexLocker lock(&mutex_);
  request_ = request;
  has_request_ = true;
  ++request_serial_;
  wake_.wakeOne();
}

void FrameSource::forget(const std::vector<qint64>& frames) {
  QMutexLocker lock(&mutex_);
  for (qint64 f : frames) {
    delivered_.erase(f);
  }
}

void FrameSource::saveFrame(qint64 index, const QString& path) {
  QMutexLocker lock(&mutex_);
  saves_.emplace_back(index, path);
  wake_.wakeOne();
}

void FrameSource::stop() {
  QMutexLocker lock(&mutex_);
  stop_ = true;
  wake_.wakeOne();
}

void FrameSource::setFillBudget(qint64 bytes) {
  QMutexLocker lock(&mutex_);
  fill_budget_ = std::max<qint64>(0, bytes);
}

FillStatus FrameSource::fillStatus() const {
  QMutexLocker lock(&mutex_);
  return fill_status_;
}

const FrameSource::Rendered* FrameSource::filledFrame(qint64 index, quint64 gen) const {
  if (!fill_geometry_known_ || gen != fill_request_.geometry_gen) {
    return nullptr;
  }
  auto it = filled_.find(index);
  return it == filled_.end() ? nullptr : &it->second;
}

// Under mutex_ (the status it updates is read by other threads).
void FrameSource::restartFill(const FrameRequest& geometry) {
  filled_.clear();
  fill_request_ = geometry;
  fill_geometry_known_ = true;
  fill_next_ = 0;
  fill_stopped_ = !fill_status_.eligible;
  fill_started_ms_ = QDateTime::currentMSecsSinceEpoch();
  fill_status_.filled = 0;
  fill_status_.bytes = 0;
  fill_status_.complete = false;
}

void FrameSource::keepFilled(qint64 index, quint64 gen, const QImage& image, const QRect& target) {
  if (!fill_status_.eligible || !fill_geometry_known_ || gen != fill_request_.geometry_gen || fill_stopped_ ||
      filled_.count(index) != 0) {
    return;
  }
  bool done = false;
  qint64 filled = 0;
  {
    QMutexLocker lock(&mutex_);
    if (fill_status_.bytes + image.sizeInBytes() > fill_budget_) {
      done = true;  // the budget holds no more: what is filled stays
    } else {
      filled_.emplace(index, Rendered{image, target});
      fill_status_.bytes += image.sizeInBytes();
      fill_status_.filled = qint64(filled_.size());
      done = fill_status_.filled >= fill_status_.frames;
    }
    if (done) {
      fill_stopped_ = true;
      fill_status_.complete = true;
      fill_status_.pass_ms = double(QDateTime::currentMSecsSinceEpoch() - fill_started_ms_);
    }
    filled = fill_status_.filled;
  }
  if (done) {
    emit fillComplete(clip_, filled, fill_status_.frames);
  }
}

bool FrameSource::fillPending() const {
  return fill_status_.eligible && fill_geometry_known_ && !fill_stopped_ && !stop_;
}

bool FrameSource::fillOne(media::FrameDecoder& decoder) {
  const qint64 count = decoder.frameCount();
  while (fill_next_ < count && filled_.count(fill_next_) != 0) {
    ++fill_next_;
  }
  if (fill_next_ >= count) {
    QMutexLocker lock(&mutex_);
    fill_stopped_ = true;
    return false;
  }
  // Another clip's anchor (a frame someone waits for) goes first.
  if (!gate_->waitForAnchors(0)) {
    gate_->waitForAnchors(5);
    return true;
  }
  QRect target;
  QImage image;
  try {
    image = render(decoder.frame(fill_next_), fill_request_, &target);
  } catch (const Error&) {
    // A frame that cannot be decoded ends the pass; a request for it reports the error.
    QMutexLocker lock(&mutex_);
    fill_stopped_ = true;
    return false;
  }
  keepFilled(fill_next_, fill_request_.geometry_gen, image, target);
  ++fill_next_;
  return true;
}

bool FrameSource::waitForOtherAnchors(quint64 serial) {
  // In short slices so a new request of our own (or stop) is not kept waiting.
  for (int waited_ms = 0; waited_ms < 200; waited_ms += 5) {
    if (gate_->waitForAnchors(5)) {
      return true;
    }
    QMutexLocker lock(&mutex_);
    if (stop_ || request_serial_ != serial) {
      return false;
    }
  }
  return true;
}

void FrameSource::run() {
  // Opening counts as a pending anchor: read-ahead of clips that opened first waits for it.
  bool holding_anchor = true;
  gate_->beginAnchor();
  auto releaseAnchor = [&] {
    if (holding_anchor) {
      holding_anchor = false;
      gate_->endAnchor();
    }
  };
  std::unique_ptr<media::FrameDecoder> decoder;
  try {
    media::DecoderOptions options;
    options.cache_budget_mb = 96;
    // One decoder thread per clip: frame threading delays the first picture after every seek,
    // and the clips already decode in parallel.
    options.threads = 1;
    decoder = std::make_unique<media::FrameDecoder>(path_, options);
    ClipProbe probe;
    probe.frames = decoder->frameCount();
    probe.fps = decoder->fps();
    probe.size = QSize(decoder->width(), decoder->height());
    probe.frame_times_s = decoder->frameTimes();
    probe.has_audio = decoder->info().has_audio;
    {
      QMutexLocker lock(&mutex_);
      const double seconds = probe.frame_times_s.empty()
                                 ? 0.0
                                 : probe.frame_times_s.back() + (probe.fps > 0 ? 1.0 / probe.fps : 0.0);
      fill_status_.frames = probe.frames;
      fill_status_.eligible = fill_budget_ > 0 && seconds <= kFillMaxSeconds;
    }
    emit opened(clip_, probe);
  } catch (const Error& e) {
    releaseAnchor();
    emit failed(clip_, e.full());
    return;
  } catch (const std::exception& e) {
    releaseAnchor();
    emit failed(clip_, QString::fromLocal8Bit(e.what()));
    return;
  }

  const qint64 count = decoder->frameCount();
  for (;;) {
    FrameRequest req;
    quint64 serial = 0;
    std::vector<std::pair<qint64, QString>> saves;
    {
      QMutexLocker lock(&mutex_);
      while (!stop_ && !has_request_ && saves_.empty() && !fillPending()) {
        wake_.wait(&mutex_);
      }
      if (stop_) {
        releaseAnchor();
        return;
      }
      saves.swap(saves_);
      if (has_request_) {
        req = request_;
        serial = request_serial_;
        has_request_ = false;
        if (req.geometry_gen != delivered_gen_) {
          delivered_.clear();
          delivered_gen_ = req.geometry_gen;
        }
        if (!fill_geometry_known_ || req.geometry_gen != fill_request_.geometry_gen) {
          restartFill(req);
        }
      }
    }
    for (const auto& [index, path] : saves) {
      QString error;
      try {
        const QImage img = media::toQImage(decoder->frame(index));
        if (!img.save(path, "PNG")) {
          error = tr("cannot write %1").arg(path);
        }
      } catch (const Error& e) {
        error = e.full();
      }
      emit saved(clip_, path, error);
    }
    if (serial == 0) {
      fillOne(*decoder);  // idle: one more frame of the fill pass, then look for requests again
      continue;
    }
    const int dir = req.direction < 0 ? -1 : 1;
    const int main_count = req.ahead + 1;
    for (int k = 0; k < main_count + req.wrap_count; ++k) {
      const bool wrap = k >= main_count;
      const qint64 index = wrap ? req.wrap_first + (k - main_count) : req.anchor + qint64(k) * dir;
      if (index < 0 || index >= count) {
        if (wrap) {
          break;
        }
        k = main_count - 1;  // the main range ran off the clip: go on with the wrap range
        continue;
      }
      {
        QMutexLocker lock(&mutex_);
        if (stop_ || request_serial_ != serial) {
          break;  // a newer request wins; its loop starts over from its own anchor
        }
        if (delivered_.count(index) != 0) {
          continue;
        }
      }
      QImage image;
      QRect target;
      if (const Rendered* filled = filledFrame(index, req.geometry_gen)) {
        image = filled->image;
        target = filled->target;
        {
          QMutexLocker lock(&mutex_);
          ++fill_status_.served_from_fill;
          if (delivered_gen_ != req.geometry_gen) {
            break;
          }
          delivered_.insert(index);
        }
        emit frameReady(clip_, index, req.geometry_gen, image, target);
        continue;
      }
      if (k == 0 && !holding_anchor) {
        holding_anchor = true;
        gate_->beginAnchor();
      }
      if (k > 0 && !waitForOtherAnchors(serial)) {
        break;  // our own next request came in while waiting: it starts with an anchor
      }
      try {
        image = render(decoder->frame(index), req, &target);
      } catch (const Error& e) {
        releaseAnchor();
        emit failed(clip_, e.full());
        break;
      }
      if (k == 0) {
        releaseAnchor();
      }
      keepFilled(index, req.geometry_gen, image, target);
      {
        QMutexLocker lock(&mutex_);
        if (delivered_gen_ != req.geometry_gen) {
          break;
        }
        delivered_.insert(index);
      }
      emit frameReady(clip_, index, req.geometry_gen, image, target);
    }
    releaseAnchor();  // the anchor was already there, out of range, or superseded
  }
}

}  // namespace vs::ui
