#!/usr/bin/python3
"""Fixtures for tests/core/analysis and tests/app/analysis.

An independent restatement of the VideoScore2 evaluation scripts (TIGER-AI-Lab/VideoScore2:
eval/get_acc_corr.py, eval/get_pairwise_acc.py, data/cal_iaa.py) with scipy.stats for the
correlations, plus textbook forms of the statistics the scripts lack (quadratic-weighted kappa
from the confusion matrix, Krippendorff's alpha from all pairable value pairs, Bradley-Terry by
numerical optimisation). Bootstrap resamples are replayed explicitly (duplicated rows) with the
same SplitMix64 draw rule as core/analysis/bootstrap.cpp.

Run with Debian's python3-scipy / python3-numpy:  /usr/bin/python3 make_fixtures.py
Writes the *.json files next to this script. Deterministic: same output on every run.
"""
import json
import math
import os
import random
import re
import warnings

import numpy as np
from scipy import optimize, stats

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
ROUND_DIGIT = 3
MASK = (1 << 64) - 1


# --- seeded resampling (same rule as core/analysis/bootstrap.cpp) ----------------------------
class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def bootstrap(n, resamples, seed, level, statistic):
    """statistic(indices) -> list of values (None/NaN undefined). Returns [[lo, hi] or None]."""
    rng = SplitMix64(seed)
    reps = None
    for _ in range(resamples):
        idx = [rng.next() % n for _ in range(n)]
        vals = statistic(idx)
        if reps is None:
            reps = [[] for _ in vals]
        for j, v in enumerate(vals):
            if v is not None and not (isinstance(v, float) and math.isnan(v)):
                reps[j].append(v)
    tail = (1.0 - level) / 2.0 * 100.0
    out = []
    for r in reps:
        if not r:
            out.append(None)
        else:
            lo, hi = np.percentile(np.array(r, dtype=np.float64), [tail, 100.0 - tail])
            out.append([float(lo), float(hi)])
    return out


def nan_to_none(v):
    if v is None:
        return None
    v = float(v)
    return None if math.isnan(v) else v


# --- get_acc_corr.py, restated -----------------------------------------------------------------
PATTERN = r"visual quality:\s*(\d+).*?text-to-video alignment:\s*(\d+).*?physical/common-sense consistency:\s*(\d+)"


def load_scores(data):
    """_load_scores + _remove_null_scores for a vs2 prediction list."""
    gt = [[x["v_score_gt"] for x in data], [x["t_score_gt"] for x in data], [x["p_score_gt"] for x in data]]
    if all(f"{d}_score_model" in x for d in ["v", "t", "p"] for x in data):
        model = [[x["v_score_model"] for x in data], [x["t_score_model"] for x in data],
                 [x["p_score_model"] for x in data]]
    else:
        model = [[], [], []]
        for x in data:
            match = re.search(PATTERN, x["output"][-150:], re.DOTALL | re.IGNORECASE)
            for d in range(3):
                model[d].append(max(int(match.group(d + 1)), 1) if match else 0)
    keep = [i for i in range(len(data)) if None not in (model[0][i], model[1][i], model[2][i])]
    dropped = len(data) - len(keep)
    return [[g[i] for i in keep] for g in gt], [[m[i] for i in keep] for m in model], dropped


def acc(pred, gt):
    if len(pred) == 0:
        return 0.0
    return sum(p == g for p, g in zip(pred, gt)) / len(gt)


def acc_relaxed(pred, gt):
    if len(pred) == 0:
        return 0.0
    return sum(abs(p - g) <= 1 for p, g in zip(pred, gt)) / len(gt)


def acc_whole(p3, g3):
    total = len(g3[0])
    if total == 0:
        return 0.0
    matched = sum(1 for i in range(total) if abs(p3[0][i] - g3[0][i]) + abs(p3[1][i] - g3[1][i]) +
                  abs(p3[2][i] - g3[2][i]) <= 0)
    return matched / total


def spcc(pred, gt):
    try:
        return nan_to_none(stats.spearmanr(pred, gt)[0])
    except Exception:
        return None


def plcc(pred, gt):
    try:
        return nan_to_none(stats.pearsonr(pred, gt)[0])
    except Exception:
        return None


def kendall(pred, gt):
    try:
        return nan_to_none(stats.kendalltau(pred, gt)[0])  # variant "b"
    except Exception:
        return None


