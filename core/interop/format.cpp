#include "core/interop/format.h"

#include <QFileInfo>

namespace vs::interop {

QString formatName(Format f) {
  switch (f) {
    case Format::Vf2Json:
      return QStringLiteral("vf2-json");
    case Format::Vf2Jsonl:
      return QStringLiteral("vf2-jsonl");
    case Format::Csv:
      return QStringLiteral("csv");
    case Format::Predictions:
      return QStringLiteral("predictions");
    case Format::Sft:
      return QStringLiteral("sft");
    case Format::LabelStudio:
      return QStringLiteral("labelstudio");
  }
  return {};
}

std::optional<Format> formatFromName(const QString& name) {
  for (Format f : {Format::Vf2Json, Format::Vf2Jsonl, Format::Csv, Format::Predictions, Format::Sft,
                   Format::LabelStudio}) {
    if (formatName(f) == name)
      return f;
  }
  return std::nullopt;
}

bool canImport(Format f) {
  return f != Format::Sft;
}

namespace {
// Finds `key` as a JSON object key ("key") in the first bytes.
bool hasKey(const QByteArray& head, const char* key) {
  return head.contains(QByteArray("\"") + key + "\"");
}
}  // namespace

std::optional<Format> detectFormat(const QString& fileName, const QByteArray& head) {
  const QString suffix = QFileInfo(fileName).suffix().toLower();
  int i = 0;
  if (head.startsWith("\xEF\xBB\xBF"))
    i = 3;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t'))
    ++i;
  if (i >= head.size())
    return std::nullopt;
  const char first = head[i];
  if (first == '[') {
    if (hasKey(head, "annotations") || hasKey(head, "data"))
      return Format::LabelStudio;
    if (hasKey(head, "v_score_model") || hasKey(head, "v_score_gt") || hasKey(head, "output")) {
      return Format::Predictions;
    }
    return Format::Vf2Json;
  }
  if (first == '{') {
    // One Label Studio task object (the task API's layout, or a one-task export).
    if (hasKey(head, "annotations") || hasKey(head, "predictions"))
      return Format::LabelStudio;
    if (suffix == QLatin1String("json") && !head.contains('\n'))
      return Format::Vf2Json;
    return Format::Vf2Jsonl;
  }
  if (suffix == QLatin1String("csv"))
    return Format::Csv;
  // A CSV header names the canonical keys; anything else (binary junk) is unknown.
  const QByteArray firstLine = head.mid(i, head.indexOf('\n', i) - i);
  if (firstLine.contains("video_name") && firstLine.contains(','))
    return Format::Csv;
  return std::nullopt;
}

}  // namespace vs::interop
