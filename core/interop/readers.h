#pragma once
// Internal: one parser per input format; all throw vs::Error(InvalidData) with a location.
#include <QByteArray>
#include <QString>
#include <vector>

#include "core/domain/feedback_item.h"
#include "core/json/json_text.h"
#include "core/interop/item_reader.h"

namespace vs::interop {

enum class JsonSchema { Feedback, Predictions };

// Where a parser hands each validated item; counts them for error locations ("item N").
class ItemOutput {
 public:
  ItemOutput(const ItemSink& sink, json::StringStorage storage) : sink_(sink), storage_(storage) {}
  json::StringStorage storage() const { return storage_; }
  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  void push_back(FeedbackItem&& item) {
    ++count_;
    sink_(std::move(item));
  }

 private:
  const ItemSink& sink_;
  json::StringStorage storage_;
  size_t count_ = 0;
};

void parseJsonArray(const QByteArray& bytes, JsonSchema schema, const QString& file, ItemOutput& items);
void parseJsonLines(const QByteArray& bytes, const QString& file, ItemOutput& items);
void parseCsv(const QByteArray& bytes, const QString& file, ItemOutput& items);
void parseLabelStudio(const QByteArray& bytes, const QString& file, ItemOutput& items);

}  // namespace vs::interop