def mae(pred, gt):
    if len(pred) == 0:
        return None
    return float(np.mean(np.abs(np.array(pred, dtype=float) - np.array(gt, dtype=float))))


def qwk_textbook(a, b):
    """Cohen's kappa, quadratic weights, from the k x k confusion matrix over integer categories."""
    if len(a) == 0:
        return None
    lo = int(min(min(a), min(b), 1))
    hi = int(max(max(a), max(b), 5))
    k = hi - lo + 1
    o = np.zeros((k, k))
    for x, y in zip(a, b):
        o[int(x) - lo, int(y) - lo] += 1
    n = o.sum()
    e = np.outer(o.sum(axis=1), o.sum(axis=0)) / n
    i, j = np.indices((k, k))
    w = (i - j) ** 2 / (k - 1) ** 2
    denominator = (w * e).sum()
    if denominator <= 0:
        return None
    return float(1.0 - (w * o).sum() / denominator)


def kalpha_textbook(ratings, level):
    """Krippendorff's alpha from every pair of pairable values (no coincidence matrix).
    ratings: list of raters, each a list over units, None = missing."""
    units = []
    for u in range(len(ratings[0])):
        vals = [r[u] for r in ratings if r[u] is not None]
        if len(vals) >= 2:
            units.append(vals)
    pooled = np.array([v for u in units for v in u], dtype=float)
    n = len(pooled)
    if n < 2:
        return None
    if level == "interval":
        def delta(c, k):
            return (c - k) ** 2
    else:
        values, counts = np.unique(pooled, return_counts=True)
        cum = np.concatenate([[0.0], np.cumsum(counts)])
        pos = {float(v): i for i, v in enumerate(values)}

        def delta(c, k):
            ic, ik = pos[float(c)], pos[float(k)]
            lo, hi = min(ic, ik), max(ic, ik)
            return (cum[hi + 1] - cum[lo] - (counts[ic] + counts[ik]) / 2.0) ** 2
    d_o = 0.0
    for u in units:
        m = len(u)
        s = 0.0
        for i in range(m):
            for j in range(m):
                if i != j:
                    s += delta(u[i], u[j])
        d_o += s / (m - 1)
    d_o /= n
    d_e = 0.0
    for i in range(n):
        for j in range(n):
            if i != j:
                d_e += delta(pooled[i], pooled[j])
    d_e /= n * (n - 1)
    if d_e <= 0:
        return None
    return float(1.0 - d_o / d_e)


def to_int_soft(x):
    return int(min(5, max(1, round(x))))


METRICS = ["accuracy", "relaxed_accuracy", "srcc", "plcc", "kendall_tau_b", "mae", "qwk",
           "alpha_ordinal", "alpha_interval"]


def dim_metrics(raw, mapped, gt):
    return {
        "accuracy": acc(mapped, gt),
        "relaxed_accuracy": acc_relaxed(mapped, gt),
        "srcc": spcc(raw, gt),
        "plcc": plcc(raw, gt),
        "kendall_tau_b": kendall(raw, gt),
        "mae": mae(raw, gt),
        "qwk": qwk_textbook(mapped, gt),
        "alpha_ordinal": kalpha_textbook([list(mapped), list(gt)], "ordinal"),
        "alpha_interval": kalpha_textbook([list(raw), list(gt)], "interval"),
    }


def report(metric, v):
    if v is None:
        return None
    if metric == "mae":
        return round(v, ROUND_DIGIT)
    return round(v * 100, ROUND_DIGIT)


