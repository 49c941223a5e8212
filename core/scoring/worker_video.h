#pragma once
// The video side of vscore-worker's scoring (Qt Core + FFmpeg, no engine): the checkpoint's
// sampling, a video file or an already-sampled frames file turned into patches, and the
// "sampler" block of a score result. vscore-worker hands the patches to the engine.
#include <QString>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/media/qwen_sampler.h"
#include "core/media/sampler_config.h"

namespace vs::scoring {

// The checkpoint's sampling at `fps` (media::SamplerConfig::forModel). Throws vs::Error naming a
// damaged or unreadable preprocessor_config.json.
media::SamplerConfig samplerFor(const std::string& model_dir, double fps);

// The video file at `path` decoded and sampled into patches. Throws vs::Error (Io: unreadable,
// InvalidData: no video).
media::SampledVideo sampleVideoFile(const std::string& path, const media::SamplerConfig& config);

// `count` frames of `height` x `width` already sampled and resized, one after another as raw
// RGB24 in the file at `path`, patchified with `config` as sampleVideo would. Throws vs::Error
// (Io: missing or short file, InvalidData: patchify failed).
media::SampledVideo sampleFramesFile(const std::string& path, int64_t count, int height, int width,
                                     const media::SamplerConfig& config);

// A score result's "sampler" block.
nlohmann::json samplerJson(const media::SampledVideo& sampled, bool prefetched);

}  // namespace vs::scoring
