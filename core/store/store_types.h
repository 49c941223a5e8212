#pragma once
// Plain value types the Store API takes and returns.
#include <QDateTime>
#include <QString>
#include <QVariant>
#include <QVector>
#include <array>
#include <functional>
#include <optional>

#include "core/domain/annotator.h"
#include "core/domain/evaluation.h"
#include "core/domain/origin.h"
#include "core/domain/preference.h"
#include "core/domain/video.h"

namespace vs::store {

struct HistoryEntry {
  qint64 id = 0;
  qint64 evaluationId = 0;
  QString field;      // evaluationFieldName(), or "created"
  QVariant oldValue;  // null when the field had no value
  QVariant newValue;
  QString origin;       // origin of the evaluation after the change
  QDateTime changedAt;  // UTC
};

// A video to add together with its prompt text (Store::addVideos).
struct VideoRecord {
  Video video;         // promptId is ignored; the prompt comes from promptText
  QString promptText;  // empty: no prompt (an existing video keeps its prompt)
};

// Where a video's file was found and what its probe said (Store::updateVideoFiles).
struct VideoFileUpdate {
  qint64 videoId = 0;
  QString path;         // absolute, or relative to the project file's folder
  QString contentHash;  // media::contentKey() of the file when probed
  QString probeJson;
};

struct QueueItem {
  Video video;
  QString promptText;
  QVector<Evaluation> evaluations;  // every annotator's, annotator id order
};

struct ItemFilter {
  std::optional<qint64> annotatorId;  // only videos this annotator has (not) evaluated
  enum class Evaluated { Any, Yes, No } evaluated = Evaluated::Any;
  QString batch;   // empty: any
  int limit = -1;  // -1: no limit
  int offset = 0;
};

struct ProjectStats {
  qint64 prompts = 0;
  qint64 videos = 0;
  qint64 evaluations = 0;
  qint64 annotators = 0;
  // histogram[dimension][score-1]: evaluations whose score rounds to 1..5; absent scores skipped
  std::array<std::array<qint64, 5>, 3> histogram{};
};

struct ImportOptions {
  QString annotator;  // who gave the item's `scores`
  AnnotatorKind annotatorKind = AnnotatorKind::Human;
  Origin origin = Origin::Human;
  QString modelId;       // for model annotators
  QString settingsJson;  // for model annotators
  // Items with a model side (prediction files): the model's scores go to this model annotator,
  // the `scores` (ground truth) to `annotator` when present.
  QString modelAnnotator;
  QString source;  // file name recorded in the project's import log
  QString format;  // format name recorded in the import log
  // Called now and then with (items done, items total or -1 when streaming); may be empty.
  std::function<void(qint64, qint64)> progress;
};

struct ImportResult {
  qint64 items = 0;
  qint64 evaluationsCreated = 0;
  qint64 evaluationsUpdated = 0;
  qint64 videosCreated = 0;
};

struct QueryTemplateRecord {
  QString name;
  QString text;       // a Python string.Template with $t2v_prompt
  QDateTime updated;  // UTC
};

// A video handed to one person until `expires` (UTC).
struct Lease {
  qint64 videoId = 0;
  QString videoName;
  qint64 annotatorId = 0;
  QDateTime expires;
};

// How the preference mode judges pairs in a project (project settings "preference_schedule":
// binary-insertion | all-pairs, "preference_dimensions": overall | each, "preference_blind":
// 1 | 0). A field is nullopt when the project never set it.
struct PreferenceOptions {
  std::optional<bool> allPairs;
  std::optional<bool> eachDimension;
  std::optional<bool> blind;
};

struct CopyResult {
  qint64 rows = 0;  // every table's
  qint64 videos = 0;
  qint64 evaluations = 0;
};

// A shared record's text and version (0: never saved).
struct VersionedText {
  QString text;
  qint64 version = 0;
};

struct ExportFilter {
  QString annotator;                           // empty: every annotator
  std::optional<AnnotatorKind> annotatorKind;  // only annotators of this kind
  std::optional<Origin> origin;                // only evaluations with this origin
  // When set, each exported item also carries this annotator's evaluation of the same video
  // as its model side (prediction files: `scores` = reference, `modelScores` = model).
  QString modelAnnotator;
};

// What one preference edit did, for undo: `before` is the row as it was (nullopt when the edit
// created it), `after` the row as written. Store::revertPreference(change) puts `before` back;
// recording `after` again redoes it.
struct PreferenceChange {
  std::optional<PreferenceRecord> before;
  PreferenceRecord after;
};

struct BestOfNPickChange {
  std::optional<BestOfNPick> before;
  BestOfNPick after;
};

struct PreferenceFilter {
  std::optional<qint64> annotatorId;
  std::optional<qint64> promptId;
  std::optional<PreferenceDimension> dimension;
};

// One row of preference_history / pick_history (field "created", "deleted", or a column name).
struct PreferenceHistoryEntry {
  qint64 id = 0;
  qint64 rowId = 0;  // preference or pick id
  QString field;
  QVariant oldValue;
  QVariant newValue;
  QDateTime changedAt;  // UTC
};

struct PreferenceImportResult {
  qint64 preferences = 0;
  qint64 created = 0;
  qint64 updated = 0;
  qint64 videosCreated = 0;
};

}  // namespace vs::store
