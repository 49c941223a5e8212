#pragma once
// The one error type of the inference layer (safetensors, tokenizer, checkpoint, rules, engine,
// scorer): what failed (kind), in which file and where inside it (tensor name, JSON key, template
// offset), and what is wrong. Nothing here knows exit codes or protocol codes: the edges
// (vscore, vscore-worker) map kind() once. Nothing in this layer aborts on bad input.
#include <stdexcept>
#include <string>

namespace vs::inference {

class Error : public std::runtime_error {
 public:
  enum class Kind {
    Io,           // a missing or unreadable file
    InvalidData,  // a file's content is wrong (JSON, weights, tokenizer, preprocessor config)
    BadModel,     // the files read, but no model can be built from them (shapes, architecture)
    BadInput,     // the caller's input is wrong (video, prompt ids, query template, options)
    OutOfMemory,  // host or device memory ran out
    Internal,     // a failure of the engine itself
  };

  Error(Kind kind, std::string file, std::string where, std::string what)
      : std::runtime_error(compose(file, where, what)),
        kind_(kind),
        file_(std::move(file)),
        where_(std::move(where)),
        what_(std::move(what)) {}
  Error(Kind kind, std::string what) : Error(kind, std::string(), std::string(), std::move(what)) {}

  Kind kind() const { return kind_; }
  const std::string& file() const { return file_; }    // may be empty
  const std::string& where() const { return where_; }  // tensor name, JSON key, offset; may be empty
  const std::string& message() const { return what_; }

 private:
  static std::string compose(const std::string& file, const std::string& where, const std::string& what) {
    std::string s = file;
    if (!where.empty()) {
      s += s.empty() ? where : ": " + where;
    }
    return s.empty() ? what : s + ": " + what;
  }

  Kind kind_;
  std::string file_;
  std::string where_;
  std::string what_;
};

}  // namespace vs::inference
