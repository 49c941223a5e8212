#include "ui/player/grid_layout.h"

#include <algorithm>

namespace vs::ui {

GridShape GridLayout::shapeFor(int clip_count, GridLayoutChoice choice) {
  switch (choice) {
    case GridLayoutChoice::One:
      return {1, 1};
    case GridLayoutChoice::OneByTwo:
      return {1, 2};
    case GridLayoutChoice::TwoByTwo:
      return {2, 2};
    case GridLayoutChoice::TwoByThree:
      return {2, 3};
    case GridLayoutChoice::ThreeByThree:
      return {3, 3};
    case GridLayoutChoice::Auto:
      break;
  }
  if (clip_count <= 1) {
    return {1, 1};
  }
  if (clip_count == 2) {
    return {1, 2};
  }
  if (clip_count <= 4) {
    return {2, 2};
  }
  if (clip_count <= 6) {
    return {2, 3};
  }
  return {3, 3};
}

QVector<QRect> GridLayout::tiles(const QRect& area, GridShape shape, int count, int gap_px) {
  QVector<QRect> out;
  const int rows = std::max(1, shape.rows);
  const int cols = std::max(1, shape.cols);
  const int w = std::max(1, (area.width() - gap_px * (cols - 1)) / cols);
  const int h = std::max(1, (area.height() - gap_px * (rows - 1)) / rows);
  for (int i = 0; i < count && i < rows * cols; ++i) {
    const int r = i / cols;
    const int c = i % cols;
    out.push_back(QRect(area.left() + c * (w + gap_px), area.top() + r * (h + gap_px), w, h));
  }
  return out;
}

}  // namespace vs::ui
