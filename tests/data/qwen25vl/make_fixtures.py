#!/usr/bin/python3
"""Golden vectors for the C++ Qwen2.5-VL engine (inference/qwen25vl, inference/generate).

An independent PyTorch reference: transformers is not installable here, so this script re-states
transformers 4.53's Qwen2.5-VL forward function by function (each function names the one it
follows in src/transformers/models/qwen2_5_vl/modeling_qwen2_5_vl.py and
src/transformers/generation/logits_process.py), on Debian's python3-torch 1.13, fp32, CPU.

It builds the tiny random model of reference/qwen25vl.md §9.2 (2 decoder layers with GQA and
mrope_section [2,3,3]; 4 vision blocks, windowed 0 and 2, full attention 1 and 3; every weight,
bias and norm re-randomised), writes it as an HF checkpoint (2 safetensors shards + index, the
legacy "visual." / "model." key layout, config.json, generation_config.json), decodes a real
ffmpeg-made clip with PyAV and applies the qwen-vl-utils sampling rules (fetch_video,
smart_nframes, smart_resize) and the Qwen2-VL video processor (rescale+normalise, patchify), and
dumps (golden.safetensors + golden.json):
  input_ids, position_ids, rope_deltas, pixel_values_videos, grid, window_index,
  cu_window_seqlens, vision patch-embed / block / final outputs, decoder hidden states,
  prefill logits, and 8 steps of: greedy, greedy + repetition penalty, seeded sampling;
  plus the logits-processor chain on hand-made logits.

Run from anywhere:  /usr/bin/python3 tests/data/qwen25vl/make_fixtures.py
Outputs are deterministic (fixed seeds; the clip is made by ffmpeg's lavfi testsrc2).
"""
import json
import math
import os
import struct
import subprocess
import tempfile

import av
import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL_DIR = os.path.join(HERE, "tiny")
torch.set_num_threads(1)

# ---------------------------------------------------------------------------------------------
# Configuration (reference/qwen25vl.md §9.2)
TEXT = dict(vocab_size=1024, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
            num_attention_heads=4, num_key_value_heads=2, rms_norm_eps=1e-6, rope_theta=1e6,
            mrope_section=[2, 3, 3], tie_word_embeddings=False, max_position_embeddings=4096)
VISION = dict(depth=4, hidden_size=32, num_heads=2, intermediate_size=48, out_hidden_size=64,
              patch_size=14, temporal_patch_size=2, spatial_merge_size=2, window_size=112,
              fullatt_block_indexes=[1, 3], tokens_per_second=2, in_channels=3)
IDS = dict(image_token_id=1000, video_token_id=1001, vision_start_token_id=1002,
           vision_end_token_id=1003, eos_token_id=1004, bos_token_id=1005)
GENERATION_FILE = dict(do_sample=True, temperature=0.1, top_k=1, top_p=0.001, repetition_penalty=1.05,
                       eos_token_id=[1004, 1005], bos_token_id=1005, pad_token_id=1005)
# Special tokens of the tiny tokenizer (ids as in IDS; <|im_start|> takes the last free one).
SPECIAL_TOKENS = {1000: "<|image_pad|>", 1001: "<|video_pad|>", 1002: "<|vision_start|>", 1003: "<|vision_end|>",
                  1004: "<|im_end|>", 1005: "<|endoftext|>", 1006: "<|im_start|>"}
QWEN2_PATTERN = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|"
                 r"\s*[\r\n]+|\s+(?!\S)|\s+")
IMAGE_MEAN = [0.48145466, 0.4578275, 0.40821073]
IMAGE_STD = [0.26862954, 0.26130258, 0.27577711]
GREEDY_STEPS = 8


# ---------------------------------------------------------------------------------------------
# Video: qwen-vl-utils (vision_process.py) + Qwen2VLVideoProcessor
def make_clip(path):
    # 5.5 s at 8 fps = 44 frames of 205x150: fps-2 sampling gives 10 frames -> grid t = 5, and a
    # frame that smart_resize shrinks to 196x140 (merged grid 5x7: windows of 4x4, 4x3, 1x4, 1x3).
    subprocess.run(["ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i",
                    "testsrc2=size=205x150:rate=8:duration=5.5", "-pix_fmt", "yuv420p",
                    "-c:v", "libx264", "-preset", "veryslow", "-crf", "30", path], check=True)


def read_video_pyav(path):
    """torchvision.io.read_video's PyAV path as qwen-vl-utils _read_video_torchvision uses it:
    every frame as RGB24, video_fps = the stream's average rate."""
    with av.open(path) as container:
        stream = container.streams.video[0]
        fps = float(stream.average_rate)
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(stream)]
    video = torch.from_numpy(np.stack(frames)).permute(0, 3, 1, 2).contiguous()  # T C H W uint8
    return video, fps


def round_by_factor(n, f):
    return round(n / f) * f  # Python round: half to even, as in qwen-vl-utils


def ceil_by_factor(n, f):
    return math.ceil(n / f) * f


def floor_by_factor(n, f):
    return math.floor(n / f) * f


