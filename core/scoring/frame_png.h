#pragma once
// Sampled frames <-> the frame-list data URL of vLLM's video loader:
// "data:video/jpeg;base64,<png>,<png>,…". vLLM splits on commas and opens each part with PIL,
// which ignores the stated type, so PNG frames travel losslessly despite the "jpeg" label
// (vllm/multimodal/media/video.py VideoMediaIO.load_base64). PNG keeps the sampler's exact
// pixels; JPEG would not.
#include <QByteArray>
#include <vector>

#include "core/media/video_frame.h"

namespace vs::scoring {

// Throws vs::Error(InvalidData) when a frame cannot be encoded.
QByteArray framesToDataUrl(const std::vector<media::RgbImage>& frames);
// Throws vs::Error(InvalidData) naming the frame that is not a PNG/JPEG image, or when frames
// differ in size.
std::vector<media::RgbImage> framesFromDataUrl(const QByteArray& url);

}  // namespace vs::scoring
