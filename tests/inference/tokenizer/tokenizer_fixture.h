#pragma once
// Loads the committed Qwen2.5-VL tokenizer.json.gz (env VS_QWEN_TOKENIZER_GZ) once per test
// program.
#include <QByteArray>
#include <QFile>
#include <QtGlobal>
#include <memory>
#include <stdexcept>
#include <string>
#include <zlib.h>

#include "inference/tokenizer/tokenizer.h"

namespace vs::test {

inline std::string gunzipFile(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    throw std::runtime_error("cannot open " + path.toStdString());
  }
  const QByteArray packed = f.readAll();
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
    throw std::runtime_error("inflateInit2");
  }
  std::string out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.constData()));
  z.avail_in = static_cast<uInt>(packed.size());
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&z);
      throw std::runtime_error("corrupt gzip " + path.toStdString());
    }
    out.append(buf, sizeof buf - z.avail_out);
  }
  inflateEnd(&z);
  return out;
}

inline const std::string& qwenTokenizerJson() {
  static const std::string text = gunzipFile(qEnvironmentVariable("VS_QWEN_TOKENIZER_GZ"));
  return text;
}

inline const tokenizer::Tokenizer& qwenTokenizer() {
  static const std::unique_ptr<tokenizer::Tokenizer> t =
      tokenizer::Tokenizer::fromJson(qwenTokenizerJson(), "qwen25vl-tokenizer.json");
  return *t;
}

}  // namespace vs::test
