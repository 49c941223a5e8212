// Loads the committed Qwen2.5-VL tokenizer.json (gzip) into @huggingface/tokenizers.
import { Tokenizer } from "@huggingface/tokenizers";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const tokenizerPath = path.join(here, "../../../resources/tokenizer/qwen25vl-tokenizer.json.gz");

export function loadReference() {
  const json = JSON.parse(zlib.gunzipSync(fs.readFileSync(tokenizerPath)).toString("utf8"));
  // tokenizer_config.json of Qwen2.5-VL: no BOS, <|im_end|> as EOS, no clean-up of spaces.
  const config = {
    add_bos_token: false, add_prefix_space: false, bos_token: null, eos_token: "<|im_end|>",
    pad_token: "<|endoftext|>", unk_token: null, clean_up_tokenization_spaces: false,
    errors: "replace", split_special_tokens: false, tokenizer_class: "Qwen2Tokenizer",
  };
  return new Tokenizer(json, config);
}
