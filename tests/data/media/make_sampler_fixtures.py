#!/usr/bin/env python3
"""Reference outputs for the Qwen-VL sampler tests (core/media).

Independent of the C++ code: frames are decoded with PyAV exactly as torchvision.io.read_video
does (frame.to_rgb().to_ndarray()), frame counts and sizes follow qwen-vl-utils 0.0.10
vision_process.py (smart_nframes, smart_resize, fetch_video), the resize is torchvision's tensor
path (float32 interpolate bicubic antialias, clamp, round, uint8), and normalisation + patch order
follow transformers' Qwen2VL processors. Run with Debian's python3 (python3-av, python3-torch 1.13,
python3-numpy):

    /usr/bin/python3 tests/data/media/make_sampler_fixtures.py

Writes next to this script: resize_cases.bin, sampler_reference.json, sampler_rows_*.bin.
"""
import json
import math
import os
import struct

import av
import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))

# qwen-vl-utils 0.0.10 constants
IMAGE_FACTOR = 28
VIDEO_MIN_PIXELS = 128 * 28 * 28
VIDEO_MAX_PIXELS = 768 * 28 * 28
VIDEO_TOTAL_PIXELS = 128000 * 28 * 28 * 0.9
FRAME_FACTOR = 2
FPS = 2.0
FPS_MIN_FRAMES = 4
FPS_MAX_FRAMES = 768
MEAN = [0.48145466, 0.4578275, 0.40821073]
STD = [0.26862954, 0.26130258, 0.27577711]


def round_by_factor(n, f):
    return round(n / f) * f


def ceil_by_factor(n, f):
    return math.ceil(n / f) * f


def floor_by_factor(n, f):
    return math.floor(n / f) * f


def smart_resize(height, width, factor=IMAGE_FACTOR, min_pixels=VIDEO_MIN_PIXELS, max_pixels=VIDEO_MAX_PIXELS):
    if max(height, width) / min(height, width) > 200:
        raise ValueError("aspect")
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


def smart_nframes(total_frames, video_fps, fps=FPS, nframes=None):
    if nframes is not None:
        n = round_by_factor(nframes, FRAME_FACTOR)
    else:
        min_frames = ceil_by_factor(FPS_MIN_FRAMES, FRAME_FACTOR)
        max_frames = floor_by_factor(min(FPS_MAX_FRAMES, total_frames), FRAME_FACTOR)
        n = total_frames / video_fps * fps
        n = min(min(max(n, min_frames), max_frames), total_frames)
        n = floor_by_factor(n, FRAME_FACTOR)
    if not (FRAME_FACTOR <= n and n <= total_frames):
        return None
    return int(n)


def max_pixels_for(nframes, min_pixels=VIDEO_MIN_PIXELS, max_pixels=None):
    mp = max(min(VIDEO_MAX_PIXELS, VIDEO_TOTAL_PIXELS / nframes * FRAME_FACTOR), int(min_pixels * 1.05))
    if max_pixels is not None:
        mp = min(max_pixels, mp)
    return mp


def tv_resize(video_tchw_uint8, h, w):
    """torchvision.transforms.functional.resize on a uint8 tensor, BICUBIC, antialias=True."""
    x = video_tchw_uint8.to(torch.float32)
    x = F.interpolate(x, size=[h, w], mode="bicubic", align_corners=False, antialias=True)
    x = x.clamp(min=0, max=255)
    return torch.round(x).to(torch.uint8)


def read_video_rgb(path):
    """torchvision.io.read_video(pts_unit='sec'): every frame, sorted by pts, RGB24 via PyAV."""
    with av.open(path) as container:
        stream = container.streams.video[0]
        frames = {}
        for frame in container.decode(video=0):
            frames[frame.pts] = frame.to_rgb().to_ndarray()
        fps = float(stream.average_rate)
    ordered = [frames[k] for k in sorted(frames)]
    return np.stack(ordered), fps