def audit(data, method, resamples=0, seed=0):
    gt, raw, dropped = load_scores(data)
    if method == "vs2_float":
        mapped = [[to_int_soft(x) for x in m] for m in raw]
    else:
        mapped = raw
    result = {"n": len(gt[0]), "dropped": dropped, "scale": "soft" if method == "vs2_float" else "integer"}
    per_dim = [dim_metrics(raw[d], mapped[d], gt[d]) for d in range(3)]
    for d, key in enumerate(["visual", "t2v", "phy"]):
        result[key] = {m: report(m, per_dim[d][m]) for m in METRICS}
        result[key]["confusion"] = confusion(gt[d], mapped[d])
    avg = {}
    for m in METRICS:
        vals = [result[k][m] for k in ["visual", "t2v", "phy"]]
        avg[m] = None if None in vals else round(sum(vals) / 3, ROUND_DIGIT)
    result["average"] = avg
    result["whole_item_accuracy"] = report("accuracy", acc_whole(mapped, gt))
    if resamples > 0 and result["n"] > 0:
        n = result["n"]

        def statistic(idx):
            out = []
            for d in range(3):
                r = [raw[d][i] for i in idx]
                mp = [mapped[d][i] for i in idx]
                g = [gt[d][i] for i in idx]
                dm = dim_metrics(r, mp, g)
                out += [dm[m] for m in METRICS]
            out.append(acc_whole([[mapped[d][i] for i in idx] for d in range(3)],
                                 [[gt[d][i] for i in idx] for d in range(3)]))
            return out

        cis = bootstrap(n, resamples, seed, 0.95, statistic)
        for d, key in enumerate(["visual", "t2v", "phy"]):
            result[key]["ci"] = {}
            for j, m in enumerate(METRICS):
                ci = cis[d * len(METRICS) + j]
                result[key]["ci"][m] = None if ci is None else [report(m, ci[0]), report(m, ci[1])]
        ci = cis[-1]
        result["whole_item_accuracy_ci"] = None if ci is None else [report("accuracy", ci[0]),
                                                                     report("accuracy", ci[1])]
    return result


def confusion(gt, mapped):
    vals = [int(round(v)) for v in list(gt) + list(mapped)]
    lo = min(vals + [1])
    hi = max(vals + [5])
    k = hi - lo + 1
    m = [[0] * k for _ in range(k)]
    for g, p in zip(gt, mapped):
        m[int(round(g)) - lo][int(round(p)) - lo] += 1
    return {"lowest": lo, "rows_reference_columns_predicted": m}


# --- data ----------------------------------------------------------------------------------------
def human_scores(rng, n):
    weights = [0.06, 0.17, 0.33, 0.3, 0.14]
    return [[rng.choices([1, 2, 3, 4, 5], weights)[0] for _ in range(3)] for _ in range(n)]


def model_hard(rng, h):
    return [min(5, max(1, s + rng.choice([-2, -1, -1, 0, 0, 0, 0, 1, 1]))) for s in h]


def model_soft(rng, hard):
    # best * p_best / sum(p_1..5): the soft score of vs2_float, 4 decimals
    return [round(s * rng.uniform(0.45, 1.0), 4) for s in hard]


def score_text(v, t, p, noise=""):
    return (f"{noise}### Score:\n(1) visual quality: {v}\n(2) text-to-video alignment: {t}\n"
            f"(3) physical/common-sense consistency: {p}")


def prediction_item(i, h, m, output):
    item = {"video_name": f"vid_{i:04d}", "video_url": "", "prompt": f"prompt {i // 4}",
            "v_score_gt": h[0], "t_score_gt": h[1], "p_score_gt": h[2]}
    if m is not None:
        item.update({"v_score_model": m[0], "t_score_model": m[1], "p_score_model": m[2]})
    item["output"] = output
    return item


def make_soft(rng, n=80):
    data = []
    for i, h in enumerate(human_scores(rng, n)):
        hard = model_hard(rng, h)
        soft = model_soft(rng, hard)
        if i in (7, 31):
            soft = [None, None, None]  # unparsed output: scores null, item dropped
        elif i == 50:
            soft = [soft[0], None, soft[2]]
        elif i == 12:
            soft = [2.5, 3.5, 4.5]  # halves round to even: 2, 4, 4
        elif i == 13:
            soft = [0.5, 1.5, 5.5]  # 0 -> clamped 1, 2, 6 -> clamped 5
        data.append(prediction_item(i, h, soft, score_text(*hard)))
    return data


def make_int(rng, n=60):
    data = []
    for i, h in enumerate(human_scores(rng, n)):
        hard = model_hard(rng, h)
        data.append(prediction_item(i, h, hard, score_text(*hard)))
    return data


