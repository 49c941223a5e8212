#pragma once
// The project store. A project is a `.vsproj` SQLite file (WAL journal, foreign keys on, schema
// version in PRAGMA user_version) or a PostgreSQL database named by a libpq URI
// (postgresql://[user@][host][:port]/db?host=/socket/dir; schema version in vs_meta). Both go
// through one Connection seam (connection.h), so every operation below is written once. Forward
// migrations on open, a newer schema refused. Every public write is one transaction, committed
// before the call returns; edits to an evaluation leave an append-only history row (written by
// triggers, SQLite or PL/pgSQL, so no path can skip it).
//
// A Store belongs to the thread that opened it. Several processes may open one project: writers
// wait up to busyTimeoutMs for the other to finish, then fail with
// vs::Error(Kind::Io, ..., "project is busy ...").
// All failures throw vs::Error (core/domain/error.h).
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "core/domain/annotator.h"
#include "core/domain/evaluation.h"
#include "core/domain/feedback_item.h"
#include "core/domain/prompt.h"
#include "core/domain/video.h"
#include "core/domain/error.h"
#include "core/store/evaluation_edit.h"
#include "core/store/preference_edit.h"
#include "core/store/store_types.h"

namespace vs::store {

enum class OpenMode {
  OpenExisting,  // fail when the file does not exist
  CreateNew,     // fail when the file exists
  OpenOrCreate,
};

// Is `project` a PostgreSQL URI (postgresql:// or postgres://) rather than a `.vsproj` path?
bool isDatabaseProject(const QString& project);
// A file project that exists, or any database URI (the server answers when it is opened).
bool projectExists(const QString& project);

// An edit based on an old version of a shared record: nothing was written. `current` is what is
// there now (shown to the person, never written over).
class VersionConflict : public Error {
 public:
  VersionConflict(const QString& where, const QString& what, VersionedText current)
      : Error(Kind::Io, where, what), current_(std::move(current)) {}
  const VersionedText& current() const { return current_; }

 private:
  VersionedText current_;
};

// The server could not be reached, or the session to it was cut (PostgreSQL): nothing of the
// failed call was committed; the same call may succeed once the server is back.
class ConnectionLost : public Error {
 public:
  ConnectionLost(const QString& where, const QString& what) : Error(Kind::Io, where, what) {}
};

class Store {
 public:
  static constexpr int kSchemaVersion = 8;  // see schema.cpp for every version and migration

  explicit Store(const QString& path, OpenMode mode = OpenMode::OpenExisting, int busyTimeoutMs = 5000);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  QString path() const;
  int schemaVersion() const;  // of the open file (== kSchemaVersion after open)
  // This store's session on a PostgreSQL server (its backend process id; 0 for a file): what a
  // ChangeWatcher leaves out.
  qint64 sessionId() const;

  // --- prompts, videos, annotators ----------------------------------------------------------
  qint64 addPrompt(const QString& text);  // id of the existing prompt with that text, or a new one
  std::optional<Prompt> findPrompt(qint64 id) const;
  // Inserts the video, or updates the one with the same name; returns its id.
  qint64 addVideo(const Video& video);
  std::optional<Video> findVideo(qint64 id) const;
  std::optional<Video> findVideoByName(const QString& name) const;
  // Existing annotator with that name (kind must match, else Kind::Usage), or a new one.
  qint64 addAnnotator(const QString& name, AnnotatorKind kind);
  std::optional<Annotator> findAnnotator(const QString& name) const;
  std::optional<Annotator> findAnnotator(qint64 id) const;
  QVector<Annotator> annotators() const;

  // --- where the video files are (the rule that uses these: core/library/video_locator.h) ----
  // Folders searched for video files, in order, as stored: absolute, or relative to the project
  // file's folder.
  QStringList mediaFolders() const;
  // Appends the folders not listed yet (compared as stored); one transaction.
  void addMediaFolders(const QStringList& folders);
  void setMediaFolders(const QStringList& folders);  // replaces the whole list
  // Adds or updates many videos in one transaction (all or nothing); prompts are found or made
  // by text (an empty text leaves the video without a prompt). Returns the ids, in order.
  QVector<qint64> addVideos(const QVector<VideoRecord>& videos);
  // Records where videos' files are and what probing them found, in one transaction (with the
  // new list of media folders when given).
  void updateVideoFiles(const QVector<VideoFileUpdate>& updates,
                        const std::optional<QStringList>& mediaFolders = std::nullopt);

