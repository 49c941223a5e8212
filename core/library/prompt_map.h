#pragma once
// A file that gives each video its prompt: a JSON object {"video_name": "prompt", ...}, a JSON
// array or JSON Lines of objects with video_name and prompt (a VideoFeedback2 file, say), or a
// CSV with video_name and prompt columns (any of the key names VideoFeedback2 import accepts).
#include <QHash>
#include <QString>
#include <optional>

namespace vs::library {

class PromptMap {
 public:
  // Throws vs::Error: Io when unreadable, InvalidData naming the line or key when malformed.
  static PromptMap read(const QString& path);

  qsizetype size() const { return prompts_.size(); }
  // The prompt for a video, tried as `name` ("sora/cat"), its file name ("cat.mp4") and its
  // base name ("cat"), in that order.
  std::optional<QString> find(const QString& name, const QString& fileName) const;
  void insert(const QString& key, const QString& prompt) { prompts_.insert(key, prompt); }

 private:
  QHash<QString, QString> prompts_;
};

}  // namespace vs::library
