#pragma once
// Where a video's file is: the one rule the GUI, the CLI and the scoring client share.
//   1. the stored path (absolute, or relative to the project file's folder), when it names a file;
//   2. else each media folder of the project, in order: <folder>/<video_name>.<ext> for every
//      common video extension, then <folder>/<file name of video_url>;
//      The project file's own folder comes last, as if it were a media folder (not searched below);
//   3. else the same names anywhere below the media folders (a folder's files are listed once,
//      the first time a video is looked up there).
// The status says whether the file found is the one probed: `changed` when its content key
// (media::contentKey) differs from the stored one. A file whose size and modification time
// match the cached probe is taken as unchanged without being read.
// Finding a file also hands the seek index kept in its probe record to this process's decoders
// (media::rememberSeekIndex), so the player, the sampler and the CLI open it without an index pass.
#include <QHash>
#include <QString>
#include <QStringList>
#include <memory>

#include "core/domain/video.h"

namespace vs::store {
class Store;
}

namespace vs::library {

enum class FileStatus { Ok, Missing, Changed };
QString fileStatusName(FileStatus status);  // "ok", "missing", "changed"

enum class ContentCheck {
  Quick,  // size + modification time against the cached probe; the content key only when they differ
  Full,   // always compare the content key
  None,   // found means ok
};

struct VideoFile {
  QString path;  // absolute path of the file found; empty when missing
  FileStatus status = FileStatus::Missing;
  bool searched = false;  // found in a media folder, not at the stored path
};

class VideoLocator {
 public:
  // `mediaFolders` as stored: absolute, or relative to the project file's folder.
  VideoLocator(const QString& projectPath, const QStringList& mediaFolders);
  static VideoLocator forStore(const store::Store& store);  // the store's path and folders
  ~VideoLocator();
  VideoLocator(VideoLocator&&) noexcept;
  VideoLocator& operator=(VideoLocator&&) noexcept;

  QString projectDir() const { return projectDir_; }
  QStringList mediaFolders() const { return folders_; }  // absolute, in search order

  // The absolute form of a stored path (relative to the project file's folder).
  QString absolutePath(const QString& stored) const;
  // The form to store: relative to the project file's folder when the file lies under it
  // (so a project moved together with its videos keeps working), else absolute.
  QString storablePath(const QString& absolute) const;

  // The file the rule finds for `video`, or empty.
  QString find(const Video& video) const;
  // The file and its status.
  VideoFile locate(const Video& video, ContentCheck check = ContentCheck::Quick) const;
  // Forget the folder listings (after files were moved or added).
  void refresh();

 private:
  QString searchFolders(const Video& video) const;

  QString projectDir_;
  QStringList folders_;
  struct Listing;
  mutable std::unique_ptr<Listing> listing_;  // file name -> first path below the folders
};

// Hands every seek index `store` keeps to this process's decoders, under the files found for its
// videos (for a command that opens a file of the project by its path).
void rememberKeptIndexes(const store::Store& store);

}  // namespace vs::library
