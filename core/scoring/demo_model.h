#pragma once
// The demo's model (`vscore demo-model`) has random weights: its scores and reasoning are noise.
// It leaves this file in its folder, and whatever scores with it records kDemoModelId as the
// evaluation's model id, so every place that shows a model result can say it is no judgement.
namespace vs::scoring {

inline constexpr const char* kDemoModelMarkerFile = "RANDOM_WEIGHTS.txt";
inline constexpr const char* kDemoModelId = "random-weight-demo";

}  // namespace vs::scoring
