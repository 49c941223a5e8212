#pragma once
// Reading exchange files into FeedbackItems. The whole file is validated before anything is
// returned, so a caller can import it all or nothing. Errors throw vs::Error with kind
// InvalidData (Io for a missing/unreadable file) and `where` = "<file>:<line>" or
// "<file>: item N (video_name \"x\")"; messages name the field ("phy_score 7 is outside 1..5").
#include <QByteArray>
#include <QString>
#include <functional>
#include <vector>

#include "core/domain/feedback_item.h"
#include "core/interop/format.h"

namespace vs::interop {

// Receives items one by one as they are read (and validated).
using ItemSink = std::function<void(FeedbackItem&&)>;

// Reads `path` (format Vf2Json, Vf2Jsonl, Csv, Predictions or LabelStudio).
std::vector<FeedbackItem> readItems(const QString& path, Format format);
// Same, from bytes already in memory; `displayName` is used in error locations.
std::vector<FeedbackItem> parseItems(const QByteArray& bytes, Format format, const QString& displayName);
// Streaming form: each item goes to `sink` as soon as it is validated, so a consumer can work
// while the rest of the file is read. An error is thrown after the items before it were sent.
// With TextSource::Kept the items' texts may point into `bytes` (no copy): the caller keeps
// `bytes` alive and unchanged for as long as the items are used.
enum class TextSource { Copied, Kept };
void parseItems(const QByteArray& bytes, Format format, const QString& displayName, const ItemSink& sink,
                TextSource source = TextSource::Copied);

// VideoScore2 prediction file (JSON array), reported as the file has it: v/t/p_score_gt into
// `scores`, *_score_model into `modelScores` as given (soft scores below 1 kept; null stays
// absent), `output` into `modelOutput`. An item lacking a *_score_model key gets the scores its
// last 150 output characters show (ReparsedFromOutput) or none (Unparsed), see
// FeedbackItem::modelState; the reference loading rules are in core/interop/prediction_scores.h.
std::vector<FeedbackItem> readPredictions(const QString& path);

// Hard scores from model text: "visual quality: 4 ... text-to-video alignment: 3 ...
// physical/common-sense consistency: 5" (DOTALL, case-insensitive). False when no match.
bool parseScoreLines(const QByteArray& text, Scores* out);

}  // namespace vs::interop
