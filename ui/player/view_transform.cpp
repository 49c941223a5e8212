#include "ui/player/view_transform.h"

#include <algorithm>
#include <cmath>

namespace vs::ui {

double ViewTransform::fitScale(QSize tile, QSize frame) {
  if (frame.isEmpty() || tile.isEmpty()) {
    return 1.0;
  }
  return std::min(double(tile.width()) / frame.width(), double(tile.height()) / frame.height());
}

ViewGeometry ViewTransform::geometry(QSize tile, QSize frame, const ViewState& view) {
  ViewGeometry g;
  if (frame.isEmpty() || tile.isEmpty()) {
    return g;
  }
  g.scale = fitScale(tile, frame) * view.zoom;
  const double sw = frame.width() * g.scale;
  const double sh = frame.height() * g.scale;
  // Top-left of the whole scaled frame in tile coordinates.
  const double x0 = tile.width() / 2.0 - view.centre.x() * sw;
  const double y0 = tile.height() / 2.0 - view.centre.y() * sh;
  const double left = std::max(0.0, x0);
  const double top = std::max(0.0, y0);
  const double right = std::min(double(tile.width()), x0 + sw);
  const double bottom = std::min(double(tile.height()), y0 + sh);
  if (right - left < 1.0 || bottom - top < 1.0) {
    return g;
  }
  // Whole pixels on screen; the source rectangle follows them so the blit is exact.
  g.target = QRect(QPoint(int(std::lround(left)), int(std::lround(top))),
                   QPoint(int(std::lround(right)) - 1, int(std::lround(bottom)) - 1));
  g.source = QRectF((g.target.left() - x0) / g.scale, (g.target.top() - y0) / g.scale,
                    g.target.width() / g.scale, g.target.height() / g.scale);
  g.source = g.source.intersected(QRectF(0, 0, frame.width(), frame.height()));
  // The whole frame on screen (fit, letterboxed): no sub-pixel crop from rounding the target.
  if (x0 >= -0.5 && y0 >= -0.5 && x0 + sw <= tile.width() + 0.5 && y0 + sh <= tile.height() + 0.5) {
    g.source = QRectF(0, 0, frame.width(), frame.height());
  }
  return g;
}

ViewState ViewTransform::clamped(ViewState view) {
  view.zoom = std::clamp(view.zoom, kMinZoom, kMaxZoom);
  if (view.zoom <= 1.0) {
    view.centre = QPointF(0.5, 0.5);  // the whole frame is visible: nothing to pan
    return view;
  }
  // At zoom z the visible part spans 1/z of each axis (at most), so the centre keeps half of it
  // away from each edge.
  const double half = 0.5 / view.zoom;
  view.centre.setX(std::clamp(view.centre.x(), half, 1.0 - half));
  view.centre.setY(std::clamp(view.centre.y(), half, 1.0 - half));
  return view;
}

ViewState ViewTransform::zoomedAt(const ViewState& view, QSize tile, QSize frame, QPointF anchor,
                                  double factor) {
  if (frame.isEmpty() || tile.isEmpty()) {
    return view;
  }
  const double s0 = fitScale(tile, frame) * view.zoom;
  // Frame point under the anchor before zooming, normalised.
  const QPointF d = anchor - QPointF(tile.width() / 2.0, tile.height() / 2.0);
  const QPointF under(view.centre.x() + d.x() / (s0 * frame.width()),
                      view.centre.y() + d.y() / (s0 * frame.height()));
  ViewState out = view;
  out.zoom = std::clamp(view.zoom * factor, std::min(1.0, view.zoom), kMaxZoom);
  const double s1 = fitScale(tile, frame) * out.zoom;
  out.centre = QPointF(under.x() - d.x() / (s1 * frame.width()), under.y() - d.y() / (s1 * frame.height()));
  return clamped(out);
}

ViewState ViewTransform::panned(const ViewState& view, QSize tile, QSize frame, QPointF delta_px) {
  if (frame.isEmpty() || tile.isEmpty()) {
    return view;
  }
  const double s = fitScale(tile, frame) * view.zoom;
  ViewState out = view;
  out.centre -= QPointF(delta_px.x() / (s * frame.width()), delta_px.y() / (s * frame.height()));
  return clamped(out);
}

}  // namespace vs::ui
