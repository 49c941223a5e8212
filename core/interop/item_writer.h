#pragma once
// Writing FeedbackItems in an exchange format, streamed: items go out as they come, through a
// temporary file that replaces the target only on commit() (a crash never leaves half a file).
#include <QString>
#include <memory>

#include "core/domain/feedback_item.h"
#include "core/interop/format.h"

namespace vs::interop {

struct WriterOptions {
  // SFT only: the user-turn text; "$t2v_prompt" is replaced by the item's prompt. Empty: the
  // VideoScore2 instruction (vs2_inference.py), see sft_writer.cpp.
  QString sftInstruction;
  QString sftVideoFolder = QStringLiteral("videos");  // "videos/<video_name>.mp4"
};

class ItemWriter {
 public:
  virtual ~ItemWriter() = default;
  virtual void write(const FeedbackItem& item) = 0;
  // Finishes the document and atomically replaces the target file. Without commit() the
  // target is left as it was.
  virtual void commit() = 0;
};

// Opens a writer for `path`; throws vs::Error(Io) when the folder is not writable.
std::unique_ptr<ItemWriter> openWriter(const QString& path, Format format, const WriterOptions& options = {});

}  // namespace vs::interop