def smart_nframes(total_frames, video_fps, fps=2.0, min_frames=4, max_frames=768, factor=2):
    """qwen_vl_utils.vision_process.smart_nframes with `fps` given."""
    min_frames = ceil_by_factor(min_frames, factor)
    max_frames = floor_by_factor(min(max_frames, total_frames), factor)
    nframes = total_frames / video_fps * fps
    nframes = min(min(max(nframes, min_frames), max_frames), total_frames)
    nframes = floor_by_factor(nframes, factor)
    assert factor <= nframes <= total_frames
    return nframes


def smart_resize(height, width, factor=28, min_pixels=3136, max_pixels=31360):
    """qwen_vl_utils.vision_process.smart_resize."""
    h_bar = max(factor, round_by_factor(height, factor))
    w_bar = max(factor, round_by_factor(width, factor))
    if h_bar * w_bar > max_pixels:
        beta = math.sqrt((height * width) / max_pixels)
        h_bar = floor_by_factor(height / beta, factor)
        w_bar = floor_by_factor(width / beta, factor)
    elif h_bar * w_bar < min_pixels:
        beta = math.sqrt(min_pixels / (height * width))
        h_bar = ceil_by_factor(height * beta, factor)
        w_bar = ceil_by_factor(width * beta, factor)
    return h_bar, w_bar


def resize_bicubic_aa_uint8(video, h, w):
    """torchvision.transforms.functional.resize(uint8 tensor, [h, w], BICUBIC, antialias=True):
    float interpolate, clamp (bicubic), round, back to uint8."""
    if (video.shape[-2], video.shape[-1]) == (h, w):
        return video
    x = F.interpolate(video.float(), size=(h, w), mode="bicubic", align_corners=False, antialias=True)
    return x.clamp(0, 255).round().to(torch.uint8)


