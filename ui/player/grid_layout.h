#pragma once
// Where each tile goes: rows × columns for a clip count (1, 1×2, 2×2, 2×3, 3×3), and the tile
// rectangles inside an area. Pure geometry, so it is tested without a widget.
#include <QRect>
#include <QVector>

#include "ui/player/player_grid.h"

namespace vs::ui {

struct GridShape {
  int rows = 1;
  int cols = 1;
};

class GridLayout {
 public:
  static GridShape shapeFor(int clip_count, GridLayoutChoice choice);
  // Tile rectangles, row-major, `count` of them, with `gap_px` between tiles.
  static QVector<QRect> tiles(const QRect& area, GridShape shape, int count, int gap_px);
};

}  // namespace vs::ui
