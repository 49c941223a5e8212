#pragma once
// Flags a person puts on an item: skip it, the video is broken, it needs a second look.
// Kept on the person's evaluation as the extra keys "flags" (JSON array of names) and
// "flag_note", so they travel with exports.
#include <QString>
#include <QStringList>

#include "core/domain/extra_fields.h"

namespace vs::ui {

enum class ItemFlag { Skip = 1, BrokenVideo = 2, NeedsReview = 4 };

struct ItemFlags {
  int bits = 0;
  QString note;

  bool has(ItemFlag f) const { return bits & static_cast<int>(f); }
  void set(ItemFlag f, bool on) { bits = on ? (bits | static_cast<int>(f)) : (bits & ~static_cast<int>(f)); }
  bool any() const { return bits != 0; }
  friend bool operator==(const ItemFlags& a, const ItemFlags& b) {
    return a.bits == b.bits && a.note == b.note;
  }
  friend bool operator!=(const ItemFlags& a, const ItemFlags& b) { return !(a == b); }

  static ItemFlags fromExtra(const ExtraFields& extra);
  // The extra keys toExtra() writes or removes ("flags", "flag_note").
  static QList<QByteArray> extraKeys();
  // Returns `extra` with the flag keys replaced (removed when no flag and no note).
  ExtraFields toExtra(ExtraFields extra) const;
};

QString itemFlagName(ItemFlag f);  // "skip", "broken-video", "needs-review"

}  // namespace vs::ui