def patchify(frames_tchw_float, patch=14, tp=2, merge=2):
    t, c, h, w = frames_tchw_float.shape
    if t % tp:
        frames_tchw_float = np.concatenate([frames_tchw_float, np.repeat(frames_tchw_float[-1:], tp - t % tp, 0)])
        t = frames_tchw_float.shape[0]
    gt, gh, gw = t // tp, h // patch, w // patch
    x = frames_tchw_float.reshape(gt, tp, c, gh // merge, merge, patch, gw // merge, merge, patch)
    x = x.transpose(0, 3, 6, 4, 7, 2, 1, 5, 8)
    return x.reshape(gt * gh * gw, c * tp * patch * patch), (gt, gh, gw)


def write_resize_cases():
    rng = np.random.default_rng(20240613)
    shapes = [(37, 23, 64, 40), (150, 90, 84, 56), (120, 100, 28, 28), (50, 50, 50, 50),
              (31, 17, 140, 84), (88, 50, 224, 126), (97, 61, 56, 28), (64, 64, 64, 33)]
    with open(os.path.join(HERE, "resize_cases.bin"), "wb") as f:
        f.write(b"VSRZ")
        f.write(struct.pack("<i", len(shapes)))
        for in_w, in_h, out_w, out_h in shapes:
            if (in_w, in_h) == (88, 50):
                # smooth content as well: a gradient with a sharp edge
                yy, xx = np.mgrid[0:in_h, 0:in_w]
                img = np.stack([(xx * 255 // in_w), (yy * 255 // in_h), ((xx > in_w // 2) * 255)], -1).astype(np.uint8)
            else:
                img = rng.integers(0, 256, size=(in_h, in_w, 3), dtype=np.uint8)
            t = torch.from_numpy(img).permute(2, 0, 1).unsqueeze(0)
            out = tv_resize(t, out_h, out_w)[0].permute(1, 2, 0).contiguous().numpy()
            f.write(struct.pack("<4i", in_w, in_h, out_w, out_h))
            f.write(img.tobytes())
            f.write(out.tobytes())


def sample(path, fps=FPS, max_pixels=None, min_pixels=VIDEO_MIN_PIXELS, rows_file=None, all_rows=False):
    video, video_fps = read_video_rgb(path)
    total = video.shape[0]
    n = smart_nframes(total, video_fps, fps)
    idx = torch.linspace(0, total - 1, n).round().long().tolist()
    picked = torch.from_numpy(video[idx]).permute(0, 3, 1, 2).contiguous()
    _, _, height, width = picked.shape
    h, w = smart_resize(height, width, IMAGE_FACTOR, min_pixels, max_pixels_for(n, min_pixels, max_pixels))
    resized = tv_resize(picked, h, w)
    # Rows of uint8 values in patch order (the quantised input of the normalisation).
    q, grid = patchify(resized.numpy())
    x = resized.to(torch.float32)
    mean = torch.tensor(MEAN) * 255.0
    std = torch.tensor(STD) * 255.0
    norm = ((x - mean[None, :, None, None]) / std[None, :, None, None]).numpy()
    pv, _ = patchify(norm)
    rows = list(range(q.shape[0])) if all_rows else sorted(set(
        list(range(0, min(64, q.shape[0]))) + list(range(q.shape[0] - 16, q.shape[0])) +
        [int(r) for r in np.linspace(0, q.shape[0] - 1, 48).round()]))
    with open(os.path.join(HERE, rows_file), "wb") as f:
        f.write(q[rows].astype(np.uint8).tobytes())
    return {
        "file": os.path.basename(path), "fps": fps, "max_pixels": max_pixels, "min_pixels": min_pixels,
        "total_frames": total, "video_fps": video_fps, "nframes": n, "indices": idx,
        "height": h, "width": w, "grid_thw": list(grid), "shape": list(pv.shape),
        "rows_file": rows_file, "rows": rows,
        "sum": float(pv.astype(np.float64).sum()), "sum_abs": float(np.abs(pv.astype(np.float64)).sum()),
        "first_values": [float(v) for v in pv[0, :8]],
    }


def main():
    write_resize_cases()
    # Frame indices straight from torch.linspace(...).round() for many (total, n) pairs.
    linspace = []
    for total in list(range(2, 90)) + [161, 241, 299, 300, 301, 481, 600, 721, 1000, 1201, 1799]:
        for n in sorted({2, 4, 6, 8, 10, 12, 16, 18, 20, 30, 32, 34, 40, 48, 64, 96, 128, 200, 256, 300, 768,
                         total - total % 2}):
            if 2 <= n <= total:
                linspace.append([total, n, torch.linspace(0, total - 1, n).round().long().tolist()])
    nframes = []
    for total, vfps in [(81, 16.0), (40, 12.0), (3, 30.0), (1, 30.0), (7, 30.0), (121, 24.0), (300, 30.0),
                        (2000, 30.0), (49, 8.0), (16, 23.976), (241, 29.97), (10000, 25.0), (5, 1.0)]:
        nframes.append([total, vfps, smart_nframes(total, vfps)])
    resize = []
    for n in [2, 4, 10, 48, 160, 300, 768]:
        for hh, ww in [(480, 832), (490, 490), (462, 700), (720, 1280), (1080, 1920), (100, 176), (61, 97),
                       (2160, 3840), (30, 5000), (1, 150), (28, 28)]:
            mp = max_pixels_for(n)
            try:
                r = list(smart_resize(hh, ww, IMAGE_FACTOR, VIDEO_MIN_PIXELS, mp))
            except ValueError:
                r = None
            resize.append([n, hh, ww, mp, r])
    ref = {
        "linspace": linspace, "nframes": nframes, "smart_resize": resize,
        "videos": [
            sample(os.path.join(HERE, "sampler_clip.mp4"), rows_file="sampler_rows_clip.bin"),
            sample(os.path.join(HERE, "sampler_clip_hd.mp4"), rows_file="sampler_rows_hd.bin"),
            sample(os.path.join(HERE, "sampler_clip_hd.mp4"), max_pixels=56 * 84, min_pixels=28 * 28,
                   rows_file="sampler_rows_small.bin", all_rows=True),
            sample(os.path.join(HERE, "sampler_clip_hevc10.mp4"), max_pixels=56 * 84, min_pixels=28 * 28,
                   rows_file="sampler_rows_hevc10.bin", all_rows=True),
            sample(os.path.join(HERE, "sampler_clip_444_odd.mp4"), max_pixels=84 * 56, min_pixels=28 * 28 * 4,
                   rows_file="sampler_rows_444_odd.bin", all_rows=True),
        ],
    }
    with open(os.path.join(HERE, "sampler_reference.json"), "w") as f:
        json.dump(ref, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
