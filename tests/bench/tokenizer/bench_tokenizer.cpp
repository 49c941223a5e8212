// Tokenizer throughput: ours vs @huggingface/tokenizers (node) on the same few MB of mixed text,
// measured in the same run. Text: this repository's sources and docs plus the golden corpus (CJK,
// emoji, RTL, whitespace runs, special tokens), cut into ~2 KB documents.
//   bench_tokenizer [--mb N]     (needs `npm install` in tests/data/tokenizer for the reference)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>
#include <zlib.h>

#include "inference/tokenizer/tokenizer.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string gunzip(const fs::path& p) {
  const std::string packed = readFile(p);
  z_stream z{};
  inflateInit2(&z, 16 + MAX_WBITS);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  std::string out;
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  inflateEnd(&z);
  return out;
}

double msSince(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

std::vector<std::string> buildDocuments(const fs::path& root, std::size_t target_bytes) {
  std::string pool;
  for (const char* dir : {"inference", "core", "app", "tests/inference"}) {
    if (!fs::exists(root / dir)) {
      continue;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
      const auto ext = e.path().extension();
      if (e.is_regular_file() && (ext == ".cpp" || ext == ".h" || ext == ".md" || ext == ".py")) {
        files.push_back(e.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      pool += readFile(f);
    }
  }
  std::string multilingual;
  std::istringstream golden(readFile(root / "tests/data/tokenizer/golden_encode.jsonl"));
  for (std::string line; std::getline(golden, line);) {
    multilingual += nlohmann::json::parse(line)["text"].get<std::string>() + "\n";
  }
  std::vector<std::string> docs;
  std::size_t total = 0;
  std::size_t a = 0;
  std::size_t b = 0;
  while (total < target_bytes) {
    // Two code/prose documents for one multilingual document.
    for (int k = 0; k < 3 && total < target_bytes; ++k) {
      const std::string& src = k < 2 ? pool : multilingual;
      std::size_t& at = k < 2 ? a : b;
      if (at + 2048 > src.size()) {
        at = 0;
      }
      std::size_t len = std::min<std::size_t>(2048, src.size() - at);
      while (len < src.size() - at && (static_cast<unsigned char>(src[at + len]) & 0xC0) == 0x80) {
        ++len;  // keep UTF-8 sequences whole
      }
      docs.push_back(src.substr(at, len));
      at += len;
      total += len;
    }
  }
  return docs;
}

}  // namespace

int main(int argc, char** argv) {
  double mb = 4;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--mb") {
      mb = std::atof(argv[i + 1]);
    }
  }
  const fs::path root = VS_SOURCE_DIR;
  const std::vector<std::string> docs = buildDocuments(root, static_cast<std::size_t>(mb * 1024 * 1024));
  std::size_t bytes = 0;
  for (const auto& d : docs) {
    bytes += d.size();
  }

  auto t = Clock::now();
  const std::string json = gunzip(root / "resources/tokenizer/qwen25vl-tokenizer.json.gz");
  const double gunzip_ms = msSince(t);
  t = Clock::now();
  const auto tok = vs::tokenizer::Tokenizer::fromJson(json, "qwen25vl-tokenizer.json");
  const double load_ms = msSince(t);
  std::size_t tokens = 0;
  t = Clock::now();
  for (const auto& d : docs) {
    tokens += tok->encode(d).size();
  }
  const double cold_ms = msSince(t);
  t = Clock::now();
  std::size_t tokens_warm = 0;
  for (const auto& d : docs) {
    tokens_warm += tok->encode(d).size();
  }
  const double warm_ms = msSince(t);

  // Reference: node + @huggingface/tokenizers on the very same documents.
  const fs::path tmp = fs::temp_directory_path() / "vs_bench_tokenizer_docs.jsonl";
  {
    std::ofstream out(tmp, std::ios::binary);
    for (const auto& d : docs) {
      out << nlohmann::json(d).dump() << "\n";
    }
  }
  const fs::path script = root / "tests/data/tokenizer/bench_reference.mjs";
  const std::string cmd = "node '" + script.string() + "' '" + tmp.string() + "' 2>/dev/null";
  std::string ref_out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p) != nullptr) {
      ref_out += buf;
    }
    pclose(p);
  }
  fs::remove(tmp);

  std::printf("text: %zu documents, %.2f MB, %zu tokens (ours)\n", docs.size(), bytes / 1048576.0, tokens);
  std::printf("%-34s %12s %14s\n", "", "time ms", "tokens/s");
  std::printf("%-34s %12.1f %14s\n", "ours: gunzip tokenizer.json", gunzip_ms, "");
  std::printf("%-34s %12.1f %14s\n", "ours: load", load_ms, "");
  std::printf("%-34s %12.1f %14.0f\n", "ours: encode (cold BPE cache)", cold_ms, tokens / (cold_ms / 1000));
  std::printf("%-34s %12.1f %14.0f\n", "ours: encode (warm BPE cache)", warm_ms,
              tokens_warm / (warm_ms / 1000));
  try {
    const auto r = nlohmann::json::parse(ref_out);
    const double ref_ms = r["encode_ms"].get<double>();
    const auto ref_tokens = r["tokens"].get<std::size_t>();
    std::printf("%-34s %12.1f %14s\n", "@huggingface/tokenizers: load", r["load_ms"].get<double>(), "");
    std::printf("%-34s %12.1f %14.0f\n", "@huggingface/tokenizers: encode", ref_ms,
                ref_tokens / (ref_ms / 1000));
    std::printf("speed-up (cold cache): %.1fx; token counts %s (%zu vs %zu)\n", ref_ms / cold_ms,
                ref_tokens == tokens ? "agree" : "DIFFER", tokens, ref_tokens);
  } catch (const std::exception&) {
    std::printf("reference unavailable (run `npm install` in tests/data/tokenizer; node on PATH)\n");
  }
  return 0;
}
