#pragma once
// Hyper-parameters of Qwen2.5-VL (text decoder + vision tower), as read from a checkpoint's
// config.json by Checkpoint::open (qwen25vl_config_reader.h). Defaults are the values of
// Qwen2.5-VL-7B-Instruct (and so of VideoScore2); a loaded checkpoint always overrides them with
// what its own file says — never rely on a default where the file has the key.
// Field names follow transformers' Qwen2_5_VLConfig / Qwen2_5_VLVisionConfig.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace vs::checkpoint {

struct Qwen25VLTextConfig {
  int64_t vocab_size = 152064;  // rows of embed_tokens / lm_head (tokenizer defines fewer ids)
  int64_t hidden_size = 3584;
  int64_t intermediate_size = 18944;
  int64_t num_hidden_layers = 28;
  int64_t num_attention_heads = 28;
  int64_t num_key_value_heads = 4;
  int64_t head_dim = 128;  // hidden_size / num_attention_heads unless the file says otherwise
  std::string hidden_act = "silu";
  double rms_norm_eps = 1e-6;  // class default is 1e-5: the 7B file says 1e-6
  double rope_theta = 1000000.0;
  std::string rope_type = "default";  // "mrope" in the original release, "default" in re-saves
  // M-RoPE split of the head_dim/2 rotary frequencies into (t, h, w) streams; sum == head_dim/2.
  std::vector<int64_t> mrope_section = {16, 24, 24};
  int64_t max_position_embeddings = 128000;
  bool tie_word_embeddings = false;  // 7B: false; 3B: true
  double attention_dropout = 0.0;

  int64_t kvGroupSize() const { return num_attention_heads / num_key_value_heads; }
};

struct Qwen25VLVisionConfig {
  int64_t depth = 32;
  int64_t hidden_size = 1280;
  int64_t num_heads = 16;
  int64_t intermediate_size = 3420;
  std::string hidden_act = "silu";
  int64_t patch_size = 14;
  int64_t temporal_patch_size = 2;
  int64_t spatial_merge_size = 2;
  int64_t window_size = 112;  // pixels
  std::vector<int64_t> fullatt_block_indexes = {7, 15, 23, 31};
  int64_t out_hidden_size = 3584;  // == text hidden_size
  int64_t in_channels = 3;         // "in_chans" in the original release
  // Temporal M-RoPE step per second of video: 2 in the checkpoint. A config.json without the key
  // loads as 4, Qwen2_5_VLVisionConfig's default, as transformers would run it.
  double tokens_per_second = 2.0;
  // Vision RMSNorm eps is hard-coded to 1e-6 in modeling_qwen2_5_vl.py, not read from config.
  double rms_norm_eps = 1e-6;

  int64_t headDim() const { return hidden_size / num_heads; }
  // Length of one flattened patch: in_channels * temporal_patch_size * patch_size^2 (1176).
  int64_t patchDim() const { return in_channels * temporal_patch_size * patch_size * patch_size; }
  // Width of the merger MLP: hidden_size * spatial_merge_size^2 (5120).
  int64_t mergerHiddenSize() const { return hidden_size * spatial_merge_size * spatial_merge_size; }
};

struct Qwen25VLTokenIds {
  int64_t bos_token_id = 151643;
  int64_t eos_token_id = 151645;
  int64_t image_token_id = 151655;
  int64_t video_token_id = 151656;
  int64_t vision_start_token_id = 151652;
  int64_t vision_end_token_id = 151653;
  int64_t vision_token_id = 151654;  // <|vision_pad|>, unused by the model
};

struct Qwen25VLConfig {
  Qwen25VLTextConfig text;
  Qwen25VLVisionConfig vision;
  Qwen25VLTokenIds tokens;
  std::string torch_dtype = "bfloat16";  // as stored on disk; informational
  std::string model_type = "qwen2_5_vl";
};

}  // namespace vs::checkpoint
