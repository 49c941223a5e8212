#!/bin/sh
# Writes the worker results that tests/core/scoring/test_score_report.cpp prints: `vscore score
# --json` on the demo checkpoint (vscore demo-model --seed 7) and a 2 s ffmpeg test pattern, once
# greedy and constrained (scores parsed), once sampled (seed 3, 8 tokens: nothing parsed).
# usage: make_results.sh BUILD_DIR
set -e
b=$1
t=$(mktemp -d)
"$b/app/vscore/vscore-full" demo-model --out "$t/model" --seed 7 >/dev/null
ffmpeg -v error -y -f lavfi -i testsrc=duration=2:size=96x72:rate=4 -pix_fmt yuv420p "$t/clip.mp4"
"$b/app/vscore/vscore-full" score "$t/clip.mp4" --prompt 'a test pattern' --model "$t/model" --greedy \
  --max-new-tokens 10 --constrained --json | sed "s|$t|/data|g" >demo_result_parsed.json
"$b/app/vscore/vscore-full" score "$t/clip.mp4" --prompt 'a test pattern' --model "$t/model" \
  --max-new-tokens 8 --seed 3 --fps 1 --json | sed "s|$t|/data|g" >demo_result_unparsed.json
rm -r "$t"