def make_reparse(rng, n=24):
    data = []
    for i, h in enumerate(human_scores(rng, n)):
        hard = model_hard(rng, h)
        if i == 0:
            out = score_text(0, hard[1], hard[2])  # 0 parses, then max(0, 1) = 1
        elif i == 1:
            out = "I cannot judge this video."  # no match: 0, 0, 0
        elif i == 2:
            # the score lines sit more than 150 characters before the end: not found
            out = score_text(*hard) + "\n" + "Further remarks. " * 12
        elif i == 3:
            out = "思考过程：画面很稳定。" * 30 + score_text(*hard)  # non-ASCII before the tail
        elif i == 4:
            out = score_text(*hard).upper()  # IGNORECASE
        else:
            out = "### Thinking Process:\nThe motion is smooth.\n\n" + score_text(*hard)
        data.append(prediction_item(i, h, None, out))
    return data


def make_edge_cases():
    """Row lists (no file format) for the audit function itself."""
    cases = {}
    cases["constant_model"] = ("vs2", [([h, 3, 4], [3, 3, 3]) for h in [1, 2, 3, 4, 5, 3, 2]])
    cases["constant_both"] = ("vs2", [([4, 4, 4], [4, 4, 4]) for _ in range(5)])
    cases["single_item"] = ("vs2_float", [([3, 4, 5], [2.9, 4.2, 4.5])])
    cases["all_null"] = ("vs2_float", [([3, 4, 5], [None, 4.2, 4.5]), ([1, 2, 3], [1.0, None, 2.0])])
    cases["two_items"] = ("vs2_float", [([3, 4, 5], [2.9, 4.2, 4.5]), ([1, 2, 3], [1.2, 2.5, 2.0])])
    cases["ties_everywhere"] = ("vs2", [([a, b, c], [b, a, c]) for a in (1, 3, 5) for b in (2, 3) for c in (3, 4)])
    out = {}
    for name, (method, rows) in cases.items():
        data = [prediction_item(i, h, m, "") for i, (h, m) in enumerate(rows)]
        exp = audit(data, method)
        out[name] = {"method": method, "rows": [{"reference": h, "predicted": m} for h, m in rows],
                     "expected": exp}
    return out


def correlation_vectors(rng):
    out = []
    specs = [("continuous", 40), ("ties_int", 50), ("soft_vs_int", 60), ("small", 3), ("dup_heavy", 30)]
    for name, n in specs:
        if name == "continuous":
            x = [rng.gauss(0, 1) for _ in range(n)]
            y = [xi * 0.6 + rng.gauss(0, 1) for xi in x]
        elif name == "ties_int":
            x = [rng.randint(1, 5) for _ in range(n)]
            y = [min(5, max(1, xi + rng.randint(-1, 1))) for xi in x]
        elif name == "soft_vs_int":
            y = [rng.randint(1, 5) for _ in range(n)]
            x = [round(min(5, max(1, yi + rng.randint(-1, 1))) * rng.uniform(0.5, 1), 4) for yi in y]
        elif name == "small":
            x, y = [1.0, 2.0, 3.0], [3.0, 1.0, 2.0]
        else:
            x = [rng.choice([1, 2]) for _ in range(n)]
            y = [rng.choice([1, 2, 3]) for _ in range(n)]
        out.append({"name": name, "x": x, "y": y,
                    "pearson": plcc(x, y), "spearman": spcc(x, y), "kendall_tau_b": kendall(x, y),
                    "qwk": qwk_textbook([int(round(v)) for v in x], [int(round(v)) for v in y])
                    if name != "continuous" else None})
    return out


def rounding_cases():
    xs = [2.675, 1.0005, 0.0005, 2.5e-4, 44.35, 33.3333333, 66.6665, 12.3455, 99.9995, -1.2345, -0.0004,
          100.0, 1 / 3 * 100, 2 / 3 * 100, 7 / 9 * 100, 1e-9, 123456.78951]
    ints = [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, -0.5, -1.5, 2.4999999999, 2.5000000001, 0.49999999999999994]
    return {"round3": [[x, round(x, 3)] for x in xs], "round0": [[x, round(x)] for x in ints],
            "to_int_soft": [[x, to_int_soft(x)] for x in ints + [0.2, 6.7, 4.4999, 4.5001]]}


