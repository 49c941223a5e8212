#include "core/library/relink.h"

#include <QFileInfo>

#include "core/library/video_locator.h"
#include "core/store/store.h"

namespace vs::library {

RelinkResult relink(store::Store& store, const QStringList& folders, const Progress& progress) {
  RelinkResult result;
  QStringList stored = store.mediaFolders();
  const VideoLocator before(store.path(), {});
  for (const QString& folder : folders) {
    const QString storable = before.storablePath(QFileInfo(folder).absoluteFilePath());
    if (!stored.contains(storable))
      stored << storable;
  }
  const VideoLocator locator(store.path(), stored);
  const QVector<store::QueueItem> items = store.listItems();
  QVector<const Video*> relinked;
  QStringList files;
  for (int i = 0; i < items.size(); ++i) {
    const Video& v = items[i].video;
    if (!v.path.isEmpty() && QFileInfo(locator.absolutePath(v.path)).isFile()) {
      ++result.alreadyLinked;
      continue;
    }
    const QString file = locator.find(v);
    if (file.isEmpty()) {
      result.missing << v.name;
      continue;
    }
    relinked << &v;
    files << file;
  }
  const QVector<ProbedFile> probed = probeFiles(files, progress);
  if (probed.size() != files.size()) {
    result.cancelled = true;
    return result;
  }
  QVector<store::VideoFileUpdate> updates;
  for (int i = 0; i < relinked.size(); ++i) {
    const Video& v = *relinked[i];
    store::VideoFileUpdate u;
    u.videoId = v.id;
    u.path = locator.storablePath(files[i]);
    const bool differs = !v.contentHash.isEmpty() && probed[i].contentKey != v.contentHash;
    const bool keepOld = differs || !probed[i].error.isEmpty();
    u.contentHash = keepOld ? v.contentHash : probed[i].contentKey;
    u.probeJson = keepOld ? v.probeJson : probed[i].probeJson;
    if (differs)
      result.changed << v.name;
    result.found << v.name;
    updates << u;
  }
  store.updateVideoFiles(updates, stored);
  return result;
}

}  // namespace vs::library
