#!/usr/bin/env python3
"""GPU benchmark: our engine vs transformers on random weights with the real Qwen2.5-VL-7B shapes.

Run on a machine with a CUDA GPU, torch and transformers (no download: the weights are random):

    python3 tests/bench/qwen25vl/gpu_bench_7b.py --work /tmp/vs7b \
        --engine build-gpu/tests/bench/qwen25vl/bench_qwen25vl_engine

Build the engine binary there against that torch (tests/bench/qwen25vl/gpu/CMakeLists.txt builds
only the engine + this bench: `cmake -S tests/bench/qwen25vl/gpu -B build-gpu
-DCMAKE_PREFIX_PATH=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')`).

Steps (the same random bf16 weights and the same inputs for both):
 1. config of Qwen2.5-VL-7B (reference/qwen25vl.md §1), random init (normal std 0.02, norms 1 +
    noise), saved with save_pretrained as bf16 safetensors shards;
 2. a 16-frame 480p video (random frames) through the qwen-vl-utils / processor rules of
    tests/data/qwen25vl/make_fixtures.py -> pixel_values_videos [N, 1176], grid, and prompt ids;
 3. transformers (attn_implementation="sdpa", bf16): vision ms, prefill ms (vision excluded),
    greedy decode tokens/s at batch 1 with a KV cache, peak allocated memory;
 4. our engine (bench_qwen25vl_engine, CUDA, bf16) on the same files; peak device memory from
    nvidia-smi polling (the engine binary has no CUDA allocator hooks);
 5. a table, with the decode roofline: text weight bytes / HBM bandwidth per token.
"""
import argparse
import importlib.util
import json
import os
import subprocess
import threading
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "data", "qwen25vl", "make_fixtures.py")
HBM_GBPS = {"H100": 3350.0, "H200": 4800.0, "A100": 2039.0}

CONFIG_7B = {
    "architectures": ["Qwen2_5_VLForConditionalGeneration"], "model_type": "qwen2_5_vl",
    "vocab_size": 152064, "hidden_size": 3584, "intermediate_size": 18944, "num_hidden_layers": 28,
    "num_attention_heads": 28, "num_key_value_heads": 4, "hidden_act": "silu", "rms_norm_eps": 1e-6,
    "rope_theta": 1000000.0, "rope_scaling": {"type": "mrope", "mrope_section": [16, 24, 24]},
    "max_position_embeddings": 128000, "tie_word_embeddings": False, "sliding_window": 32768,
    "use_sliding_window": False, "max_window_layers": 28, "attention_dropout": 0.0, "torch_dtype": "bfloat16",
    "bos_token_id": 151643, "eos_token_id": 151645, "image_token_id": 151655, "video_token_id": 151656,
    "vision_start_token_id": 151652, "vision_end_token_id": 151653, "vision_token_id": 151654,
    "vision_config": {"depth": 32, "hidden_size": 1280, "num_heads": 16, "intermediate_size": 3420,
                      "hidden_act": "silu", "patch_size": 14, "temporal_patch_size": 2, "spatial_merge_size": 2,
                      "window_size": 112, "fullatt_block_indexes": [7, 15, 23, 31], "out_hidden_size": 3584,
                      "in_chans": 3, "in_channels": 3, "tokens_per_second": 2},
}


def load_fixture_module():
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def make_model(work):
    from transformers import Qwen2_5_VLConfig, Qwen2_5_VLForConditionalGeneration
    model_dir = os.path.join(work, "model")
    if os.path.exists(os.path.join(model_dir, "config.json")):
        return model_dir
    config = Qwen2_5_VLConfig(**CONFIG_7B)
    torch.manual_seed(0)
    with torch.device("cuda"):
        model = Qwen2_5_VLForConditionalGeneration(config).to(torch.bfloat16)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("norm.weight") or "norm1" in name or "norm2" in name or "ln_q" in name or "layernorm" in name:
                p.copy_(1.0 + 0.05 * torch.randn_like(p))
            else:
                p.normal_(0.0, 0.02)
    model.save_pretrained(model_dir, safe_serialization=True, max_shard_size="5GB")
    with open(os.path.join(model_dir, "config.json"), "w") as f:  # legacy flat layout, tps 2
        json.dump(CONFIG_7B, f, indent=2)
    del model
    torch.cuda.empty_cache()
    return model_dir


def make_inputs(work, fx):
    path = os.path.join(work, "inputs.safetensors")
    gen = torch.Generator().manual_seed(1)
    frames = torch.randint(0, 256, (16, 3, 480, 854), generator=gen, dtype=torch.uint8)
    h, w = fx.smart_resize(480, 854, max_pixels=602112, min_pixels=100352)
    frames = fx.resize_bicubic_aa_uint8(frames, h, w).float()
    vcfg = dict(CONFIG_7B["vision_config"])
    pixel_values, grid = fx.video_processor(frames, vcfg)
    n_video = grid[0] * grid[1] * grid[2] // 4
    prefix = [151644, 8948, 198, 2610, 525, 264, 10950, 17847, 13, 151645, 198, 151644, 872, 198, 151652]
    suffix = [151653] + torch.randint(0, 150000, (116,), generator=gen).tolist() + [151645, 198, 151644, 77091, 198]
    ids = torch.tensor(prefix + [151656] * n_video + suffix)
    fx.write_safetensors(path, {"input_ids": ids, "pixel_values_videos": pixel_values,
                                "video_grid_thw": torch.tensor(grid)})
    return path, ids, pixel_values, grid