  // --- evaluations --------------------------------------------------------------------------
  // Inserts or replaces the evaluation of (videoId, annotatorId); returns its id. Scores are
  // checked: integers 1..5 when the annotator is a person, 0..5 as given (soft scores) when it
  // is a model (Kind::InvalidData otherwise).
  qint64 upsertEvaluation(const Evaluation& evaluation);
  std::optional<Evaluation> findEvaluation(qint64 id) const;
  std::optional<Evaluation> findEvaluation(qint64 videoId, qint64 annotatorId) const;
  QVector<Evaluation> evaluationsForVideo(qint64 videoId) const;
  // One user edit: sets one field and `updated`, in one committed transaction; the history row
  // (old and new value) is written in the same transaction. `value`: double or null for scores,
  // string for texts, origin name for Origin, integer for TimeSpentMs.
  void editField(qint64 evaluationId, EvaluationField field, const QVariant& value);
  QVector<HistoryEntry> history(qint64 evaluationId) const;  // oldest first
  // One person's edit kept while the server was away (store_types.h), in one committed
  // transaction: the person (made when new) and their evaluation of the video (made when
  // missing) first, then each field in order and the extra keys. Values are absolute, so the
  // same edit applied twice leaves the same evaluation.
  void applyEvaluationEdit(const EvaluationEdit& edit);

  // --- preferences and Best-of-N picks (store_preferences.cpp) -----------------------------
  // The videos of a prompt, in id order (the candidates a preference session compares).
  QVector<Video> videosOfPrompt(qint64 promptId) const;
  // Records one preference in one committed transaction: inserts it, or replaces the one of the
  // same annotator, unordered pair and dimension (whatever order it was shown in before). The
  // prompt is the videos' own (Kind::Usage when they belong to different prompts, or for a video
  // compared with itself). History rows are written by triggers in the same transaction.
  PreferenceChange recordPreference(const PreferenceRecord& preference);
  // Undo of `change`: restores `change.before`, or deletes the row when the change created it.
  void revertPreference(const PreferenceChange& change);
  // A preference choice, Best-of-N pick or undo kept while the server was away
  // (preference_edit.h), in one committed transaction: the person (made when new), then the
  // row of the key written, or removed. A row that already holds the values is left as it is,
  // so the same edit applied twice changes nothing (no second history row).
  void applyPreferenceEdit(const PreferenceEdit& edit);
  bool removePreference(qint64 preferenceId);  // false when there was none
  std::optional<PreferenceRecord> findPreference(qint64 annotatorId, qint64 videoA, qint64 videoB,
                                                 PreferenceDimension dimension) const;
  QVector<PreferenceRecord> preferences(const PreferenceFilter& filter = {}) const;  // id order
  QVector<PreferenceHistoryEntry> preferenceHistory(qint64 preferenceId) const;      // oldest first
  // The matching preferences by names (video, annotator, prompt text), for export; id order.
  QVector<NamedPreference> namedPreferences(const PreferenceFilter& filter = {}) const;
  // Imports preferences by video names in one transaction (all or nothing); unknown videos are
  // added (with the pair's prompt), annotators are people.
  PreferenceImportResult importPreferences(const QVector<NamedPreference>& preferences, const QString& source,
                                           const QString& format);
  // Best-of-N: one pick per (annotator, prompt); 2..9 candidates of that prompt, best among
  // them, worst (optional) among them and not the best. One transaction, history by triggers.
  BestOfNPickChange recordBestOfNPick(const BestOfNPick& pick);
  void revertBestOfNPick(const BestOfNPickChange& change);
  std::optional<BestOfNPick> findBestOfNPick(qint64 annotatorId, qint64 promptId) const;
  QVector<BestOfNPick> bestOfNPicks(std::optional<qint64> annotatorId = std::nullopt) const;
  QVector<PreferenceHistoryEntry> bestOfNPickHistory(qint64 pickId) const;

