#!/usr/bin/env python3
"""Baselines for bench_media, timed in the same run as our code (Debian python3-av, python3-torch).

  sample FILE      qwen-vl-utils' torchvision path: decode every frame to RGB with PyAV
                   (torchvision.io.read_video), select by linspace, resize bicubic antialias,
                   rescale/normalise, patchify.
  seek FILE N...   PyAV random access: seek to the key frame before each frame N, decode to it.
Prints one JSON object with seconds.
"""
import json
import math
import sys
import time

import av
import numpy as np
import torch
import torch.nn.functional as F


def smart_resize(h, w, factor=28, min_pixels=128 * 28 * 28, max_pixels=768 * 28 * 28):
    hb, wb = max(factor, round(h / factor) * factor), max(factor, round(w / factor) * factor)
    if hb * wb > max_pixels:
        beta = math.sqrt(h * w / max_pixels)
        hb, wb = math.floor(h / beta / factor) * factor, math.floor(w / beta / factor) * factor
    elif hb * wb < min_pixels:
        beta = math.sqrt(min_pixels / (h * w))
        hb, wb = math.ceil(h * beta / factor) * factor, math.ceil(w * beta / factor) * factor
    return hb, wb


def sample(path):
    t0 = time.perf_counter()
    with av.open(path) as c:
        s = c.streams.video[0]
        s.thread_type = "AUTO"
        frames = [f.to_rgb().to_ndarray() for f in c.decode(video=0)]
        fps = float(s.average_rate)
    t1 = time.perf_counter()
    total = len(frames)
    n = max(4, min(total, int(total / fps * 2.0) // 2 * 2))
    idx = torch.linspace(0, total - 1, n).round().long().tolist()
    video = torch.from_numpy(np.stack([frames[i] for i in idx])).permute(0, 3, 1, 2)
    h, w = smart_resize(video.shape[2], video.shape[3])
    x = F.interpolate(video.float(), size=[h, w], mode="bicubic", align_corners=False, antialias=True)
    x = x.clamp(0, 255).round()
    mean = torch.tensor([0.48145466, 0.4578275, 0.40821073]) * 255
    std = torch.tensor([0.26862954, 0.26130258, 0.27577711]) * 255
    x = (x - mean[None, :, None, None]) / std[None, :, None, None]
    gt, gh, gw = n // 2, h // 14, w // 14
    x = x.reshape(gt, 2, 3, gh // 2, 2, 14, gw // 2, 2, 14).permute(0, 3, 6, 4, 7, 2, 1, 5, 8)
    pv = x.reshape(gt * gh * gw, 1176).contiguous()
    t2 = time.perf_counter()
    return {"decode_s": t1 - t0, "total_s": t2 - t0, "rows": pv.shape[0], "frames": total}


def seek(path, targets):
    times = []
    with av.open(path) as c:
        s = c.streams.video[0]
        s.thread_type = "AUTO"
        pts = sorted(p.pts for p in c.demux(s) if p.pts is not None)
    with av.open(path) as c:
        s = c.streams.video[0]
        s.thread_type = "AUTO"
        for n in targets:
            t0 = time.perf_counter()
            c.seek(pts[n], stream=s, backward=True)
            for f in c.decode(s):
                if f.pts >= pts[n]:
                    f.to_rgb().to_ndarray()
                    break
            times.append(time.perf_counter() - t0)
    return {"seek_s": times}


if __name__ == "__main__":
    torch.set_num_threads(2)
    if sys.argv[1] == "sample":
        print(json.dumps(sample(sys.argv[2])))
    else:
        print(json.dumps(seek(sys.argv[2], [int(a) for a in sys.argv[3:]])))