def bench_transformers(model_dir, ids, pixel_values, grid, new_tokens):
    from transformers import Qwen2_5_VLForConditionalGeneration
    model = Qwen2_5_VLForConditionalGeneration.from_pretrained(model_dir, torch_dtype=torch.bfloat16,
                                                               attn_implementation="sdpa").cuda().eval()
    ids = ids[None].cuda()
    pv = pixel_values.cuda().to(torch.bfloat16)
    g = torch.tensor([grid]).cuda()
    torch.cuda.reset_peak_memory_stats()

    def timed(fn):
        torch.cuda.synchronize()
        t = time.perf_counter()
        out = fn()
        torch.cuda.synchronize()
        return out, 1000.0 * (time.perf_counter() - t)

    with torch.no_grad():
        visual = model.model.visual if hasattr(model.model, "visual") else model.visual
        for _ in range(2):
            _, vision_ms = timed(lambda: visual(pv, grid_thw=g))
        kw = dict(input_ids=ids, pixel_values_videos=pv, video_grid_thw=g, second_per_grid_ts=torch.tensor([1.0]).cuda())
        _, total_prefill_ms = timed(lambda: model(**kw, use_cache=True))
        gen_kw = dict(kw, do_sample=False, max_new_tokens=new_tokens, min_new_tokens=new_tokens,
                      repetition_penalty=1.0, top_k=None, top_p=None, temperature=None)
        model.generate(**dict(gen_kw, max_new_tokens=4, min_new_tokens=4))
        out, gen_ms = timed(lambda: model.generate(**gen_kw))
    decode_ms = gen_ms - total_prefill_ms
    return {"vision_ms": vision_ms, "prefill_ms": total_prefill_ms - vision_ms,
            "decode_tokens_per_s": 1000.0 * (new_tokens - 1) / decode_ms,
            "peak_mem_gb": torch.cuda.max_memory_allocated() / 1e9,
            "first_tokens": out[0, ids.shape[1]:ids.shape[1] + 4].tolist()}


def bench_ours(engine, model_dir, inputs, new_tokens):
    peak = [0]
    stop = threading.Event()

    def poll():
        while not stop.is_set():
            try:
                used = subprocess.run(["nvidia-smi", "--query-gpu=memory.used", "--format=csv,noheader,nounits"],
                                      capture_output=True, text=True).stdout.split()[0]
                peak[0] = max(peak[0], int(used))
            except Exception:
                pass
            time.sleep(0.05)

    t = threading.Thread(target=poll)
    t.start()
    out = subprocess.run([engine, model_dir, inputs, "cuda", "bf16", str(new_tokens), "3"], capture_output=True,
                         text=True, check=True).stdout
    stop.set()
    t.join()
    runs = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    best = max(runs[1:] or runs, key=lambda r: r["decode_tokens_per_s"])
    best["peak_mem_gb"] = peak[0] / 1024.0
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", default="/tmp/vs7b")
    ap.add_argument("--engine", required=True)
    ap.add_argument("--new-tokens", type=int, default=128)
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    fx = load_fixture_module()
    model_dir = make_model(args.work)
    inputs, ids, pv, grid = make_inputs(args.work, fx)
    hf = bench_transformers(model_dir, ids, pv, grid, args.new_tokens)
    torch.cuda.empty_cache()
    ours = bench_ours(args.engine, model_dir, inputs, args.new_tokens)
    name = torch.cuda.get_device_name()
    bw = next((v for k, v in HBM_GBPS.items() if k in name), None)
    text_bytes = 2 * (152064 * 3584 * 2 + 28 * 233.06e6)
    roof = bw * 1e9 / text_bytes if bw else float("nan")
    print(f"{name}; prompt {len(ids)} tokens ({len(ids) - 137} video), grid {grid}, {args.new_tokens} new tokens, bf16")
    print(f"{'':16}{'vision ms':>12}{'prefill ms':>12}{'decode tok/s':>14}{'peak GB':>10}")
    for label, r in (("transformers", hf), ("ours", ours)):
        print(f"{label:16}{r['vision_ms']:12.1f}{r['prefill_ms']:12.1f}{r['decode_tokens_per_s']:14.1f}"
              f"{r['peak_mem_gb']:10.1f}")
    print(f"decode speed-up {ours['decode_tokens_per_s'] / hf['decode_tokens_per_s']:.2f}x; "
          f"roofline {roof:.1f} tok/s -> ours at {100 * ours['decode_tokens_per_s'] / roof:.0f}%")
    print("first tokens transformers", hf["first_tokens"], "ours", ours["first_tokens"])


if __name__ == "__main__":
    main()
