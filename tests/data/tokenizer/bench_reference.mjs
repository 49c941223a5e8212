// Reference side of tests/bench/tokenizer: encodes the documents of a JSON-lines file (one JSON
// string per line) with @huggingface/tokenizers and prints {"load_ms", "encode_ms", "tokens"}.
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { loadReference } from "./reference_tokenizer.mjs";

const docs = fs.readFileSync(process.argv[2], "utf8").split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l));
let t0 = performance.now();
const tok = loadReference();
const load_ms = performance.now() - t0;
t0 = performance.now();
let tokens = 0;
for (const d of docs) tokens += tok.encode(d, { add_special_tokens: false }).ids.length;
const encode_ms = performance.now() - t0;
console.log(JSON.stringify({ load_ms, encode_ms, tokens }));
