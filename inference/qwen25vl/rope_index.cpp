#include "inference/qwen25vl/rope_index.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace vs::qwen25vl {

RopeIndex ropeIndex(const std::vector<int64_t>& ids, const std::vector<VisionGrid>& image_grids,
                    const std::vector<VisionGrid>& video_grids, const RopeTokenIds& tok, int64_t merge,
                    double tokens_per_second) {
  RopeIndex out;
  const auto n = static_cast<int64_t>(ids.size());
  for (auto& stream : out.positions) {
    stream.reserve(ids.size());
  }
  // Media are counted by the token that follows each vision_start (get_rope_index does the same).
  int64_t image_count = 0;
  int64_t video_count = 0;
  for (int64_t i = 0; i + 1 < n; ++i) {
    if (ids[i] == tok.vision_start_token_id) {
      image_count += ids[i + 1] == tok.image_token_id;
      video_count += ids[i + 1] == tok.video_token_id;
    }
  }
  if (image_count != static_cast<int64_t>(image_grids.size()) ||
      video_count != static_cast<int64_t>(video_grids.size())) {
    throw std::invalid_argument("prompt has " + std::to_string(image_count) + " images / " +
                                std::to_string(video_count) + " videos after <|vision_start|> but " +
                                std::to_string(image_grids.size()) + " / " +
                                std::to_string(video_grids.size()) + " grids were given");
  }
  int64_t next = 0;  // st_idx: max position so far + 1
  int64_t st = 0;
  auto push_text = [&](int64_t count) {
    for (int64_t i = 0; i < count; ++i) {
      for (auto& stream : out.positions) {
        stream.push_back(next + i);
      }
    }
    next += count;
  };
  size_t image_index = 0;
  size_t video_index = 0;
  for (int64_t m = 0; m < image_count + video_count; ++m) {
    const auto find_from = [&](int64_t id, bool remain) {
      if (!remain) {
        return n + 1;
      }
      auto it = std::find(ids.begin() + st, ids.end(), id);
      return it == ids.end() ? n + 1 : static_cast<int64_t>(it - ids.begin());
    };
    const int64_t ed_image = find_from(tok.image_token_id, image_index < image_grids.size());
    const int64_t ed_video = find_from(tok.video_token_id, video_index < video_grids.size());
    const bool is_image = ed_image < ed_video;
    const VisionGrid& grid = is_image ? image_grids[image_index++] : video_grids[video_index++];
    const int64_t ed = is_image ? ed_image : ed_video;
    if (ed > n) {
      throw std::invalid_argument("media pad token missing from the prompt");
    }
    const double sgt = is_image ? 0.0 : grid.second_per_grid_t;
    const int64_t gt = grid.thw[0];
    const int64_t gh = grid.thw[1] / merge;
    const int64_t gw = grid.thw[2] / merge;
    if (ed + gt * gh * gw > n) {
      throw std::invalid_argument("prompt ends inside a run of media pad tokens");
    }
    push_text(ed - st);
    const int64_t base = next;
    int64_t max_pos = base - 1;
    // transformers (4.5x file) casts second_per_grid_t to int64 before the product; the
    // product is then truncated by .long() — both are integer truncations here.
    const auto sgt_int = static_cast<int64_t>(sgt);
    const auto tps = tokens_per_second;
    for (int64_t t = 0; t < gt; ++t) {
      const auto t_pos = static_cast<int64_t>(static_cast<double>(t * sgt_int) * tps);
      for (int64_t r = 0; r < gh; ++r) {
        for (int64_t c = 0; c < gw; ++c) {
          out.positions[0].push_back(base + t_pos);
          out.positions[1].push_back(base + r);
          out.positions[2].push_back(base + c);
          max_pos = std::max({max_pos, base + t_pos, base + r, base + c});
        }
      }
    }
    next = max_pos + 1;
    st = ed + gt * gh * gw;
  }
  if (st < n) {
    push_text(n - st);
  }
  out.rope_delta = next - n;
  return out;
}

}  // namespace vs::qwen25vl
