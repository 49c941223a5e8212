#pragma once
// The labels VideoScore2 writes before each score digit, in dimension order
// (visual, t2v, phy), exactly as the reference regex spells them (vs2_inference.py).
#include <array>
#include <string_view>

namespace vs::videoscore2 {

inline constexpr std::array<std::string_view, 3> kScoreLabels{
    "visual quality:", "text-to-video alignment:", "physical/common-sense consistency:"};
inline constexpr std::array<std::string_view, 3> kScoreKeys{"visual", "t2v", "phy"};

}  // namespace vs::videoscore2