def alpha_cases(rng):
    cases = []
    # three raters, 1..5 with missing ratings
    r = [[rng.choice([1, 2, 3, 4, 5, None]) for _ in range(25)] for _ in range(3)]
    cases.append({"name": "three_raters_missing", "ratings": r})
    base = [rng.randint(1, 5) for _ in range(30)]
    r = [[min(5, max(1, b + rng.choice([-1, 0, 0, 1]))) for b in base] for _ in range(4)]
    cases.append({"name": "four_raters_close", "ratings": r})
    cases.append({"name": "perfect", "ratings": [[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]})
    cases.append({"name": "no_variation", "ratings": [[3, 3, 3], [3, 3, 3]]})
    cases.append({"name": "soft_interval", "ratings": [[round(rng.uniform(1, 5), 4) for _ in range(20)],
                                                       [rng.randint(1, 5) for _ in range(20)]]})
    for c in cases:
        c["ordinal"] = kalpha_textbook(c["ratings"], "ordinal")
        c["interval"] = kalpha_textbook(c["ratings"], "interval")
    return cases


# --- cal_iaa.py, restated (items aligned by video_name; the script zips the files in their own
# order, which is the same thing when the files list shared items in one order) -------------------
def agreement(files, resamples, seed):
    names = [set(x["video_name"] for x in f) for f in files]
    shared = set.intersection(*names)
    order = [x["video_name"] for x in files[0] if x["video_name"] in shared]
    by_name = [{x["video_name"]: x for x in f} for f in files]
    k = len(files)
    result = {"n": len(order)}
    for key in ["visual", "t2v", "phy"]:
        cols = [[by_name[a][v][f"{key}_score"] for v in order] for a in range(k)]

        def measures(idx):
            c = [[col[i] for i in idx] for col in cols]
            ratio = sum(1 for i in range(len(idx)) if all(c[a][i] == c[0][i] for a in range(k))) / len(idx)
            if k == 3:
                # three_way_spcc: spearmanr of the 3 x n matrix, mean of the off-diagonal
                m = stats.spearmanr(np.array(c), axis=1)[0]
                sp = float((m[0, 1] + m[0, 2] + m[1, 2]) / 3) if np.ndim(m) == 2 else float("nan")
            else:
                sps = [spcc(c[a], c[b]) for a in range(k) for b in range(a + 1, k)]
                sp = None if None in sps else sum(sps) / len(sps)
            qs = [qwk_textbook(c[a], c[b]) for a in range(k) for b in range(a + 1, k)]
            q = None if None in qs else sum(qs) / len(qs)
            return [ratio, nan_to_none(sp), kalpha_textbook(c, "ordinal"), kalpha_textbook(c, "interval"), q]

        point = measures(list(range(len(order))))
        d = {"agreement_ratio": point[0], "spcc": point[1], "alpha_ordinal": point[2],
             "alpha_interval": point[3], "mean_qwk": point[4]}
        d = {m: None if v is None else round(v, 4) for m, v in d.items()}
        if resamples:
            cis = bootstrap(len(order), resamples, seed, 0.95, measures)
            d["ci"] = {m: None if ci is None else [round(ci[0], 4), round(ci[1], 4)]
                       for m, ci in zip(["agreement_ratio", "spcc", "alpha_ordinal", "alpha_interval", "mean_qwk"],
                                        cis)}
        result[key] = d
    return result


def make_annotators(rng):
    base = human_scores(rng, 40)
    files = []
    for a in range(3):
        items = []
        for i, b in enumerate(base):
            if (i + a) % 13 == 0:
                continue  # each annotator misses a few items
            s = [min(5, max(1, v + rng.choice([-1, 0, 0, 0, 1]))) for v in b]
            items.append({"video_name": f"vid_{i:04d}", "video_url": "", "prompt": f"prompt {i // 4}",
                          "visual_score": s[0], "t2v_score": s[1], "phy_score": s[2]})
        files.append(items)
    return files


# --- get_pairwise_acc.py, restated -------------------------------------------------------------
def judge(method, s1, s2, with_ties):
    if not with_ties:
        return 1 if s1 > s2 else (-1 if s1 < s2 else 0)
    th = 0.001 if method == "vs2_float" else 0.5
    return 1 if s1 - s2 > th else (-1 if s1 - s2 < -th else 0)


def item_score(x, kind):
    if kind in ("v", "t", "p"):
        return x[f"{kind}_score_model"]  # VideoGen-RewardBench VQ / TA: one dimension
    total = x["v_score_model"] + x["t_score_model"] + x["p_score_model"]
    return total / 3 if kind == "mean" else total  # MJ-Bench-Video averages; the others sum


def pairwise(scores, pairs, method, with_ties, kind="total"):
    d = {x["video_name"]: x for x in scores
         if None not in [x["v_score_model"], x["t_score_model"], x["p_score_model"]]}
    total = correct = skipped = 0
    for p in pairs:
        label = p["preference"]
        if p["left"] not in d or p["right"] not in d:
            continue  # (the script checks the tie label first; only the skipped count differs)
        if not with_ties and label == "tie":
            skipped += 1
            continue
        total += 1
        a, b = d[p["left"]], d[p["right"]]
        s1 = item_score(a, kind)
        s2 = item_score(b, kind)
        j = judge(method, s1, s2, with_ties)
        pred = "left" if j == 1 else ("right" if j == -1 else "tie")
        correct += pred == label
    return {"total": total, "correct": correct, "skipped_ties": skipped,
            "accuracy": round(correct / total * 100, ROUND_DIGIT) if total else None}


def make_pairs(rng, scores):
    names = [x["video_name"] for x in scores]
    pairs = []
    for _ in range(70):
        a, b = rng.sample(names, 2)
        pairs.append({"left": a, "right": b, "preference": rng.choice(["left", "right", "left", "right", "tie"])})
    pairs.append({"left": "missing_video", "right": names[0], "preference": "left"})
    return pairs


# --- Best-of-N and leaderboard -------------------------------------------------------------------
def best_of_n(cands):
    groups = {}
    for i, c in enumerate(cands):
        groups.setdefault(c["prompt"], []).append(i)
    agree = chance = regret = 0.0
    count = 0
    for g, idx in groups.items():
        if len(idx) < 2:
            continue
        count += 1
        ms = [sum(cands[i]["model"]) for i in idx]
        hs = [sum(cands[i]["human"]) for i in idx]
        pick = idx[ms.index(max(ms))]  # first of equal maxima
        best = max(hs)
        best_set = [i for i, h in zip(idx, hs) if h == best]
        agree += pick in best_set
        chance += len(best_set) / len(idx)
        regret += best - sum(cands[pick]["human"])
    return {"groups": count, "top1_agreement": agree / count, "chance_agreement": chance / count,
            "mean_regret": regret / count}


def bt_fit(gens, outcomes, met):
    k = len(gens)
    w = np.zeros((k, k))
    for a, b, win in outcomes:
        w[a, b] += win
        w[b, a] += 1 - win
    for a in range(k):
        for b in range(k):
            if a != b and met[a][b]:
                w[a, b] += 0.5  # one virtual tie per pair that met
    active = [any(met[a]) for a in range(k)]
    ids = [a for a in range(k) if active[a]]

    def nll(theta):
        full = np.zeros(k)
        full[ids] = theta
        total = 0.0
        grad = np.zeros(k)
        for a in ids:
            for b in ids:
                if a != b and w[a, b] > 0:
                    pa = 1.0 / (1.0 + math.exp(full[b] - full[a]))
                    total -= w[a, b] * math.log(pa)
                    grad[a] -= w[a, b] * (1 - pa)
                    grad[b] += w[a, b] * (1 - pa)
        return total, grad[ids]

    res = optimize.minimize(nll, np.zeros(len(ids)), jac=True, method="BFGS",
                            options={"gtol": 1e-12, "maxiter": 10000})
    theta = res.x - res.x.mean()
    out = [None] * k
    for j, a in enumerate(ids):
        out[a] = float(theta[j])
    return out


def leaderboard(cands, resamples, seed):
    gens = sorted(set(c["generator"] for c in cands))
    gi = {g: i for i, g in enumerate(gens)}
    groups = []
    gindex = {}
    for c in cands:
        if c["prompt"] not in gindex:
            gindex[c["prompt"]] = len(groups)
            groups.append([])
        groups[gindex[c["prompt"]]].append(c)
    k = len(gens)
    met = [[False] * k for _ in range(k)]
    group_outcomes = []
    for members in groups:
        o = []
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                a, b = gi[members[x]["generator"]], gi[members[y]["generator"]]
                if a == b:
                    continue
                sa, sb = sum(members[x]["model"]), sum(members[y]["model"])
                o.append((a, b, 1.0 if sa > sb else (0.0 if sa < sb else 0.5)))
                met[a][b] = met[b][a] = True
        group_outcomes.append(o)

    def measures(idx):
        sums = [0.0] * k
        counts = [0] * k
        outcomes = []
        for g in idx:
            for c in groups[g]:
                sums[gi[c["generator"]]] += sum(c["model"])
                counts[gi[c["generator"]]] += 1
            outcomes += group_outcomes[g]
        means = [sums[i] / counts[i] if counts[i] else None for i in range(k)]
        return means + bt_fit(gens, outcomes, met)

    point = measures(list(range(len(groups))))
    cis = bootstrap(len(groups), resamples, seed, 0.95, measures) if resamples else [None] * (2 * k)
    rows = []
    for i, g in enumerate(gens):
        rows.append({"generator": g, "videos": sum(1 for c in cands if c["generator"] == g),
                     "mean_score": point[i], "mean_score_ci": cis[i],
                     "bt_strength": point[k + i], "bt_strength_ci": cis[k + i]})
    return rows


def make_candidates(rng):
    gens = ["alpha-gen", "beta-gen", "gamma-gen", "delta-gen"]
    quality = {"alpha-gen": 0.8, "beta-gen": 0.2, "gamma-gen": -0.3, "delta-gen": -0.6}
    cands = []
    for p in range(30):
        for g in gens:
            if (p + len(g)) % 7 == 0:
                continue
            h = [min(5, max(1, round(3 + quality[g] + rng.gauss(0, 1)))) for _ in range(3)]
            m = [round(max(1.0, min(5, max(1, v + rng.gauss(0, 0.7))) * rng.uniform(0.8, 1)), 4) for v in h]
            cands.append({"prompt": f"prompt {p}", "generator": g, "name": f"{g}_{p:03d}", "model": m, "human": h})
    cands.append({"prompt": "lonely prompt", "generator": "alpha-gen", "name": "alpha-gen_lonely",
                  "model": [3, 3, 3], "human": [3, 3, 3]})  # a single candidate: not a Best-of-N group
    return cands


def main():
    rng = random.Random(20250926)
    write = lambda name, obj: json.dump(obj, open(os.path.join(HERE, name), "w", encoding="utf-8"),
                                        ensure_ascii=False, indent=1)
    soft = make_soft(rng)
    integer = make_int(rng)
    reparse = make_reparse(rng)
    write("predictions_soft.json", soft)
    write("predictions_int.json", integer)
    write("predictions_reparse.json", reparse)
    write("expected_audit.json", {
        "bootstrap": {"resamples": 200, "seed": 7, "level": 0.95},
        "predictions_soft.json": audit(soft, "vs2_float", 200, 7),
        "predictions_int.json": audit(integer, "vs2"),
        "predictions_reparse.json": audit(reparse, "vs2"),
        "edge_cases": make_edge_cases(),
    })
    write("expected_stats.json", {"correlation": correlation_vectors(rng), "rounding": rounding_cases(),
                                  "alpha": alpha_cases(rng)})
    files = make_annotators(rng)
    for a, f in enumerate(files):
        write(f"annotator_{a + 1}.json", f)
    write("expected_agreement.json", {"bootstrap": {"resamples": 100, "seed": 11, "level": 0.95},
                                      "result": agreement(files, 100, 11)})
    pairs = make_pairs(rng, soft)
    write("pairs.json", pairs)
    write("expected_pairwise.json", {
        "predictions_soft.json": {"with_ties": pairwise(soft, pairs, "vs2_float", True),
                                  "without_ties": pairwise(soft, pairs, "vs2_float", False)},
        "predictions_int.json": {"with_ties": pairwise(integer, make_pairs(random.Random(5), integer), "vs2", True),
                                 "without_ties": pairwise(integer, make_pairs(random.Random(5), integer), "vs2",
                                                          False),
                                 "mean_with_ties": pairwise(integer, make_pairs(random.Random(5), integer), "vs2",
                                                            True, "mean"),
                                 "visual_with_ties": pairwise(integer, make_pairs(random.Random(5), integer), "vs2",
                                                              True, "v")}})
    write("pairs_int.json", make_pairs(random.Random(5), integer))
    cands = make_candidates(rng)
    write("candidates.json", cands)
    write("expected_ranking.json", {"bootstrap": {"resamples": 60, "seed": 3, "level": 0.95},
                                    "best_of_n": best_of_n(cands), "leaderboard": leaderboard(cands, 60, 3)})


if __name__ == "__main__":
    main()
