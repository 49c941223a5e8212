#pragma once
// The three VideoScore2 dimensions and their names in every format we speak.
#include <QString>
#include <array>

namespace vs {

enum class Dimension { Visual = 0, T2V = 1, Phy = 2 };
inline constexpr std::array<Dimension, 3> kDimensions{Dimension::Visual, Dimension::T2V, Dimension::Phy};

// "visual", "t2v", "phy": the key prefix of VideoFeedback2 (`visual_score`).
QString dimensionKey(Dimension d);
// "v", "t", "p": the prefix of prediction files (`v_score_model`).
QString dimensionShortKey(Dimension d);
// Human-readable name ("Visual quality"), untranslated; the UI wraps it in tr().
QString dimensionTitle(Dimension d);
// The label the model writes before the digit ("visual quality").
QString dimensionModelLabel(Dimension d);

inline int index(Dimension d) {
  return static_cast<int>(d);
}

}  // namespace vs
