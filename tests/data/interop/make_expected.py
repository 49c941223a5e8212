#!/usr/bin/env python3
"""Reference for the interop round-trip tests: writes what a correct export of hard_text.json
(and predictions.json) must look like, using only Python's json and csv modules.

Rules (reference videoscore2.md §2-4): canonical keys in order (video_name, video_url, prompt,
visual_score, t2v_score, phy_score, thinking), then per-dimension rationales when present, then
unknown keys in their original order; label strings map to 1..5; aliases are read, never written;
missing texts become "". Integral scores are written as integers.
Run from this folder: python3 make_expected.py
"""
import csv
import io
import json

LABELS = {"very poor": 1, "relatively poor": 2, "medium": 3, "relatively good": 4, "very good": 5}
SCORE_KEYS = {
    "visual_score": "visual", "t2v_score": "t2v", "phy_score": "phy",
    "t2v_align_score": "t2v", "physical_score": "phy",
}
RATIONALE_KEYS = {
    "visual_comment": "visual", "t2v_comment": "t2v", "phy_comment": "phy",
    "visual_reasoning": "visual", "t2v_reasoning": "t2v", "phy_reasoning": "phy",
    "visual_rationale": "visual", "t2v_rationale": "t2v", "phy_rationale": "phy",
}
KNOWN = {"video_name", "video_url", "prompt", "thinking"} | set(SCORE_KEYS) | set(RATIONALE_KEYS)


def score(value):
    if isinstance(value, str):
        text = value.strip()
        if text in "12345" and len(text) == 1:
            return int(text)
        if "-" in text and text[0] in "12345":
            return int(text[0])
        return LABELS[text.lower()]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def canonical(item):
    out = {
        "video_name": item["video_name"],
        "video_url": item.get("video_url") or "",
        "prompt": item.get("prompt") or "",
    }
    scores = {SCORE_KEYS[k]: score(v) for k, v in item.items() if k in SCORE_KEYS}
    out["visual_score"] = scores["visual"]
    out["t2v_score"] = scores["t2v"]
    out["phy_score"] = scores["phy"]
    out["thinking"] = item.get("thinking") or ""
    rationale = {RATIONALE_KEYS[k]: v for k, v in item.items() if k in RATIONALE_KEYS}
    for dim in ("visual", "t2v", "phy"):
        if rationale.get(dim):
            out[dim + "_rationale"] = rationale[dim]
    for k, v in item.items():
        if k not in KNOWN:
            out[k] = v
    return out


def write_csv(items, path):
    columns = ["video_name", "video_url", "prompt", "visual_score", "t2v_score", "phy_score", "thinking"]
    for dim in ("visual", "t2v", "phy"):
        if any(dim + "_rationale" in it for it in items):
            columns.append(dim + "_rationale")
    for it in items:
        for k in it:
            if k not in columns and k not in KNOWN and not k.endswith("_rationale"):
                columns.append(k)
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for it in items:
        row = []
        for c in columns:
            v = it.get(c, "")
            if c not in ("video_name", "video_url", "prompt", "thinking") and not isinstance(v, (str, int, float)) or isinstance(v, bool) or v is None:
                v = json.dumps(v, ensure_ascii=False) if c in it else ""
            row.append(v)
        w.writerow(row)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def main():
    with open("hard_text.json", encoding="utf-8") as f:
        items = [canonical(it) for it in json.load(f)]
    with open("hard_text.expected.json", "w", encoding="utf-8") as f:
        json.dump(items, f, ensure_ascii=False, indent=4)
    with open("hard_text.expected.jsonl", "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    write_csv(items, "hard_text.expected.csv")

    # Prediction files: the same keys back, in the documented order; null stays null.
    with open("predictions.json", encoding="utf-8") as f:
        preds = json.load(f)
    order = ["video_name", "video_url", "prompt", "v_score_gt", "t_score_gt", "p_score_gt",
             "v_score_model", "t_score_model", "p_score_model", "output"]
    out = []
    for p in preds:
        row = {k: p.get(k, "" if k in ("video_url", "prompt", "output") else None) for k in order}
        for k in ("v_score_gt", "t_score_gt", "p_score_gt", "v_score_model", "t_score_model", "p_score_model"):
            if isinstance(row[k], float) and row[k].is_integer():
                row[k] = int(row[k])
        for k, v in p.items():
            if k not in order:
                row[k] = v
        out.append(row)
    with open("predictions.expected.json", "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=4)


if __name__ == "__main__":
    main()