def video_processor(frames_float, cfg):
    """Qwen2VLVideoProcessor._preprocess: fused rescale+normalise ((x - 255 mean) / (255 std),
    BaseImageProcessorFast._fuse_mean_std_and_rescale_factor), then the patchify permute."""
    mean = torch.tensor(IMAGE_MEAN, dtype=torch.float32) * (1.0 / (1 / 255))
    std = torch.tensor(IMAGE_STD, dtype=torch.float32) * (1.0 / (1 / 255))
    x = (frames_float - mean[None, :, None, None]) / std[None, :, None, None]
    T, C, H, W = x.shape
    tp, ps, ms = cfg["temporal_patch_size"], cfg["patch_size"], cfg["spatial_merge_size"]
    if T % tp:
        x = torch.cat([x, x[-1:].repeat(tp - T % tp, 1, 1, 1)])
        T = x.shape[0]
    gt, gh, gw = T // tp, H // ps, W // ps
    x = x.view(gt, tp, C, gh // ms, ms, ps, gw // ms, ms, ps)
    x = x.permute(0, 3, 6, 4, 7, 2, 1, 5, 8)
    return x.reshape(gt * gh * gw, C * tp * ps * ps).contiguous(), [gt, gh, gw]


# ---------------------------------------------------------------------------------------------
# Model: modeling_qwen2_5_vl.py, function by function. Parameters live in one dict `W` keyed by
# the checkpoint names (layout A).
def rms_norm(x, weight, eps):
    """Qwen2RMSNorm.forward: fp32 statistics, cast back to the input dtype, then x weight."""
    dtype = x.dtype
    h = x.to(torch.float32)
    variance = h.pow(2).mean(-1, keepdim=True)
    h = h * torch.rsqrt(variance + eps)
    return weight * h.to(dtype)


def linear(x, W, name, bias=True):
    return F.linear(x, W[name + ".weight"], W[name + ".bias"] if bias else None)


def rotate_half(x):
    """rotate_half."""
    x1 = x[..., : x.shape[-1] // 2]
    x2 = x[..., x.shape[-1] // 2:]
    return torch.cat((-x2, x1), dim=-1)


def apply_rotary_pos_emb_vision(q, k, cos, sin):
    """apply_rotary_pos_emb_vision (fp32)."""
    oq, ok = q.dtype, k.dtype
    q, k = q.float(), k.float()
    cos, sin = cos.unsqueeze(-2).float(), sin.unsqueeze(-2).float()
    return ((q * cos) + (rotate_half(q) * sin)).to(oq), ((k * cos) + (rotate_half(k) * sin)).to(ok)


def eager_attention(q, k, v, scaling, mask=None):
    """eager_attention_forward (q, k, v: [1, heads, L, d]); repeat_kv done by the caller."""
    w = torch.matmul(q, k.transpose(2, 3)) * scaling
    if mask is not None:
        w = w + mask
    w = F.softmax(w, dim=-1, dtype=torch.float32).to(q.dtype)
    return torch.matmul(w, v).transpose(1, 2).contiguous()


def vision_rot_pos_emb(grid_thw, cfg):
    """Qwen2_5_VisionTransformerPretrainedModel.rot_pos_emb + Qwen2_5_VisionRotaryEmbedding."""
    ms = cfg["spatial_merge_size"]
    dim = cfg["hidden_size"] // cfg["num_heads"] // 2
    inv_freq = 1.0 / (10000.0 ** (torch.arange(0, dim, 2, dtype=torch.float) / dim))
    pos_ids = []
    for t, h, w in grid_thw:
        hpos = torch.arange(h).unsqueeze(1).expand(-1, w)
        hpos = hpos.reshape(h // ms, ms, w // ms, ms).permute(0, 2, 1, 3).flatten()
        wpos = torch.arange(w).unsqueeze(0).expand(h, -1)
        wpos = wpos.reshape(h // ms, ms, w // ms, ms).permute(0, 2, 1, 3).flatten()
        pos_ids.append(torch.stack([hpos, wpos], dim=-1).repeat(t, 1))
    pos_ids = torch.cat(pos_ids, dim=0)
    max_grid = int(max(max(g[1], g[2]) for g in grid_thw))
    seq = torch.arange(max_grid, dtype=inv_freq.dtype)
    full = torch.outer(seq, inv_freq)
    return full[pos_ids].flatten(1)


def vision_get_window_index(grid_thw, cfg):
    """Qwen2_5_VisionTransformerPretrainedModel.get_window_index."""
    ms = cfg["spatial_merge_size"]
    window_index, cu_window_seqlens, window_index_id = [], [0], 0
    vws = cfg["window_size"] // ms // cfg["patch_size"]
    for grid_t, grid_h, grid_w in grid_thw:
        lh, lw = grid_h // ms, grid_w // ms
        index = torch.arange(grid_t * lh * lw).reshape(grid_t, lh, lw)
        pad_h = vws - lh % vws
        pad_w = vws - lw % vws
        nwh, nww = (lh + pad_h) // vws, (lw + pad_w) // vws
        ip = F.pad(index, (0, pad_w, 0, pad_h), "constant", -100)
        ip = ip.reshape(grid_t, nwh, vws, nww, vws).permute(0, 1, 3, 2, 4).reshape(grid_t, nwh * nww, vws, vws)
        seqlens = (ip != -100).sum([2, 3]).reshape(-1)
        ip = ip.reshape(-1)
        window_index.append(ip[ip != -100] + window_index_id)
        cu = seqlens.cumsum(0) * ms * ms + cu_window_seqlens[-1]
        cu_window_seqlens.extend(cu.tolist())
        window_index_id += grid_t * lh * lw
    return torch.cat(window_index, dim=0), cu_window_seqlens


def vision_attention(x, W, p, cu_seqlens, cos, sin, cfg):
    """Qwen2_5_VLVisionAttention.forward, non-flash path (attention per cu_seqlens chunk)."""
    L = x.shape[0]
    nh = cfg["num_heads"]
    q, k, v = linear(x, W, p + ".qkv").reshape(L, 3, nh, -1).permute(1, 0, 2, 3).unbind(0)
    q, k = apply_rotary_pos_emb_vision(q, k, cos, sin)
    q, k, v = (t.transpose(0, 1).unsqueeze(0) for t in (q, k, v))
    lengths = (cu_seqlens[1:] - cu_seqlens[:-1]).tolist()
    scaling = (cfg["hidden_size"] // nh) ** -0.5
    outs = [eager_attention(a, b, c, scaling) for a, b, c in
            zip(torch.split(q, lengths, 2), torch.split(k, lengths, 2), torch.split(v, lengths, 2))]
    out = torch.cat(outs, dim=1).reshape(L, -1)
    return linear(out, W, p + ".proj")


def mlp(x, W, p, bias):
    """Qwen2_5_VLMLP / Qwen2MLP: down(silu(gate(x)) * up(x))."""
    return linear(F.silu(linear(x, W, p + ".gate_proj", bias)) * linear(x, W, p + ".up_proj", bias), W,
                  p + ".down_proj", bias)


def vision_forward(pixel_values, grid_thw, W, cfg, dump):
    """Qwen2_5_VisionTransformerPretrainedModel.forward (+ Qwen2_5_VisionPatchEmbed,
    Qwen2_5_VLVisionBlock, Qwen2_5_VLPatchMerger)."""
    C, tp, ps = cfg["in_channels"], cfg["temporal_patch_size"], cfg["patch_size"]
    hs = F.conv3d(pixel_values.view(-1, C, tp, ps, ps), W["visual.patch_embed.proj.weight"],
                  stride=(tp, ps, ps)).view(-1, cfg["hidden_size"])
    dump["vision.patch_embed"] = hs.clone()
    rot = vision_rot_pos_emb(grid_thw, cfg)
    window_index, cu_window_seqlens = vision_get_window_index(grid_thw, cfg)
    cu_window_seqlens = torch.unique_consecutive(torch.tensor(cu_window_seqlens, dtype=torch.int32))
    dump["vision.window_index"] = window_index.clone()
    dump["vision.cu_window_seqlens"] = cu_window_seqlens.long()
    unit = cfg["spatial_merge_size"] ** 2
    L = hs.shape[0]
    hs = hs.reshape(L // unit, unit, -1)[window_index].reshape(L, -1)
    rot = rot.reshape(L // unit, unit, -1)[window_index].reshape(L, -1)
    dump["vision.rotary_angles"] = rot.clone()
    emb = torch.cat((rot, rot), dim=-1)
    cos, sin = emb.cos(), emb.sin()
    g = torch.tensor(grid_thw)
    cu_seqlens = torch.repeat_interleave(g[:, 1] * g[:, 2], g[:, 0]).cumsum(0, dtype=torch.int32)
    cu_seqlens = F.pad(cu_seqlens, (1, 0), value=0)
    dump["vision.cu_seqlens"] = cu_seqlens.long()
    for i in range(cfg["depth"]):
        cu = cu_seqlens if i in cfg["fullatt_block_indexes"] else cu_window_seqlens
        p = f"visual.blocks.{i}"
        hs = hs + vision_attention(rms_norm(hs, W[p + ".norm1.weight"], 1e-6), W, p + ".attn", cu, cos, sin, cfg)
        hs = hs + mlp(rms_norm(hs, W[p + ".norm2.weight"], 1e-6), W, p + ".mlp", True)
        dump[f"vision.block{i}"] = hs.clone()
    merged = rms_norm(hs, W["visual.merger.ln_q.weight"], 1e-6).view(-1, cfg["hidden_size"] * unit)
    merged = linear(F.gelu(linear(merged, W, "visual.merger.mlp.0")), W, "visual.merger.mlp.2")
    dump["vision.merger_windowed"] = merged.clone()
    out = merged[torch.argsort(window_index)]
    dump["vision.output"] = out.clone()
    return out


def get_rope_index(input_ids, video_grid_thw, second_per_grid_ts, vcfg):
    """Qwen2_5_VLModel.get_rope_index (4.x), one unpadded sequence, videos only."""
    ms = vcfg["spatial_merge_size"]
    tokens = input_ids.tolist()
    starts = [i for i, t in enumerate(tokens) if t == IDS["vision_start_token_id"]]
    video_nums = sum(1 for s in starts if tokens[s + 1] == IDS["video_token_id"])
    pos, st, video_index = [], 0, 0
    for _ in range(video_nums):
        ed = tokens.index(IDS["video_token_id"], st)
        t, h, w = video_grid_thw[video_index]
        sgt = second_per_grid_ts[video_index]
        video_index += 1
        lt, lh, lw = t, h // ms, w // ms
        text_len = ed - st
        st_idx = int(pos[-1].max()) + 1 if pos else 0
        pos.append(torch.arange(text_len).view(1, -1).expand(3, -1) + st_idx)
        rng = torch.arange(lt).view(-1, 1)
        sgt_t = torch.as_tensor(sgt, dtype=rng.dtype)  # int64 cast, as in the 4.5x file
        t_index = (rng.expand(-1, lh * lw) * sgt_t * vcfg["tokens_per_second"]).long().flatten()
        h_index = torch.arange(lh).view(1, -1, 1).expand(lt, -1, lw).flatten()
        w_index = torch.arange(lw).view(1, 1, -1).expand(lt, lh, -1).flatten()
        pos.append(torch.stack([t_index, h_index, w_index]) + text_len + st_idx)
        st = ed + lt * lh * lw
    if st < len(tokens):
        st_idx = int(pos[-1].max()) + 1 if pos else 0
        pos.append(torch.arange(len(tokens) - st).view(1, -1).expand(3, -1) + st_idx)
    positions = torch.cat(pos, dim=1).reshape(3, -1)
    return positions, int(positions.max()) + 1 - len(tokens)


def text_rotary(position_ids, tcfg):
    """Qwen2_5_VLRotaryEmbedding.forward (default rope init, attention_scaling 1)."""
    head_dim = tcfg["hidden_size"] // tcfg["num_attention_heads"]
    inv_freq = 1.0 / (tcfg["rope_theta"] ** (torch.arange(0, head_dim, 2, dtype=torch.int64).float() / head_dim))
    inv = inv_freq[None, None, :, None].float().expand(3, 1, -1, 1)
    p = position_ids[:, None, None, :].float()  # [3, 1, 1, L]
    freqs = (inv @ p).transpose(2, 3)  # [3, 1, L, d/2]
    emb = torch.cat((freqs, freqs), dim=-1)
    return emb.cos(), emb.sin()


def apply_multimodal_rotary_pos_emb(q, k, cos, sin, mrope_section):
    """apply_multimodal_rotary_pos_emb (unsqueeze_dim 1)."""
    sec = mrope_section * 2
    cos = torch.cat([m[i % 3] for i, m in enumerate(cos.split(sec, dim=-1))], dim=-1).unsqueeze(1)
    sin = torch.cat([m[i % 3] for i, m in enumerate(sin.split(sec, dim=-1))], dim=-1).unsqueeze(1)
    return (q * cos) + (rotate_half(q) * sin), (k * cos) + (rotate_half(k) * sin)


def repeat_kv(x, n_rep):
    """repeat_kv."""
    b, h, s, d = x.shape
    return x if n_rep == 1 else x[:, :, None].expand(b, h, n_rep, s, d).reshape(b, h * n_rep, s, d)


def text_forward(inputs_embeds, position_ids, W, tcfg, cache, dump=None):
    """Qwen2_5_VLTextModel.forward + Qwen2_5_VLDecoderLayer + Qwen2_5_VLAttention (eager, fp32),
    DynamicCache semantics (keys stored after RoPE), then lm_head."""
    nh, nkv = tcfg["num_attention_heads"], tcfg["num_key_value_heads"]
    hd = tcfg["hidden_size"] // nh
    eps = tcfg["rms_norm_eps"]
    L = inputs_embeds.shape[1]
    past = cache[0][0].shape[2] if cache[0] is not None else 0
    cos, sin = text_rotary(position_ids, tcfg)
    # create_causal_mask: query i (absolute past+i) sees keys <= past+i.
    mask = torch.full((L, past + L), torch.finfo(torch.float32).min)
    mask = torch.triu(mask, diagonal=past + 1)[None, None]
    hs = inputs_embeds
    for l in range(tcfg["num_hidden_layers"]):
        p = f"model.layers.{l}"
        residual = hs
        x = rms_norm(hs, W[p + ".input_layernorm.weight"], eps)
        q = linear(x, W, p + ".self_attn.q_proj").view(1, L, -1, hd).transpose(1, 2)
        k = linear(x, W, p + ".self_attn.k_proj").view(1, L, -1, hd).transpose(1, 2)
        v = linear(x, W, p + ".self_attn.v_proj").view(1, L, -1, hd).transpose(1, 2)
        q, k = apply_multimodal_rotary_pos_emb(q, k, cos, sin, tcfg["mrope_section"])
        if cache[l] is not None:
            k = torch.cat([cache[l][0], k], dim=2)
            v = torch.cat([cache[l][1], v], dim=2)
        cache[l] = (k, v)
        a = eager_attention(q, repeat_kv(k, nh // nkv), repeat_kv(v, nh // nkv), hd ** -0.5, mask)
        hs = residual + linear(a.reshape(1, L, -1), W, p + ".self_attn.o_proj", bias=False)
        hs = hs + mlp(rms_norm(hs, W[p + ".post_attention_layernorm.weight"], eps), W, p + ".mlp", False)
        if dump is not None:
            dump[f"text.layer{l}"] = hs[0].clone()
    hs = rms_norm(hs, W["model.norm.weight"], eps)
    return F.linear(hs, W["lm_head.weight"])[0]


# ---------------------------------------------------------------------------------------------
# Logits processors: transformers/generation/logits_process.py
def repetition_penalty(input_ids, scores, penalty):
    """RepetitionPenaltyLogitsProcessor.__call__."""
    score = torch.gather(scores, 1, input_ids)
    score = torch.where(score < 0, score * penalty, score / penalty)
    return scores.scatter(1, input_ids, score)


def temperature(scores, t):
    """TemperatureLogitsWarper.__call__."""
    return scores / t


def top_k(scores, k, min_tokens_to_keep=1):
    """TopKLogitsWarper.__call__."""
    k = min(max(k, min_tokens_to_keep), scores.size(-1))
    remove = scores < torch.topk(scores, k)[0][..., -1, None]
    return scores.masked_fill(remove, -float("inf"))


def top_p(scores, p, min_tokens_to_keep=1):
    """TopPLogitsWarper.__call__."""
    sorted_logits, sorted_indices = torch.sort(scores, descending=False)
    cumulative = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
    sorted_remove = cumulative <= (1 - p)
    sorted_remove[..., -min_tokens_to_keep:] = 0
    remove = sorted_remove.scatter(1, sorted_indices, sorted_remove)
    return scores.masked_fill(remove, -float("inf"))


def min_p(scores, mp, min_tokens_to_keep=1):
    """MinPLogitsWarper.__call__."""
    probs = torch.softmax(scores, dim=-1)
    top = probs.amax(dim=-1, keepdim=True)
    remove = probs < mp * top
    sorted_indices = torch.argsort(scores, descending=True, dim=-1)
    sorted_remove = torch.gather(remove, dim=-1, index=sorted_indices)
    sorted_remove[..., :min_tokens_to_keep] = False
    remove = sorted_remove.scatter(1, sorted_indices, sorted_remove)
    return scores.masked_fill(remove, -float("inf"))


def process(input_ids, scores, g):
    """GenerationMixin._get_logits_processor order: repetition penalty, then (sampling only)
    temperature, top-k, top-p, min-p."""
    if g.get("repetition_penalty", 1.0) != 1.0:
        scores = repetition_penalty(input_ids, scores, g["repetition_penalty"])
    if g.get("do_sample", False):
        if g.get("temperature", 1.0) != 1.0:
            scores = temperature(scores, g["temperature"])
        if g.get("top_k", 50) != 0:
            scores = top_k(scores, g.get("top_k", 50))
        if g.get("top_p", 1.0) < 1.0:
            scores = top_p(scores, g["top_p"])
        if g.get("min_p") is not None:
            scores = min_p(scores, g["min_p"])
    return scores


# ---------------------------------------------------------------------------------------------
def randomise(shapes, seed):
    """Every parameter re-randomised (HF init would zero biases and set norms to 1)."""
    gen = torch.Generator().manual_seed(seed)
    W = {}
    for name, shape in shapes:
        if name.endswith("norm1.weight") or name.endswith("norm2.weight") or "layernorm" in name \
                or name.endswith("norm.weight") or name.endswith("ln_q.weight"):
            W[name] = 1.0 + 0.1 * torch.randn(shape, generator=gen)
        elif name == "visual.patch_embed.proj.weight":
            W[name] = 0.03 * torch.randn(shape, generator=gen)
        elif name == "model.embed_tokens.weight":
            W[name] = 0.5 * torch.randn(shape, generator=gen)
        elif name == "lm_head.weight":
            W[name] = 0.3 * torch.randn(shape, generator=gen)
        elif name.endswith(".bias"):
            W[name] = 0.1 * torch.randn(shape, generator=gen)
        else:
            W[name] = (1.0 / math.sqrt(shape[-1])) * torch.randn(shape, generator=gen)
    return W


def parameter_shapes():
    v, t = VISION, TEXT
    vh, vi = v["hidden_size"], v["intermediate_size"]
    s = [("visual.patch_embed.proj.weight", [vh, v["in_channels"], v["temporal_patch_size"],
                                             v["patch_size"], v["patch_size"]])]
    for i in range(v["depth"]):
        p = f"visual.blocks.{i}"
        s += [(p + ".norm1.weight", [vh]), (p + ".norm2.weight", [vh]),
              (p + ".attn.qkv.weight", [3 * vh, vh]), (p + ".attn.qkv.bias", [3 * vh]),
              (p + ".attn.proj.weight", [vh, vh]), (p + ".attn.proj.bias", [vh]),
              (p + ".mlp.gate_proj.weight", [vi, vh]), (p + ".mlp.gate_proj.bias", [vi]),
              (p + ".mlp.up_proj.weight", [vi, vh]), (p + ".mlp.up_proj.bias", [vi]),
              (p + ".mlp.down_proj.weight", [vh, vi]), (p + ".mlp.down_proj.bias", [vh])]
    m = vh * v["spatial_merge_size"] ** 2
    s += [("visual.merger.ln_q.weight", [vh]), ("visual.merger.mlp.0.weight", [m, m]),
          ("visual.merger.mlp.0.bias", [m]), ("visual.merger.mlp.2.weight", [v["out_hidden_size"], m]),
          ("visual.merger.mlp.2.bias", [v["out_hidden_size"]])]
    h, im = t["hidden_size"], t["intermediate_size"]
    kv = t["num_key_value_heads"] * (h // t["num_attention_heads"])
    s += [("model.embed_tokens.weight", [t["vocab_size"], h])]
    for l in range(t["num_hidden_layers"]):
        p = f"model.layers.{l}"
        s += [(p + ".input_layernorm.weight", [h]), (p + ".post_attention_layernorm.weight", [h]),
              (p + ".self_attn.q_proj.weight", [h, h]), (p + ".self_attn.q_proj.bias", [h]),
              (p + ".self_attn.k_proj.weight", [kv, h]), (p + ".self_attn.k_proj.bias", [kv]),
              (p + ".self_attn.v_proj.weight", [kv, h]), (p + ".self_attn.v_proj.bias", [kv]),
              (p + ".self_attn.o_proj.weight", [h, h]),
              (p + ".mlp.gate_proj.weight", [im, h]), (p + ".mlp.up_proj.weight", [im, h]),
              (p + ".mlp.down_proj.weight", [h, im])]
    s += [("model.norm.weight", [h]), ("lm_head.weight", [t["vocab_size"], h])]
    return s


_DT = {torch.float32: "F32", torch.int64: "I64", torch.bfloat16: "BF16"}


def write_safetensors(path, tensors):
    """The safetensors format by hand: u64 LE header length, JSON header (space-padded to 8),
    raw little-endian C-order bytes."""
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name, t in tensors.items():
        t = t.contiguous()
        if t.dtype == torch.bfloat16:
            raw = t.view(torch.int16).numpy().tobytes()
        else:
            raw = t.numpy().tobytes()
        header[name] = {"dtype": _DT[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def write_checkpoint(W):
    os.makedirs(MODEL_DIR, exist_ok=True)
    shard1 = {k: v for k, v in W.items() if k.startswith("visual.")}
    shard2 = {k: v for k, v in W.items() if not k.startswith("visual.")}
    names = ["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"]
    write_safetensors(os.path.join(MODEL_DIR, names[0]), shard1)
    write_safetensors(os.path.join(MODEL_DIR, names[1]), shard2)
    weight_map = {k: names[0] for k in shard1}
    weight_map.update({k: names[1] for k in shard2})
    total = sum(v.numel() * 4 for v in W.values())
    with open(os.path.join(MODEL_DIR, "model.safetensors.index.json"), "w") as f:
        json.dump({"metadata": {"total_size": total}, "weight_map": weight_map}, f, indent=2, sort_keys=True)
    t = TEXT
    config = {
        "architectures": ["Qwen2_5_VLForConditionalGeneration"], "model_type": "qwen2_5_vl",
        "vocab_size": t["vocab_size"], "hidden_size": t["hidden_size"],
        "intermediate_size": t["intermediate_size"], "num_hidden_layers": t["num_hidden_layers"],
        "num_attention_heads": t["num_attention_heads"], "num_key_value_heads": t["num_key_value_heads"],
        "hidden_act": "silu", "rms_norm_eps": t["rms_norm_eps"], "rope_theta": t["rope_theta"],
        "rope_scaling": {"type": "mrope", "mrope_section": t["mrope_section"]},
        "max_position_embeddings": t["max_position_embeddings"], "tie_word_embeddings": False,
        "sliding_window": 4096, "use_sliding_window": False, "max_window_layers": 2,
        "attention_dropout": 0.0, "torch_dtype": "float32", "use_cache": True,
        "vision_config": dict(VISION, hidden_act="silu", in_chans=3, spatial_patch_size=14),
    }
    config.update(IDS)
    with open(os.path.join(MODEL_DIR, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    with open(os.path.join(MODEL_DIR, "generation_config.json"), "w") as f:
        json.dump(GENERATION_FILE, f, indent=2)


def bytes_to_unicode():
    """GPT-2 / tokenization_qwen2.bytes_to_unicode."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("\u00a1"), ord("\u00ac") + 1)) + \
        list(range(ord("\u00ae"), ord("\u00ff") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


def write_tiny_tokenizer(merges_wanted=300):
    """A Qwen2-format tokenizer.json for the 1024-row tiny model: the 256 byte symbols, BPE merges
    learnt greedily from a small English text (most frequent adjacent pair first, within
    space-prefixed words), and the chat/vision special tokens at the ids of config.json."""
    b2u = bytes_to_unicode()
    corpus = ("A red fox running through snow. The video shows a person walking on the street at night. "
              "visual quality: 4; text-to-video alignment: 3, physical/common-sense consistency: 5. "
              "You are an expert for evaluating AI-generated videos from three dimensions. " * 3)
    words = [[b2u[b] for b in (w if i == 0 else " " + w).encode()] for i, w in enumerate(corpus.split(" ")) if w]
    vocab = {b2u[b]: b for b in range(256)}
    merges = []
    while len(merges) < merges_wanted:
        counts = {}
        for w in words:
            for a, b in zip(w, w[1:]):
                counts[(a, b)] = counts.get((a, b), 0) + 1
        if not counts:
            break
        (a, b), c = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if c < 2:
            break
        merges.append(a + " " + b)
        vocab[a + b] = len(vocab)
        for w in words:
            i = 0
            while i < len(w) - 1:
                if w[i] == a and w[i + 1] == b:
                    w[i:i + 2] = [a + b]
                i += 1
    # Fill the remaining rows below the special ids with whole-word tokens (vocabulary entries
    # without merges, which BPE never produces but decoding maps), so every id the random model
    # can emit has a text.
    filler = ["Ġ" + w for w in ("fox snow red video frame motion blur light shadow object scene camera color "
                                "texture sharp smooth natural physics water tree sky road car dog cat bird "
                                "person hand face walk run jump fly swim fall").split()]
    k = 0
    while len(vocab) < 1000:
        token = filler[k % len(filler)] + ("" if k < len(filler) else str(k // len(filler)))
        vocab.setdefault(token, len(vocab))
        k += 1
    assert len(vocab) == 1000
    added = [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for i, t in sorted(SPECIAL_TOKENS.items())]
    tok = {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
        "normalizer": {"type": "NFC"},
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "Split", "pattern": {"Regex": QWEN2_PATTERN}, "behavior": "Isolated", "invert": False},
            {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": False, "use_regex": False}]},
        "post_processor": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": False, "use_regex": False},
        "decoder": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": False, "use_regex": False},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
                  "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                  "vocab": vocab, "merges": merges},
    }
    with open(os.path.join(MODEL_DIR, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tok, f, ensure_ascii=False)


def main():
    # 1. Video -> pixel_values_videos
    clip = os.path.join(HERE, "clip.mp4")
    if not os.path.exists(clip):
        make_clip(clip)
    video, video_fps = read_video_pyav(clip)
    total = video.shape[0]
    n = smart_nframes(total, video_fps)
    idx = torch.linspace(0, total - 1, n).round().long()
    video = video[idx]
    h, w = smart_resize(video.shape[2], video.shape[3])
    frames = resize_bicubic_aa_uint8(video, h, w).float()
    pixel_values, grid = video_processor(frames, VISION)
    second_per_grid_t = VISION["temporal_patch_size"] / 2.0  # processor fps = 2.0
    n_video_tokens = grid[0] * grid[1] * grid[2] // VISION["spatial_merge_size"] ** 2

    # 2. Prompt ids: chat-template-shaped with arbitrary text ids (< 1000).
    g = torch.Generator().manual_seed(7)
    prefix = torch.randint(0, 1000, (11,), generator=g).tolist()
    suffix = torch.randint(0, 1000, (23,), generator=g).tolist()
    input_ids = prefix + [IDS["vision_start_token_id"]] + [IDS["video_token_id"]] * n_video_tokens + \
        [IDS["vision_end_token_id"]] + suffix
    ids = torch.tensor(input_ids)

    # 3. Model
    W = randomise(parameter_shapes(), seed=20251125)
    write_checkpoint(W)
    write_tiny_tokenizer()
    dump = {}
    with torch.no_grad():
        video_embeds = vision_forward(pixel_values, [grid], W, VISION, dump)
        position_ids, rope_delta = get_rope_index(ids, [grid], [second_per_grid_t], VISION)
        embeds = F.embedding(ids, W["model.embed_tokens.weight"])
        mask = (ids == IDS["video_token_id"]).unsqueeze(-1).expand_as(embeds)
        embeds = embeds.masked_scatter(mask, video_embeds)  # Qwen2_5_VLModel.forward
        dump["text.inputs_embeds"] = embeds.clone()

        def run(g_cfg, steps, seed=None):
            cache = [None] * TEXT["num_hidden_layers"]
            layer_dump = {}
            logits = text_forward(embeds[None], position_ids, W, TEXT, cache, layer_dump)
            prefill = logits.clone()
            seq = list(input_ids)
            tokens, step_logits, processed = [], [], []
            if seed is not None:
                torch.manual_seed(seed)
            last = logits[-1:]
            for s in range(steps):
                scores = process(torch.tensor([seq]), last.float(), g_cfg)
                if g_cfg.get("do_sample", False):
                    probs = F.softmax(scores, dim=-1)
                    tok = int(torch.multinomial(probs, num_samples=1)[0, 0])
                else:
                    tok = int(torch.argmax(scores, dim=-1)[0])
                    top2 = torch.topk(scores[0], 2).values
                    assert float(top2[0] - top2[1]) > 1e-3, "greedy near-tie: pick another seed"
                step_logits.append(last[0].clone())
                processed.append(scores[0].clone())
                tokens.append(tok)
                seq.append(tok)
                pos = torch.full((3, 1), len(seq) - 1 + rope_delta)  # cache_position + rope_deltas
                last = text_forward(F.embedding(torch.tensor([[tok]]), W["model.embed_tokens.weight"]),
                                    pos, W, TEXT, cache)
            return prefill, layer_dump, tokens, torch.stack(step_logits), torch.stack(processed)

        prefill, layer_dump, greedy_tokens, greedy_logits, _ = run({}, GREEDY_STEPS)
        dump.update(layer_dump)
        rep_cfg = {"repetition_penalty": 1.05}
        _, _, rep_tokens, rep_logits, rep_processed = run(rep_cfg, GREEDY_STEPS)
        sample_cfg = {"do_sample": True, "temperature": 0.7, "top_k": 50, "top_p": 0.9,
                      "repetition_penalty": 1.05}
        _, _, sample_tokens, _, sample_processed = run(sample_cfg, GREEDY_STEPS, seed=1234)

    # 4. Processor chain on hand-made logits
    pg = torch.Generator().manual_seed(99)
    proc_scores = (2.0 * torch.randn(1, 64, generator=pg))
    proc_scores[0, 5] = proc_scores[0, 9]  # a tie
    proc_ids = torch.tensor([[3, 5, 5, 17, 40, 63, 0]])
    chains = {
        "rep": {"repetition_penalty": 1.05},
        "qwen_default": dict(GENERATION_FILE),
        "t07_k10_p09": {"do_sample": True, "temperature": 0.7, "top_k": 10, "top_p": 0.9, "repetition_penalty": 1.3},
        "minp": {"do_sample": True, "temperature": 1.5, "top_k": 0, "min_p": 0.05},
        "topk_only": {"do_sample": True, "top_k": 3},
        "topp_only": {"do_sample": True, "top_k": 0, "top_p": 0.5},
    }
    proc_out = {}
    for name, c in chains.items():
        c = {k: v for k, v in c.items() if k in ("do_sample", "temperature", "top_k", "top_p", "min_p", "repetition_penalty")}
        chains[name] = c
        proc_out["processors." + name] = process(proc_ids, proc_scores, c)[0]

    golden = {
        "pixel_values_videos": pixel_values, "input_ids": ids, "position_ids": position_ids,
        "prefill_logits": prefill, "greedy_step_logits": greedy_logits,
        "greedy_rep_step_logits": rep_logits, "greedy_rep_processed": rep_processed,
        "sample_processed": sample_processed,
        "processors.input_scores": proc_scores[0], "processors.input_ids": proc_ids[0],
    }
    golden.update(dump)
    golden.update(proc_out)
    golden = {k: (v.float() if v.is_floating_point() else v.long()) for k, v in golden.items()}
    write_safetensors(os.path.join(HERE, "golden.safetensors"), golden)
    meta = {
        "reference": "independent re-statement of transformers 4.53 modeling_qwen2_5_vl.py / logits_process.py",
        "torch_version": torch.__version__,
        "clip": {"file": "clip.mp4", "total_frames": total, "video_fps": video_fps, "nframes": n,
                 "indices": idx.tolist(), "resized_hw": [h, w], "min_pixels": 3136, "max_pixels": 31360},
        "video_grid_thw": grid, "second_per_grid_t": second_per_grid_t,
        "n_video_tokens": n_video_tokens, "rope_delta": rope_delta,
        "greedy_tokens": greedy_tokens,
        "greedy_rep": {"config": rep_cfg, "tokens": rep_tokens},
        "sample": {"config": sample_cfg, "seed": 1234, "tokens": sample_tokens},
        "processor_chains": chains,
        "layout": "A (visual., model., lm_head.)",
    }
    with open(os.path.join(HERE, "golden.json"), "w") as f:
        json.dump(meta, f, indent=2)
    print(json.dumps({k: meta[k] for k in ("video_grid_thw", "n_video_tokens", "rope_delta", "greedy_tokens")}))
    print("greedy_rep", rep_tokens, "sample", sample_tokens)


if __name__ == "__main__":
    main()
