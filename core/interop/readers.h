#pragma once
// Internal: one parser per input format; all throw vs::Error(InvalidData) with a location.
#include <QByteArray>
#include <QString>
#include <vector>

#include "core/domain/feedback_item.h"

namespace vs::interop {

enum class JsonSchema { Feedback, Predictions };

std::vector<FeedbackItem> parseJsonArray(const QByteArray& bytes, JsonSchema schema, const QString& file);
std::vector<FeedbackItem> parseJsonLines(const QByteArray& bytes, const QString& file);
std::vector<FeedbackItem> parseCsv(const QByteArray& bytes, const QString& file);
std::vector<FeedbackItem> parseLabelStudio(const QByteArray& bytes, const QString& file);

}  // namespace vs::interop
