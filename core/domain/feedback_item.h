#pragma once
// One item as the exchange formats carry it (VideoFeedback2 row, prediction row, Label Studio
// task, CSV row). Text is UTF-8 so bulk import/export never converts to UTF-16.
#include <QByteArray>
#include <array>

#include "core/domain/annotator.h"
#include "core/domain/extra_fields.h"
#include "core/domain/scores.h"

namespace vs {

// How a prediction row's model scores were obtained (reference videoscore2.md §4).
enum class ModelScoreState {
  None,                // the item carries no model side
  Given,               // *_score_model keys present (null values stay absent scores)
  ReparsedFromOutput,  // keys missing; parsed from the last 150 characters of `output`
  Unparsed,            // keys missing and `output` has no score lines (the scripts use 0s)
};

struct FeedbackItem {
  QByteArray videoName;  // id without extension; the video file is <video_name>.mp4
  QByteArray videoUrl;
  QByteArray prompt;
  Scores scores;                          // the person's (or reference, "gt") scores
  std::array<QByteArray, 3> rationale{};  // per-dimension comment, indexed by Dimension
  QByteArray thinking;                    // overall reasoning trace

  // Model side, only for prediction files and model exports.
  ModelScoreState modelState = ModelScoreState::None;
  Scores modelScores;
  QByteArray modelOutput;  // full generated text

  // Who gave `scores`, when the file says so per item (a Label Studio annotation's completed_by,
  // a prediction's model_version). Empty: the importer's ImportOptions::annotator. Filled by
  // Store::exportItems so a writer can group one video's evaluations.
  QByteArray annotator;
  AnnotatorKind annotatorKind = AnnotatorKind::Human;

  ExtraFields extra;
  int sourceLine = 0;  // 1-based line in the source file where the item starts; 0 when unknown
};

}  // namespace vs
