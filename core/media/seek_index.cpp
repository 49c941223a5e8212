#include "core/media/seek_index.h"

#include <QDateTime>
#include <QFileInfo>
#include <map>
#include <mutex>

#include "core/domain/error.h"
#include "core/media/probe.h"

namespace vs::media {

namespace {

constexpr qsizetype kBookMaxBytes = qsizetype{32} << 20;
constexpr size_t kBookMaxEntries = 4096;

struct Book {
  struct Page {
    QByteArray bytes;
    uint64_t used = 0;
  };
  std::mutex mutex;
  std::map<QString, Page> pages;
  qsizetype bytes = 0;
  uint64_t clock = 0;

  void evict() {
    while (!pages.empty() && (bytes > kBookMaxBytes || pages.size() > kBookMaxEntries)) {
      auto oldest = pages.begin();
      for (auto it = pages.begin(); it != pages.end(); ++it) {
        if (it->second.used < oldest->second.used) {
          oldest = it;
        }
      }
      bytes -= oldest->second.bytes.size();
      pages.erase(oldest);
    }
  }
};

Book& book() {
  static Book instance;
  return instance;
}

QString bookKey(const QString& path) {
  return QFileInfo(path).absoluteFilePath();
}

}  // namespace

FileStamp fileStamp(const QString& path) {
  const QFileInfo info(path);
  FileStamp stamp;
  if (info.isFile()) {
    stamp.size = info.size();
    stamp.modified_ms = info.lastModified().toMSecsSinceEpoch();
  }
  return stamp;
}

bool stampMatches(const FileStamp& kept, const QString& path) {
  const FileStamp now = fileStamp(path);
  if (kept.size < 0 || now.size != kept.size) {
    return false;
  }
  if (now.modified_ms == kept.modified_ms) {
    return true;
  }
  if (kept.content_key.isEmpty()) {
    return false;
  }
  try {
    return contentKey(path) == kept.content_key;
  } catch (const vs::Error&) {
    return false;
  }
}

void rememberSeekIndex(const QString& path, const QByteArray& seek_index) {
  if (seek_index.isEmpty() || seek_index.size() > kBookMaxBytes) {
    return;
  }
  Book& b = book();
  const std::lock_guard<std::mutex> lock(b.mutex);
  Book::Page& page = b.pages[bookKey(path)];
  b.bytes += seek_index.size() - page.bytes.size();
  page.bytes = seek_index;
  page.used = ++b.clock;
  b.evict();
}

QByteArray rememberedSeekIndex(const QString& path) {
  Book& b = book();
  const std::lock_guard<std::mutex> lock(b.mutex);
  auto it = b.pages.find(bookKey(path));
  if (it == b.pages.end()) {
    return {};
  }
  it->second.used = ++b.clock;
  return it->second.bytes;
}

void forgetSeekIndexes() {
  Book& b = book();
  const std::lock_guard<std::mutex> lock(b.mutex);
  b.pages.clear();
  b.bytes = 0;
}

}  // namespace vs::media