  // --- queries ------------------------------------------------------------------------------
  // Videos in id order with their prompt and every evaluation (what the work queue shows).
  QVector<QueueItem> listItems(const ItemFilter& filter = {}) const;
  ProjectStats stats() const;

  // --- query templates (written by users; the built-in presets are not stored) -------------
  // Inserts or replaces the template `name` (store_templates.cpp); text is kept as given.
  void saveQueryTemplate(const QString& name, const QString& text);
  std::optional<QString> findQueryTemplate(const QString& name) const;
  QVector<QueryTemplateRecord> queryTemplates() const;  // by name
  bool removeQueryTemplate(const QString& name);        // false when there was none

  // --- bulk exchange (interop) --------------------------------------------------------------
  // Imports all items in one transaction (all or nothing). Re-importing a video_name for the
  // same annotator updates that evaluation.
  ImportResult importItems(const std::vector<FeedbackItem>& items, const ImportOptions& options);
  // Streaming form: `next` returns the next item (valid until the following call) or nullptr
  // at the end; an exception thrown by `next` rolls the whole import back.
  ImportResult importItems(const std::function<const FeedbackItem*()>& next, const ImportOptions& options);
  // Streams matching evaluations, one FeedbackItem per (video, annotator), in video id order.
  void exportItems(const ExportFilter& filter, const std::function<void(const FeedbackItem&)>& sink) const;

  // --- working together (store_team.cpp) ---------------------------------------------------
  // How many people should judge each video (project setting "judgements_per_video", >= 1;
  // 1 when never set).
  int judgementsPerVideo() const;
  void setJudgementsPerVideo(int k);
  // The preference mode's options (store_types.h). Setting writes the fields that are set, in
  // one transaction; the others keep their stored value.
  PreferenceOptions preferenceOptions() const;
  void setPreferenceOptions(const PreferenceOptions& options);
  // Leases the next video to `annotator` (a person, created when new) until now + leaseSeconds:
  // their own live lease on a video they have not judged yet is renewed and returned first;
  // otherwise the first video, in id order, that they have not judged and that fewer than k
  // people have judged or hold a live lease on. On PostgreSQL candidates are locked with
  // FOR UPDATE SKIP LOCKED and counted again once locked, so two people never get one video
  // beyond k, and leasing never waits for another person's lease. nullopt: nothing left.
  std::optional<Lease> leaseNext(const QString& annotator, int leaseSeconds = 900);
  // Gives a lease back before it expires; false when there was none.
  bool releaseLease(const QString& annotator, qint64 videoId);
  // Extends `annotator`'s live lease on `videoId` to now + leaseSeconds; false when they hold none
  // there (it expired, or was released), and then nothing is taken.
  bool renewLease(const QString& annotator, qint64 videoId, int leaseSeconds = 900);
  QVector<Lease> liveLeases() const;  // by video id

  // Shared records carry a version. Every save names the version it was based on (0: the record
  // is new) and is refused with VersionConflict when someone saved another one since.
  VersionedText rubric() const;                                   // version 0, empty text: never saved
  qint64 saveRubric(const QString& json, qint64 basedOnVersion);  // returns the new version
  VersionedText videoFlags(qint64 videoId) const;
  qint64 saveVideoFlags(qint64 videoId, const QString& flags, qint64 basedOnVersion);
  // Query templates: version 0 when there is none by that name.
  qint64 queryTemplateVersion(const QString& name) const;
  qint64 saveQueryTemplate(const QString& name, const QString& text, qint64 basedOnVersion);

  // --- whole projects (store_copy.cpp) -------------------------------------------------------
  // Copies the project `source` to `destination` (a new .vsproj file, or an empty database),
  // every row with its id, history included, in one transaction: whole or not at all (a file is
  // written aside and renamed when complete; a database is emptied again on failure).
  static CopyResult copy(const QString& source, const QString& destination);
  // Removes every table and function of a project from a database (what init made).
  static void dropProject(const QString& uri);

  struct Impl;  // opaque (store_impl.h)

 private:
  std::unique_ptr<Impl> d_;
};

}  // namespace vs::store
