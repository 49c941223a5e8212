#pragma once
// The one error type of the model-loading layer (safetensors, checkpoint, tokenizer): which file,
// where inside it (tensor name, JSON key, line), and what is wrong. Boundaries (vscore, the worker)
// map kind() to an exit code or a protocol error. Nothing in this layer aborts on bad input.
#include <stdexcept>
#include <string>

namespace vs::inference {

class LoadError : public std::runtime_error {
 public:
  enum class Kind {
    Io,           // missing / unreadable file: exit 1
    InvalidData,  // the file's content is wrong: exit 3
  };

  LoadError(Kind kind, std::string file, std::string where, std::string what)
      : std::runtime_error(compose(file, where, what)),
        kind_(kind),
        file_(std::move(file)),
        where_(std::move(where)),
        what_(std::move(what)) {}

  Kind kind() const { return kind_; }
  const std::string& file() const { return file_; }
  const std::string& where() const { return where_; }  // tensor name, JSON key; may be empty
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
