#pragma once
// Linked zoom and pan: one ViewState for all tiles (zoom relative to "fit", centre in
// normalised frame coordinates), mapped per tile to the part of the frame that is visible and
// where it lands. The decoder threads render exactly that part, so painting is a plain blit.
#include <QPointF>
#include <QRect>
#include <QRectF>
#include <QSize>

namespace vs::ui {

struct ViewState {
  double zoom = 1.0;                   // 1 = the whole frame fits the tile
  QPointF centre = QPointF(0.5, 0.5);  // frame point at the tile centre, 0..1 each axis

  bool operator==(const ViewState& o) const { return zoom == o.zoom && centre == o.centre; }
  bool operator!=(const ViewState& o) const { return !(*this == o); }
};

struct ViewGeometry {
  QRect target;        // in tile coordinates: where the picture is drawn (empty: nothing visible)
  QRectF source;       // in frame pixels: which part of the frame fills `target`
  double scale = 1.0;  // screen pixels per frame pixel
};

class ViewTransform {
 public:
  static constexpr double kMinZoom = 0.05;  // below 1 only via 1:1 of a clip smaller than its tile
  static constexpr double kMaxZoom = 32.0;

  static double fitScale(QSize tile, QSize frame);
  static ViewGeometry geometry(QSize tile, QSize frame, const ViewState& view);
  // Keeps the centre so that the frame never leaves a gap it could fill.
  static ViewState clamped(ViewState view);
  // Zoom by `factor` around `anchor_in_tile` (the point under the mouse stays put). Zooming out
  // stops at "fit" (or at the current zoom when that is already smaller).
  static ViewState zoomedAt(const ViewState& view, QSize tile, QSize frame, QPointF anchor_in_tile,
                            double factor);
  // Pan by a mouse drag of `delta_px` screen pixels.
  static ViewState panned(const ViewState& view, QSize tile, QSize frame, QPointF delta_px);
};

}  // namespace vs::ui
