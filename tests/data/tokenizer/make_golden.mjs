// Golden fixtures for the C++ Qwen2 tokenizer, produced by the reference implementation
// @huggingface/tokenizers (see package.json) on the committed Qwen2.5-VL tokenizer.json.
//   cd tests/data/tokenizer && npm install && node make_golden.mjs
// Writes golden_encode.jsonl ({"text", "ids"} per line) and golden_decode.jsonl
// ({"ids", "keep", "skip"}: decoded with special tokens kept / skipped).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadReference } from "./reference_tokenizer.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const tok = loadReference();

// Deterministic PRNG (mulberry32) so the corpus is the same on every run.
let seed = 0x5eed1234;
function rand() {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];
const range = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i));

const T2V = "\n    You are an expert for evaluating AI-generated videos from three dimensions:\n    (1) visual quality \u2013 clarity, smoothness, artifacts;\n    (2) text-to-video alignment \u2013 fidelity to the prompt;\n    (3) physical/common-sense consistency \u2013 naturalness and physics plausibility.\n\n    Video prompt: A red fox running through snow.\n\n    Please output in this format:\n    visual quality: <v_score>; \n    text-to-video alignment: <t_score>, \n    physical/common-sense consistency: <p_score>\n    ";

const fixed = [
  "", "Hello world", " Hello world", "Hello  world", "hello\nworld", "a", " ", "  ", "\n", "\n\n", "\r\n", " \r\n ",
  T2V,
  "visual quality: 4; \ntext-to-video alignment: 3, \nphysical/common-sense consistency: 5",
  "don't DON'T she'll I'M we'Re they've you'd it's 'S 'sup ''s x'LL 'ſ", "O'Neil's rock'n'roll",
  "12345 3.14159 1,000,000 -42 +7 0x1F 1e-9", "١٢٣٤ ٥٦ ½ ¾ Ⅻ ⅷ ① ² ₃ 𝟘𝟙 〇",
  "我爱北京天安门。今天天气很好！", "日本語のテキストです。カタカナとひらがな、漢字。", "한국어 텍스트입니다. 안녕하세요!",
  "中文English混合mixed文本123", "ภาษาไทยไม่มีช่องว่าง", "हिन्दी में लिखा गया पाठ", "Ελληνικά κείμενα", "Русский текст, ёлка.",
  "مرحبا بالعالم! هذا نص عربي.", "שלום עולם, זה טקסט בעברית", "English مع عربي mixed עם עברית",
  "👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 🇫🇷🇯🇵 ❤️ 😀😃😄 🧑🏿‍🚀 #️⃣ 1️⃣", "emoji🙂inside🙃words", "🫠🪿🫎 new emoji",
  "e\u0301 a\u0300 o\u0308 n\u0303 (decomposed)", "\u00e9 \u00e8 (precomposed)", "\u212b \u2126 \u0344 (singletons)",
  "a\u0323\u0307 a\u0307\u0323 q\u0307\u0323 (reordering)", "\u1100\u1161\u11a8 \u1100\u1161 (jamo)", "\uac00\u11a8 (LV+T)",
  "Vi\u1ec7t Nam ti\u00ea\u0301ng Vi\u00ea\u0323t", "\u0915\u093c \u0958 (nukta)", "\u0f73 \u0f75 (tibetan)", "\u0301start combining",
  "tab\there\t\ttwo", "multiple     spaces      here", "trailing spaces   ", "   leading spaces", "\t\n \t\n",
  "line1\nline2\r\nline3\rline4", "para\n\n\nbreak", "  \n  indented\n    more", "x \n y", "end\n",
  "nbsp\u00a0here\u00a0\u00a0two", "ideographic\u3000space", "nel\u0085line", "zero\u200bwidth", "bom\ufeffhere", "ls\u2028ps\u2029",
  "thin\u2009space en\u2002space", "\u000b\u000c vertical tab and form feed",
  "def f(x):\n    return x ** 2  # square\n", "int main() { return 0; }\n", "if (a && b || !c) { x += 1; }",
  "<html><body class=\"x\">Hi</body></html>", "https://example.com/path?q=1&r=2#frag", "user@example.com",
  "{\"key\": [1, 2, 3], \"nested\": {\"a\": null}}", "$$E = mc^2$$ \\frac{1}{2}", "C:\\Users\\name\\file.txt",
  "!!!???...,,,;;;", "----====____", "((()))[[[]]]{{{}}}", "a...b---c", "...\n\n", "?!\r\n\r\n",
  "<|im_start|>user\nhi<|im_end|>", "<|im_start|><|im_end|><|endoftext|>", "text<|video_pad|><|video_pad|>more",
  "<|vision_start|><|video_pad|><|vision_end|>after", "<|im_sta partial <|im_end", "<tool_call>{}</tool_call>",
  "<|fim_prefix|>a<|fim_suffix|>b<|fim_middle|>", "<<|im_start|>>", "<|endoftext|>", " <|im_end|> ",
  "\u00ff\u00fe binary-ish \u0000\u0001\u0002 controls \u007f", "\ufffd replacement char", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math letters",
  "ﬁ ligature ﬃ", "Ǆ ǅ ǆ titlecase", "İstanbul ıi", "straße STRASSE",
  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "                                                                                                ",
  "0123456789".repeat(10), "ab".repeat(200), "漢".repeat(100), "🙂".repeat(50),
];

