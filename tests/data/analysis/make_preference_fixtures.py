#!/usr/bin/python3
"""Reference values for core/analysis/preference_audit.cpp, computed independently with numpy and
scipy. Run from this folder: /usr/bin/python3 make_preference_fixtures.py

Writes preferences.json: people's pairs (annotator, prompt, dimension, left/right video and
generator, choice, randomised), model totals per video, Best-of-N picks, and what the C++ must
compute from them:
  - model accuracy by eval/get_pairwise_acc.py's rule on integer totals (threshold 0.5): with
    ties, |difference| <= 0.5 predicts a tie; without ties, tie-labelled pairs are skipped and any
    non-zero difference decides; accuracy x100 rounded to 3;
  - agreement between people on shared (prompt, unordered pair, dimension), ties included and
    without the judge pairs where one said tie;
  - position bias: share of "left" among decided randomised pairs, Wilson 95 % interval;
  - Bradley-Terry strengths maximising the likelihood (scipy.optimize, not the MM iteration the
    C++ uses) with one virtual tie per pair of generators that met, normalised to sum to 1;
  - Best-of-N: model pick = highest model total (first shown on equal totals).
"""
import json
import numpy as np
from scipy.optimize import minimize
from scipy.stats import norm

rng = np.random.default_rng(7)
gens = ["gen_a", "gen_b", "gen_c", "gen_d"]
quality = {"gen_a": 1.2, "gen_b": 0.4, "gen_c": 0.0, "gen_d": -0.8}
people = ["ana", "bo", "cy"]
prompts = ["p%d" % i for i in range(6)]
videos = {(p, g): "%s_%s" % (p, g) for p in prompts for g in gens}
model_total = {}
for (p, g), name in videos.items():
    model_total[name] = int(np.clip(round(9 + 2 * quality[g] + rng.normal(0, 1.5)), 3, 15))

pairs = []
for p in prompts:
    for i in range(len(gens)):
        for j in range(i + 1, len(gens)):
            for who in people:
                if rng.random() < 0.35:
                    continue
                a, b = gens[i], gens[j]
                randomised = bool(rng.random() < 0.7)
                if randomised and rng.random() < 0.5:
                    a, b = b, a
                d = quality[a] - quality[b] + rng.normal(0, 0.9) + (0.25 if randomised else 0)
                choice = "tie" if abs(d) < 0.3 else ("left" if d > 0 else "right")
                pairs.append({"annotator": who, "prompt": p, "dimension": "overall",
                              "left": videos[(p, a)], "right": videos[(p, b)],
                              "left_generator": a, "right_generator": b,
                              "choice": choice, "randomised": randomised})

# --- model accuracy -------------------------------------------------------------------------
def accuracy(with_ties):
    total = correct = skipped = 0
    for q in pairs:
        diff = model_total[q["left"]] - model_total[q["right"]]
        if not with_ties and q["choice"] == "tie":
            skipped += 1
            continue
        margin = 0.5 if with_ties else 0.0
        pred = "left" if diff > margin else ("right" if diff < -margin else "tie")
        total += 1
        correct += pred == q["choice"]
    return {"total": total, "correct": correct, "skipped": skipped,
            "accuracy": round(correct / total * 100, 3)}

# --- agreement -------------------------------------------------------------------------------
flip = {"left": "right", "right": "left", "tie": "tie"}
verdicts = {}
for q in pairs:
    lo, hi = sorted([q["left"], q["right"]])
    v = q["choice"] if q["left"] == lo else flip[q["choice"]]
    verdicts.setdefault((q["prompt"], lo, hi, q["dimension"]), {})[q["annotator"]] = v
shared = judge = same = decided = decided_same = 0
for key, by in verdicts.items():
    if len(by) < 2:
        continue
    shared += 1
    names = sorted(by)
    for x in range(len(names)):
        for y in range(x + 1, len(names)):
            u, w = by[names[x]], by[names[y]]
            judge += 1
            same += u == w
            if u != "tie" and w != "tie":
                decided += 1
                decided_same += u == w

# --- position bias ---------------------------------------------------------------------------
rnd = [q for q in pairs if q["randomised"]]
left = sum(q["choice"] == "left" for q in rnd)
right = sum(q["choice"] == "right" for q in rnd)
n = left + right
phat = left / n
z = norm.ppf(0.975)
centre = (phat + z * z / (2 * n)) / (1 + z * z / n)
half = z * np.sqrt(phat * (1 - phat) / n + z * z / (4 * n * n)) / (1 + z * z / n)

# --- Bradley-Terry by maximum likelihood -------------------------------------------------------
k = len(gens)
W = np.zeros((k, k))
met = np.zeros((k, k), dtype=bool)
for q in pairs:
    a, b = gens.index(q["left_generator"]), gens.index(q["right_generator"])
    s = {"left": 1.0, "right": 0.0, "tie": 0.5}[q["choice"]]
    W[a, b] += s
    W[b, a] += 1 - s
    met[a, b] = met[b, a] = True
W = W + 0.5 * met


def nll(theta):
    t = np.concatenate([theta, [-theta.sum()]])
    total = 0.0
    for i in range(k):
        for j in range(k):
            if i != j and W[i, j] > 0:
                total -= W[i, j] * (t[i] - np.logaddexp(t[i], t[j]))
    return total


fit = minimize(nll, np.zeros(k - 1), method="BFGS", options={"gtol": 1e-12})
theta = np.concatenate([fit.x, [-fit.x.sum()]])
strength = np.exp(theta) / np.exp(theta).sum()

# --- Best-of-N picks -------------------------------------------------------------------------
picks = []
for idx, p in enumerate(prompts):
    cands = [videos[(p, g)] for g in (gens if idx % 2 == 0 else gens[:3])]
    order = sorted(cands, key=lambda c: -(quality[c.split("_", 1)[1]] + rng.normal(0, 0.6)))
    picks.append({"prompt": p, "candidates": cands, "best": order[0], "worst": order[-1] if idx % 3 else None})
agree = chance = regret = 0.0
worst_hits = with_worst = 0
for g in picks:
    ranked = sorted(range(len(g["candidates"])), key=lambda i: (-model_total[g["candidates"][i]], i))
    names = [g["candidates"][i] for i in ranked]
    agree += names[0] == g["best"]
    chance += 1 / len(names)
    regret += names.index(g["best"])
    if g["worst"] is not None:
        with_worst += 1
        worst_hits += names[0] == g["worst"]
m = len(picks)

out = {
    "pairs": pairs, "model_total": model_total, "picks": picks,
    "expected": {
        "with_ties": accuracy(True), "without_ties": accuracy(False),
        "agreement": {"shared_pairs": shared, "judge_pairs": judge, "agreement": same / judge,
                      "decided_judge_pairs": decided, "agreement_without_ties": decided_same / decided},
        "position_bias": {"randomised": len(rnd), "left": left, "right": right,
                          "ties": len(rnd) - n, "left_share": phat, "ci": [centre - half, centre + half]},
        "bradley_terry": {g: float(s) for g, s in zip(gens, strength)},
        "best_of_n": {"picks": m, "agreement": agree / m, "chance": chance / m, "mean_rank_regret": regret / m,
                      "model_picks_worst": worst_hits / with_worst},
    },
}
with open("preferences.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
