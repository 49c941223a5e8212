#pragma once
#include <QString>

namespace vs {

// A text-to-video prompt; several videos (candidates from different generators) share one.
struct Prompt {
  qint64 id = 0;
  QString text;
};

}  // namespace vs
