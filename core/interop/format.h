#pragma once
// The exchange formats `vscore import/export` speak (reference videoscore2.md §3-5).
#include <QByteArray>
#include <QString>
#include <optional>

namespace vs::interop {

enum class Format {
  Vf2Json,      // VideoFeedback2: JSON array of items
  Vf2Jsonl,     // VideoFeedback2: one JSON object per line
  Csv,          // RFC 4180, UTF-8, header row with the VideoFeedback2 keys
  Predictions,  // VideoScore2 evaluation output: v/t/p_score_gt, *_score_model, output
  Sft,          // ShareGPT conversations for fine-tuning (export only)
  LabelStudio,  // Label Studio tasks with rating / textarea / choices results
};

QString formatName(Format f);  // "vf2-json", "vf2-jsonl", "csv", "predictions", "sft", "labelstudio"
std::optional<Format> formatFromName(const QString& name);
bool canImport(Format f);
// Guesses the format from the first bytes and the file name (".jsonl", ".csv", ...). Returns
// nullopt when nothing fits (empty file, binary junk).
std::optional<Format> detectFormat(const QString& fileName, const QByteArray& head);

}  // namespace vs::interop