const pools = {
  ascii: range(0x21, 0x7e), letters: [...range(0x41, 0x5a), ...range(0x61, 0x7a)], digits: range(0x30, 0x39),
  space: [" ", " ", " ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u3000", "\u2003"],
  latin1: range(0xa0, 0xff), latinExt: range(0x100, 0x24f), greek: range(0x391, 0x3c9), cyrillic: range(0x410, 0x44f),
  combining: range(0x300, 0x36f), arabic: range(0x621, 0x64a), hebrew: range(0x5d0, 0x5ea), devanagari: range(0x900, 0x97f),
  thai: range(0xe01, 0xe3a), hangul: [...range(0xac00, 0xac40), ...range(0x1100, 0x1112), ...range(0x1161, 0x1175), ...range(0x11a8, 0x11c2)],
  cjk: range(0x4e00, 0x4fff), kana: range(0x3041, 0x30ff), fullwidth: range(0xff01, 0xff5e),
  emoji: [...range(0x1f600, 0x1f64f), ...range(0x1f300, 0x1f3ff), "\u200d", "\ufe0f", ...range(0x1f3fb, 0x1f3ff)],
  punct: [..."'\"`.,;:!?-_/\\()[]{}<>@#$%^&*+=|~", "\u2013", "\u2014", "\u2026", "\u00ab", "\u00bb", "\u201c", "\u201d"],
  special: ["<|im_start|>", "<|im_end|>", "<|endoftext|>", "<|video_pad|>", "<tool_call>", "'s", "'LL", "'re"],
};
const poolNames = Object.keys(pools);

function randomString() {
  const n = 1 + Math.floor(rand() * 40);
  const favourite = pick(poolNames);
  let s = "";
  for (let i = 0; i < n; ++i) {
    s += pick(pools[rand() < 0.5 ? favourite : pick(poolNames)]);
  }
  return s;
}

function randomBmp() {
  let s = "";
  const n = 1 + Math.floor(rand() * 12);
  for (let i = 0; i < n; ++i) {
    let cp;
    do { cp = 0x20 + Math.floor(rand() * (0x2fff - 0x20)); } while (cp >= 0xd800 && cp <= 0xdfff);
    s += String.fromCodePoint(cp) + (rand() < 0.3 ? " " : "");
  }
  return s;
}

function randomBytesText() {
  const n = 1 + Math.floor(rand() * 24);
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; ++i) bytes[i] = Math.floor(rand() * 256);
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

const corpus = [...fixed];
for (let i = 0; i < 400; ++i) corpus.push(randomString());
for (let i = 0; i < 100; ++i) corpus.push(randomBmp());
for (let i = 0; i < 100; ++i) corpus.push(randomBytesText());

const enc = corpus.map((text) => JSON.stringify({ text, ids: tok.encode(text, { add_special_tokens: false }).ids }));
fs.writeFileSync(path.join(here, "golden_encode.jsonl"), enc.join("\n") + "\n");

// Decode: round trips of the corpus, random id runs (single bytes of multi-byte characters, cut
// sequences, special and non-special added tokens), ids outside the vocabulary.
const dec = [];
const addDecode = (ids) => {
  if (ids.length === 0) return;
  dec.push(JSON.stringify({
    ids,
    keep: tok.decode(ids, { skip_special_tokens: false, clean_up_tokenization_spaces: false }),
    skip: tok.decode(ids, { skip_special_tokens: true, clean_up_tokenization_spaces: false }),
  }));
};
for (const line of enc.slice(0, 120)) addDecode(JSON.parse(line).ids);
for (let i = 0; i < 150; ++i) {
  const n = 1 + Math.floor(rand() * 12);
  const ids = [];
  for (let k = 0; k < n; ++k) {
    const r = rand();
    ids.push(r < 0.5 ? Math.floor(rand() * 256) : r < 0.8 ? Math.floor(rand() * 151643) : 151643 + Math.floor(rand() * 22));
  }
  addDecode(ids);
}
// Ids past the tokenizer (the embedding's padding rows 151665..152063) have no string.
addDecode([9707, 151700, 1879, 152063]);
// A multi-byte character cut after each of its bytes.
const cjk = tok.encode("漢字🙂", { add_special_tokens: false }).ids;
addDecode(cjk);
for (const bytes of [[0xe6], [0xe6, 0xbc], [0xf0, 0x9f], [0xf0, 0x9f, 0x99], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xff, 0x41]]) {
  // single-byte tokens are the byte-level characters of each byte
  const ids = bytes.map((b) => tok.token_to_id(String.fromCodePoint(byteToUnicode(b))));
  addDecode(ids);
}
fs.writeFileSync(path.join(here, "golden_decode.jsonl"), dec.join("\n") + "\n");
console.log(`encode cases: ${enc.length}, decode cases: ${dec.length}`);

function byteToUnicode(b) {
  const printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
  if (printable) return b;
  let n = 0;
  for (let x = 0; x < b; ++x) {
    if (!((x >= 33 && x <= 126) || (x >= 161 && x <= 172) || (x >= 174 && x <= 255))) ++n;
  }
  return 256 + n;
}
