#include "ui/annotation/item_flags.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <algorithm>

namespace vs::ui {

namespace {
const QByteArray kFlagsKey = "flags";
const QByteArray kNoteKey = "flag_note";
constexpr ItemFlag kAll[] = {ItemFlag::Skip, ItemFlag::BrokenVideo, ItemFlag::NeedsReview};
}  // namespace

QString itemFlagName(ItemFlag f) {
  switch (f) {
    case ItemFlag::Skip:
      return QStringLiteral("skip");
    case ItemFlag::BrokenVideo:
      return QStringLiteral("broken-video");
    case ItemFlag::NeedsReview:
      return QStringLiteral("needs-review");
  }
  return {};
}

QList<QByteArray> ItemFlags::extraKeys() {
  return {kFlagsKey, kNoteKey};
}

ItemFlags ItemFlags::fromExtra(const ExtraFields& extra) {
  ItemFlags out;
  for (const ExtraField& field : extra) {
    if (field.key == kFlagsKey) {
      const QJsonArray names = QJsonDocument::fromJson("[" + field.jsonValue + "]").array().at(0).toArray();
      for (const QJsonValue& v : names) {
        for (ItemFlag f : kAll) {
          if (v.toString() == itemFlagName(f)) {
            out.set(f, true);
          }
        }
      }
    } else if (field.key == kNoteKey) {
      out.note = QJsonDocument::fromJson("[" + field.jsonValue + "]").array().at(0).toString();
    }
  }
  return out;
}

ExtraFields ItemFlags::toExtra(ExtraFields extra) const {
  extra.erase(std::remove_if(extra.begin(), extra.end(),
                             [](const ExtraField& f) { return f.key == kFlagsKey || f.key == kNoteKey; }),
              extra.end());
  if (bits != 0) {
    QJsonArray names;
    for (ItemFlag f : kAll) {
      if (has(f)) {
        names.append(itemFlagName(f));
      }
    }
    extra.push_back({kFlagsKey, QJsonDocument(names).toJson(QJsonDocument::Compact)});
  }
  if (!note.isEmpty()) {
    QJsonArray wrap{note};
    QByteArray text = QJsonDocument(wrap).toJson(QJsonDocument::Compact);
    extra.push_back({kNoteKey, text.mid(1, text.size() - 2)});
  }
  return extra;
}

}  // namespace vs::ui
