#include "core/library/video_locator.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QUrl>

#include "core/library/media_extensions.h"
#include "core/library/probe_record.h"
#include "core/media/probe.h"
#include "core/media/seek_index.h"
#include "core/store/store.h"

namespace vs::library {

QString fileStatusName(FileStatus status) {
  switch (status) {
    case FileStatus::Ok:
      return QStringLiteral("ok");
    case FileStatus::Missing:
      return QStringLiteral("missing");
    case FileStatus::Changed:
      return QStringLiteral("changed");
  }
  return {};
}

namespace {

// The seek index the project keeps for `video` becomes known to this process's decoders under
// the path found for it (they check it against the file before use).
QString rememberIndexOf(const Video& video, const QString& path) {
  if (!path.isEmpty() && video.probeJson.contains(QLatin1String("\"seek_index\""))) {
    if (const auto record = parseProbeRecord(video.probeJson); record && !record->seekIndex.isEmpty()) {
      media::rememberSeekIndex(path, record->seekIndex);
    }
  }
  return path;
}

}  // namespace

struct VideoLocator::Listing {
  QHash<QString, QStringList> pathsOfFileName;  // in folder order, then path order
};

namespace {

bool isFile(const QString& path) {
  const QFileInfo info(path);
  return info.isFile() && info.isReadable();
}

// The file name a video_url ends in ("https://host/a/b.mp4?x=1" -> "b.mp4"), or empty.
QString urlFileName(const QString& url) {
  if (url.isEmpty())
    return {};
  const QUrl parsed(url);
  const QString path =
      parsed.isValid() && !parsed.scheme().isEmpty() && parsed.scheme().size() > 1 ? parsed.path() : url;
  const QString name = QFileInfo(path).fileName();
  return hasVideoExtension(name) ? name : QString();
}

}  // namespace

VideoLocator::VideoLocator(const QString& projectPath, const QStringList& mediaFolders)
    : projectDir_(QFileInfo(projectPath).absolutePath()) {
  for (const QString& folder : mediaFolders) {
    const QString absolute = absolutePath(folder);
    if (!folders_.contains(absolute))
      folders_ << absolute;
  }
}

VideoLocator VideoLocator::forStore(const store::Store& store) {
  return VideoLocator(store.path(), store.mediaFolders());
}

VideoLocator::~VideoLocator() = default;
VideoLocator::VideoLocator(VideoLocator&&) noexcept = default;
VideoLocator& VideoLocator::operator=(VideoLocator&&) noexcept = default;

QString VideoLocator::absolutePath(const QString& stored) const {
  if (stored.isEmpty())
    return {};
  return QDir::cleanPath(QDir(projectDir_).absoluteFilePath(stored));
}

QString VideoLocator::storablePath(const QString& absolute) const {
  const QString clean = QDir::cleanPath(QFileInfo(absolute).absoluteFilePath());
  const QString relative = QDir(projectDir_).relativeFilePath(clean);
  if (!relative.startsWith(QLatin1String("../")) && relative != QLatin1String("..") &&
      !QDir::isAbsolutePath(relative)) {
    return relative;
  }
  return clean;
}

QString VideoLocator::searchFolders(const Video& video) const {
  const QString urlName = urlFileName(video.url);
  QStringList direct = folders_;
  if (!direct.contains(projectDir_))
    direct << projectDir_;
  for (const QString& folder : direct) {
    const QDir dir(folder);
    for (const QString& ext : videoExtensions()) {
      const QString candidate = dir.filePath(video.name + QLatin1Char('.') + ext);
      if (isFile(candidate))
        return candidate;
    }
    if (!urlName.isEmpty() && isFile(dir.filePath(urlName)))
      return dir.filePath(urlName);
  }
  if (folders_.isEmpty())
    return {};
  if (!listing_) {
    listing_ = std::make_unique<Listing>();
    for (const QString& folder : folders_) {
      QStringList files;
      QDirIterator it(folder, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
      while (it.hasNext())
        files << it.next();
      files.sort();
      for (const QString& file : files) {
        const QString name = QFileInfo(file).fileName();
        if (hasVideoExtension(name))
          listing_->pathsOfFileName[name] << file;
      }
    }
  }
  // A name with folders in it ("sora/cat") must match its whole tail (".../sora/cat.mp4"), never
  // another generator's clip of the same base name.
  const QString baseName = QFileInfo(video.name).fileName();
  for (const QString& ext : videoExtensions()) {
    const QString tail = QLatin1Char('/') + video.name + QLatin1Char('.') + ext;
    for (const QString& path : listing_->pathsOfFileName.value(baseName + QLatin1Char('.') + ext)) {
      if (path.endsWith(tail))
        return path;
    }
  }
  if (!urlName.isEmpty())
    return listing_->pathsOfFileName.value(urlName).value(0);
  return {};
}

QString VideoLocator::find(const Video& video) const {
  if (!video.path.isEmpty()) {
    const QString stored = absolutePath(video.path);
    if (isFile(stored))
      return rememberIndexOf(video, stored);
  }
  return rememberIndexOf(video, searchFolders(video));
}

VideoFile VideoLocator::locate(const Video& video, ContentCheck check) const {
  VideoFile result;
  const QString stored = absolutePath(video.path);
  if (!stored.isEmpty() && isFile(stored)) {
    result.path = stored;
  } else {
    result.path = searchFolders(video);
    result.searched = !result.path.isEmpty();
  }
  if (result.path.isEmpty())
    return result;
  rememberIndexOf(video, result.path);
  result.status = FileStatus::Ok;
  if (check == ContentCheck::None || video.contentHash.isEmpty())
    return result;
  if (check == ContentCheck::Quick) {
    if (const auto record = parseProbeRecord(video.probeJson); record && record->fileSize >= 0) {
      const QFileInfo info(result.path);
      if (info.size() != record->fileSize) {
        result.status = FileStatus::Changed;
        return result;
      }
      if (info.lastModified().toMSecsSinceEpoch() == record->fileModifiedMs)
        return result;
    }
  }
  if (media::contentKey(result.path) != video.contentHash)
    result.status = FileStatus::Changed;
  return result;
}

void VideoLocator::refresh() {
  listing_.reset();
}

void rememberKeptIndexes(const store::Store& store) {
  const VideoLocator locator = VideoLocator::forStore(store);
  for (const store::QueueItem& item : store.listItems())
    locator.find(item.video);
}

}  // namespace vs::library
