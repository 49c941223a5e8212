#!/bin/sh
# Peak resident memory of one vscore-worker scoring one clip (greedy, free format, N new tokens)
# with and without per-step top logprobs, as `vscore serve` asks for them. Compare two workers
# (e.g. two builds) on the same model and clip:
#   tests/bench/scoring/logprobs_memory.sh WORKER MODEL_DIR CLIP [N=400] [TOP=20]
set -eu
worker=$1 model=$2 clip=$3 n=${4:-400} top=${5:-20}
out=$(mktemp)
for tl in -1 "$top"; do
  printf '%s\n%s\n' "{\"id\":1,\"method\":\"load\",\"params\":{\"model\":\"$model\"}}" \
    "{\"id\":2,\"method\":\"score\",\"params\":{\"video\":\"$clip\",\"prompt\":\"A test pattern.\",\"greedy\":true,\"max_new_tokens\":$n,\"top_logprobs\":$tl}}" |
    /usr/bin/time -f "top_logprobs=$tl peak_rss_mb=%M wall_s=%e" "$worker" 2>&1 >"$out" | grep peak_rss |
    awk '{ split($2, a, "="); printf "%s peak_rss_mb=%.0f %s", $1, a[2] / 1024, $3 }'
  echo " $(grep -o '"generated_tokens":[0-9]*' "$out")"
done
rm -f "$out"
