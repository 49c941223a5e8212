#pragma once
// The store benchmarks' generated VideoFeedback2 items (bench_store, bench_store_pg): the same
// deterministic rows in every run.
#include <QFile>
#include <QString>
#include <string>

#include "core/json/json_text.h"

namespace vs::bench {

// Deterministic text: a small LCG over a word list with CJK, RTL and emoji.
struct Generator {
  quint64 state = 0x9E3779B97F4A7C15ull;
  quint32 next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<quint32>(state >> 33);
  }
  std::string words(int n) {
    static const char* kWords[] = {"the",
                                   "a",
                                   "cat",
                                   "dog",
                                   "runs",
                                   "across",
                                   "street",
                                   "under",
                                   "neon",
                                   "lights",
                                   "while",
                                   "camera",
                                   "pans",
                                   "slowly",
                                   "\xE5\x9F\x8E\xE5\xB8\x82",
                                   "\xE5\xA4\x9C\xE6\x99\xAF",
                                   "\xD9\x85\xD9\x88\xD8\xB3\xD9\x8A\xD9\x82\xD9\x89",
                                   "\xF0\x9F\x98\x80",
                                   "quickly",
                                   "red",
                                   "blue",
                                   "motion",
                                   "blur",
                                   "\"quoted\"",
                                   "frame",
                                   "texture"};
    std::string out;
    for (int i = 0; i < n; ++i) {
      if (i)
        out.push_back(' ');
      out += kWords[next() % (sizeof kWords / sizeof *kWords)];
    }
    return out;
  }
};

// Writes `count` items, or (with `minBytes` > 0) items until the file holds at least `minBytes`;
// returns how many were written.
inline int writeItems(const QString& path, int count, qint64 minBytes = 0) {
  Generator g;
  std::string out = "[";
  int i = 0;
  for (; minBytes > 0 ? qint64(out.size()) < minBytes : i < count; ++i) {
    const std::string name = "gen" + std::to_string(i % 7) + "_" + std::to_string(100000 + i);
    out += i ? ",\n    {\n        " : "\n    {\n        ";
    out += "\"video_name\": ";
    vs::json::appendString(out, name.data(), name.size());
    const std::string url = "https://example.org/videos/" + name + ".mp4";
    out += ",\n        \"video_url\": ";
    vs::json::appendString(out, url.data(), url.size());
    const std::string prompt = g.words(25) + " #" + std::to_string(i / 4);  // 4 videos per prompt
    out += ",\n        \"prompt\": ";
    vs::json::appendString(out, prompt.data(), prompt.size());
    for (const char* key : {"visual_score", "t2v_score", "phy_score"}) {
      out += ",\n        \"";
      out += key;
      out += "\": " + std::to_string(1 + g.next() % 5);
    }
    const std::string thinking = g.words(120);
    out += ",\n        \"thinking\": ";
    vs::json::appendString(out, thinking.data(), thinking.size());
    out += ",\n        \"source\": \"bench\",\n        \"batch\": " + std::to_string(i % 13) + "\n    }";
  }
  out += "\n]";
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly))
    qFatal("cannot write %s", qPrintable(path));
  f.write(out.data(), static_cast<qint64>(out.size()));
  return i;
}

}  // namespace vs::bench
