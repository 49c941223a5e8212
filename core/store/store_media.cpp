// Where a project's video files are: the media folders it searches and each video's file
// facts (path, content key, probe result), written in one transaction per call.
#include "core/domain/error.h"
#include "core/store/store.h"
#include "core/store/store_impl.h"

namespace vs::store {

QStringList Store::mediaFolders() const {
  Statement& s = d_->statement("SELECT path FROM media_folders ORDER BY position");
  QStringList folders;
  while (s.step())
    folders << s.text(0);
  s.reset();
  return folders;
}

void Store::addMediaFolders(const QStringList& folders) {
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  Statement& s = d_->statement(
      "INSERT INTO media_folders(position, path) "
      "VALUES ((SELECT coalesce(max(position), 0) + 1 FROM media_folders), ?1) "
      "ON CONFLICT(path) DO NOTHING");
  for (const QString& folder : folders) {
    if (folder.isEmpty())
      continue;
    s.bind(1, folder);
    s.run();
  }
  transaction.commit();
}

namespace {

void writeMediaFolders(Impl& d, const QStringList& folders) {
  d.statement("DELETE FROM media_folders").run();
  Statement& s =
      d.statement("INSERT INTO media_folders(position, path) VALUES (?1, ?2) ON CONFLICT(path) DO NOTHING");
  qint64 position = 0;
  for (const QString& folder : folders) {
    if (folder.isEmpty())
      continue;
    s.bind(1, ++position).bind(2, folder);
    s.run();
  }
}

}  // namespace

void Store::setMediaFolders(const QStringList& folders) {
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  writeMediaFolders(*d_, folders);
  transaction.commit();
}

QVector<qint64> Store::addVideos(const QVector<VideoRecord>& videos) {
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  // An existing video keeps its prompt, generator and batch unless the record gives new ones.
  Statement& s = d_->statement(
      "INSERT INTO videos(name, prompt_id, url, path, content_hash, probe_json, generator, batch) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(name) DO UPDATE SET "
      "prompt_id = coalesce(excluded.prompt_id, videos.prompt_id), "
      "url = CASE WHEN excluded.url <> '' THEN excluded.url ELSE videos.url END, "
      "path = excluded.path, content_hash = excluded.content_hash, probe_json = excluded.probe_json, "
      "generator = CASE WHEN excluded.generator <> '' THEN excluded.generator ELSE videos.generator END, "
      "batch = CASE WHEN excluded.batch <> '' THEN excluded.batch ELSE videos.batch END RETURNING id");
  QVector<qint64> ids;
  ids.reserve(videos.size());
  for (const VideoRecord& record : videos) {
    const Video& v = record.video;
    if (v.name.isEmpty())
      throw Error(Error::Kind::Usage, d_->where, QStringLiteral("video name is empty"));
    const qint64 promptId = record.promptText.isEmpty() ? 0 : d_->ensurePrompt(record.promptText.toUtf8());
    s.bind(1, v.name);
    if (promptId > 0) {
      s.bind(2, promptId);
    } else {
      s.bindNull(2);
    }
    s.bind(3, v.url).bind(4, v.path).bind(5, v.contentHash).bind(6, v.probeJson);
    s.bind(7, v.generator).bind(8, v.batch);
    s.step();
    ids.push_back(s.int64(0));
    s.reset();
  }
  transaction.commit();
  return ids;
}

void Store::updateVideoFiles(const QVector<VideoFileUpdate>& updates,
                             const std::optional<QStringList>& mediaFolders) {
  Transaction transaction(*d_->db, d_->where, d_->busyTimeoutMs);
  if (mediaFolders)
    writeMediaFolders(*d_, *mediaFolders);
  Statement& s =
      d_->statement("UPDATE videos SET path = ?2, content_hash = ?3, probe_json = ?4 WHERE id = ?1");
  for (const VideoFileUpdate& u : updates) {
    s.bind(1, u.videoId).bind(2, u.path).bind(3, u.contentHash).bind(4, u.probeJson);
    s.run();
  }
  transaction.commit();
}

}  // namespace vs::store
