#!/usr/bin/env python3
"""Writes the prompt-mapping fixtures of tests/core/library/test_prompt_map.cpp with Python's own
json and csv modules, the way other tools write such files:
  prompts.json      {"video_name": "prompt"} (json.dump, ensure_ascii=False, indent=2)
  prompts_vf2.json  a VideoFeedback2 array (every key the VideoScore2 data scripts write)
  prompts.jsonl     the same items, one per line
  prompts.csv       csv.writer (QUOTE_MINIMAL, \\r\\n line ends), header video_name,prompt,generator
  prompts.expected.json  the mapping every file above must give
Run: python3 tests/data/library/make_prompt_maps.py  (from the repository root)."""
import csv
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

MAPPING = {
    "sora/cat": "a cat, sitting on a mat",
    "dog": 'a dog says "woof"\nand runs',
    "t2v_0001": "一只猫在垫子上",
    "empty_prompt": "",
}

with open(os.path.join(HERE, "prompts.json"), "w", encoding="utf-8") as f:
    json.dump(MAPPING, f, ensure_ascii=False, indent=2)

items = [{"video_name": k, "video_url": "https://example.org/v/%s.mp4" % k.replace("/", "_"), "prompt": v,
          "visual_score": 4, "t2v_score": 3, "phy_score": 5, "thinking": "ok"} for k, v in MAPPING.items()]
with open(os.path.join(HERE, "prompts_vf2.json"), "w", encoding="utf-8") as f:
    json.dump(items, f, ensure_ascii=False, indent=4)
with open(os.path.join(HERE, "prompts.jsonl"), "w", encoding="utf-8") as f:
    for item in items:
        f.write(json.dumps(item, ensure_ascii=False) + "\n")
with open(os.path.join(HERE, "prompts.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["video_name", "prompt", "generator"])
    for k, v in MAPPING.items():
        w.writerow([k, v, "gen"])
with open(os.path.join(HERE, "prompts.expected.json"), "w", encoding="utf-8") as f:
    json.dump(MAPPING, f, ensure_ascii=False, indent=0, sort_keys=True)

# A small study as a VideoFeedback2 file, for `vscore import --videos DIR` (its clips are made
# by the test): names as the dataset has them, one with a video_url whose file name differs.
STUDY = [
    {"video_name": "vf2_0001", "video_url": "", "prompt": "a red kite over the sea",
     "visual_score": 4, "t2v_score": 5, "phy_score": 3},
    {"video_name": "vf2_0002", "video_url": "https://example.org/clips/kite_take2.mp4?dl=1",
     "prompt": "a red kite over the sea", "visual_score": 2, "t2v_score": 3, "phy_score": 2},
    {"video_name": "vf2_0003", "video_url": "", "prompt": "a dog on a skateboard",
     "visual_score": 5, "t2v_score": 5, "phy_score": 4},
]
with open(os.path.join(HERE, "study_vf2.json"), "w", encoding="utf-8") as f:
    json.dump(STUDY, f, ensure_ascii=False, indent=4)
