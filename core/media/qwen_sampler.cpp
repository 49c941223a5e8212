#include "core/media/qwen_sampler.h"

#include <algorithm>
#include <cmath>
#include <thread>

#include "core/domain/error.h"
#include "core/media/bicubic_resize.h"
#include "core/media/frame_decoder.h"

namespace vs::media {

namespace {

// Python's round(): half to even (the FPU's default rounding mode).
double pyRound(double x) {
  return std::nearbyint(x);
}
int64_t roundByFactor(double n, int64_t f) {
  return static_cast<int64_t>(pyRound(n / f)) * f;
}
int64_t ceilByFactor(double n, int64_t f) {
  return static_cast<int64_t>(std::ceil(n / f)) * f;
}
int64_t floorByFactor(double n, int64_t f) {
  return static_cast<int64_t>(std::floor(n / f)) * f;
}

}  // namespace

int64_t smartNframes(int64_t total_frames, double video_fps, const SamplerConfig& c) {
  const int64_t factor = c.frame_factor;
  int64_t n = 0;
  if (c.nframes) {
    n = roundByFactor(static_cast<double>(*c.nframes), factor);
  } else {
    if (!(video_fps > 0.0)) {
      throw vs::Error(vs::Error::Kind::InvalidData, QString(),
                      QStringLiteral("the video has no frame rate, cannot sample at %1 fps").arg(c.fps));
    }
    const int64_t min_frames = ceilByFactor(static_cast<double>(c.min_frames), factor);
    const int64_t max_frames =
        floorByFactor(static_cast<double>(std::min(c.max_frames, total_frames)), factor);
    double x = static_cast<double>(total_frames) / video_fps * c.fps;
    x = std::min(std::min(std::max(x, static_cast<double>(min_frames)), static_cast<double>(max_frames)),
                 static_cast<double>(total_frames));
    n = floorByFactor(x, factor);
  }
  if (!(factor <= n && n <= total_frames)) {
    throw vs::Error(vs::Error::Kind::InvalidData, QString(),
                    QStringLiteral("clip too short for the Qwen-VL sampler: nframes %1 must lie in [%2, %3]")
                        .arg(n)
                        .arg(factor)
                        .arg(total_frames));
  }
  return n;
}

std::vector<int64_t> sampleIndices(int64_t total_frames, int64_t nframes) {
  // torch.linspace CPU kernel in float32: step = (end - start) / (steps - 1); the first half is
  // start + step*i, the second half end - step*(steps-1-i). Then round half to even.
  std::vector<int64_t> out(static_cast<size_t>(std::max<int64_t>(nframes, 0)));
  if (nframes == 1) {
    out[0] = 0;
    return out;
  }
  const float start = 0.0f;
  const float end = static_cast<float>(total_frames - 1);
  const float step = (end - start) / static_cast<float>(nframes - 1);
  const int64_t halfway = nframes / 2;
  for (int64_t i = 0; i < nframes; ++i) {
    const float v =
        i < halfway ? start + step * static_cast<float>(i) : end - step * static_cast<float>(nframes - i - 1);
    out[static_cast<size_t>(i)] = static_cast<int64_t>(std::nearbyint(v));
  }
  return out;
}

int64_t maxPixelsPerFrame(int64_t nframes, const SamplerConfig& c) {
  // fetch_video: max(min(VIDEO_MAX_PIXELS, total_pixels / nframes * FRAME_FACTOR), int(min_pixels * 1.05))
  const double budget = std::min(static_cast<double>(c.video_max_pixels),
                                 c.total_pixels / static_cast<double>(nframes) * c.frame_factor);
  const double floor_px = static_cast<double>(static_cast<int64_t>(static_cast<double>(c.min_pixels) * 1.05));
  double max_pixels = std::max(budget, floor_px);
  if (c.max_pixels) {
    max_pixels = std::min(static_cast<double>(*c.max_pixels), max_pixels);
  }
  // smart_resize only compares against it, so keeping the integer part loses nothing for
  // products of integers.
  return static_cast<int64_t>(std::floor(max_pixels));
}

ResizedSize smartResize(int height, int width, int factor, int64_t min_pixels, int64_t max_pixels) {
  if (height <= 0 || width <= 0) {
    throw vs::Error(vs::Error::Kind::InvalidData, QString(), QStringLiteral("empty picture"));
  }
  const double h = height;
  const double w = width;
  if (std::max(h, w) / std::min(h, w) > 200) {
    throw vs::Error(vs::Error::Kind::InvalidData, QString(),
                    QStringLiteral("absolute aspect ratio must be smaller than 200, got %1")
                        .arg(std::max(h, w) / std::min(h, w)));
  }
  int64_t h_bar = std::max<int64_t>(factor, roundByFactor(h, factor));
  int64_t w_bar = std::max<int64_t>(factor, roundByFactor(w, factor));
  if (h_bar * w_bar > max_pixels) {
    const double beta = std::sqrt((h * w) / static_cast<double>(max_pixels));
    h_bar = floorByFactor(h / beta, factor);
    w_bar = floorByFactor(w / beta, factor);
  } else if (h_bar * w_bar < min_pixels) {
    const double beta = std::sqrt(static_cast<double>(min_pixels) / (h * w));
    h_bar = ceilByFactor(h * beta, factor);
    w_bar = ceilByFactor(w * beta, factor);
  }
  return {static_cast<int>(h_bar), static_cast<int>(w_bar)};
}

PatchGrid patchify(const std::vector<RgbImage>& input, const SamplerConfig& c) {
  if (input.empty()) {
    throw vs::Error(vs::Error::Kind::Usage, QString(), QStringLiteral("patchify needs at least one frame"));
  }
  const int tp = c.temporal_patch_size;
  const int ps = c.patch_size;
  const int ms = c.merge_size;
  const int height = input.front().height;
  const int width = input.front().width;
  if (height % (ps * ms) != 0 || width % (ps * ms) != 0) {
    throw vs::Error(
        vs::Error::Kind::Usage, QString(),
        QStringLiteral("frame size %1x%2 is not a multiple of %3").arg(width).arg(height).arg(ps * ms));
  }
  // The processor repeats the last frame until the count divides temporal_patch_size.
  std::vector<const RgbImage*> frames;
  for (const RgbImage& f : input) {
    if (f.width != width || f.height != height) {
      throw vs::Error(vs::Error::Kind::Usage, QString(), QStringLiteral("frames differ in size"));
    }
    frames.push_back(&f);
  }
  while (frames.size() % static_cast<size_t>(tp) != 0) {
    frames.push_back(frames.back());
  }
  const int64_t gt = static_cast<int64_t>(frames.size()) / tp;
  const int64_t gh = height / ps;
  const int64_t gw = width / ps;
  PatchGrid out;
  out.grid_thw = {gt, gh, gw};
  out.rows = gt * gh * gw;
  out.cols = int64_t{3} * tp * ps * ps;
  out.values.resize(static_cast<size_t>(out.rows * out.cols));
  // Rescale and normalise fused as the HF torch processors do: (x - 255*mean) / (255*std), float32.
  float mean255[3];
  float std255[3];
  for (int ch = 0; ch < 3; ++ch) {
    mean255[ch] = c.image_mean[ch] * 255.0f;
    std255[ch] = c.image_std[ch] * 255.0f;
  }
  // Patch order of Qwen2VLImageProcessor._preprocess: [gt, gh/ms, gw/ms, ms, ms, C, tp, ps, ps].
  float* dst = out.values.data();
  for (int64_t t = 0; t < gt; ++t) {
    for (int64_t bh = 0; bh < gh / ms; ++bh) {
      for (int64_t bw = 0; bw < gw / ms; ++bw) {
        for (int mr = 0; mr < ms; ++mr) {
          for (int mc = 0; mc < ms; ++mc) {
            const int64_t y0 = (bh * ms + mr) * ps;
            const int64_t x0 = (bw * ms + mc) * ps;
            for (int ch = 0; ch < 3; ++ch) {
              for (int k = 0; k < tp; ++k) {
                const RgbImage& img = *frames[static_cast<size_t>(t * tp + k)];
                for (int py = 0; py < ps; ++py) {
                  const uint8_t* row = img.row(static_cast<int>(y0 + py)) + x0 * 3 + ch;
                  for (int px = 0; px < ps; ++px) {
                    *dst++ = (static_cast<float>(row[px * 3]) - mean255[ch]) / std255[ch];
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  return out;
}

SampledVideo sampleVideo(const QString& path, const SamplerConfig& config, SampleOutput output) {
  DecoderOptions options;
  options.color = ColorConversion::Reference;
  options.geometry = FrameGeometry::Coded;  // torchvision.io.read_video ignores SAR and rotation
  options.cache_budget_mb = 0;
  FrameDecoder decoder(path, options);
  SampledVideo s;
  s.video_fps = decoder.info().fps;
  s.fps_source = decoder.info().fps_source;
  s.source_width = decoder.width();
  s.source_height = decoder.height();
  s.total_frames = decoder.frameCount();
  s.warning = decoder.info().warning;
  if (s.fps_source == FpsSource::FrameTimes && s.warning.isEmpty()) {
    s.warning = QStringLiteral("the container gives no frame rate: %1 fps from the frame times")
                    .arg(s.video_fps, 0, 'g', 6);
  }
  const auto choose = [&] {
    try {
      s.nframes = smartNframes(s.total_frames, s.video_fps, config);
    } catch (const vs::Error& e) {
      throw vs::Error(e.kind(), path, e.message());
    }
    s.indices = sampleIndices(s.total_frames, s.nframes);
  };
  choose();
  s.second_per_grid_t = static_cast<double>(config.temporal_patch_size) / config.fps;
  s.resized = smartResize(s.source_height, s.source_width, config.factor(), config.min_pixels,
                          maxPixelsPerFrame(s.nframes, config));
  std::vector<VideoFrame> decoded;
  auto collect = [&](VideoFrame&& f) { decoded.push_back(std::move(f)); };
  // IndicesOnly still decodes (without colour conversion): total_frames must count decodable
  // frames, as torchvision's reader does.
  const int64_t produced = output == SampleOutput::IndicesOnly ? decoder.decodeSequential({}, collect)
                                                               : decoder.decodeSequential(s.indices, collect);
  if (produced == 0) {
    throw vs::Error(vs::Error::Kind::InvalidData, path, QStringLiteral("no frame could be decoded"));
  }
  if (produced != s.total_frames) {
    // total_frames is what the decoder really produced (torchvision counts decoded frames).
    if (produced < s.total_frames) {
      s.warning = QStringLiteral("only %1 of %2 frames decode: the file is truncated or corrupt")
                      .arg(produced)
                      .arg(s.total_frames);
    }
    s.total_frames = produced;
    choose();
    s.resized = smartResize(s.source_height, s.source_width, config.factor(), config.min_pixels,
                            maxPixelsPerFrame(s.nframes, config));
    decoded.clear();
    if (output != SampleOutput::IndicesOnly) {
      decoder.decodeSequential(s.indices, collect);
    }
  }
  if (output == SampleOutput::IndicesOnly) {
    for (int64_t i : s.indices) {
      const auto& times = decoder.frameTimes();
      s.times_s.push_back(static_cast<size_t>(i) < times.size() ? times[static_cast<size_t>(i)] : 0.0);
    }
    return s;
  }
  if (decoded.size() != s.indices.size()) {
    throw vs::Error(vs::Error::Kind::InvalidData, path,
                    QStringLiteral("sampled frames could not be decoded"));
  }
  const ResizedSize size = s.resized;
  s.frames.resize(decoded.size());
  // Two workers: resizing is the costliest step and frames are independent.
  const auto work = [&](size_t begin, size_t stride) {
    for (size_t i = begin; i < decoded.size(); i += stride) {
      s.frames[i] = resizeBicubicAntialias(decoded[i].image, size.width, size.height);
    }
  };
  std::thread second(work, size_t{1}, size_t{2});
  work(0, 2);
  second.join();
  for (const VideoFrame& f : decoded) {
    s.times_s.push_back(f.time_s);
  }
  if (output == SampleOutput::Patches) {
    s.pixels = patchify(s.frames, config);
  }
  return s;
}

}  // namespace vs::media
