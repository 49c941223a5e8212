#include "ui/window/action_registry.h"

#include <QAction>
#include <QSettings>

namespace vs::ui {

namespace {
const QString kGroup = QStringLiteral("shortcuts");
}

ActionRegistry::ActionRegistry(QObject* parent) : QObject(parent) {}

void ActionRegistry::add(const QString& id, const QString& category, QAction* action,
                         const QKeySequence& defaultShortcut) {
  if (!entries_.contains(id)) {
    order_ << id;
  }
  action->setObjectName(id);
  action->setShortcut(defaultShortcut);
  entries_.insert(id, Entry{action, category, defaultShortcut});
}

QAction* ActionRegistry::action(const QString& id) const {
  auto it = entries_.constFind(id);
  return it == entries_.constEnd() ? nullptr : it->action;
}

QString ActionRegistry::category(const QString& id) const {
  return entries_.value(id).category;
}

QKeySequence ActionRegistry::defaultShortcut(const QString& id) const {
  return entries_.value(id).defaultShortcut;
}

QKeySequence ActionRegistry::shortcut(const QString& id) const {
  QAction* a = action(id);
  return a ? a->shortcut() : QKeySequence();
}

QList<ShortcutConflict> ActionRegistry::conflicts(const QHash<QString, QKeySequence>& map) {
  QList<ShortcutConflict> out;
  QHash<QKeySequence, QString> seen;
  QStringList keys = map.keys();
  keys.sort();  // deterministic reports
  for (const QString& id : keys) {
    const QKeySequence seq = map.value(id);
    if (seq.isEmpty()) {
      continue;
    }
    auto it = seen.constFind(seq);
    if (it != seen.constEnd()) {
      out << ShortcutConflict{*it, id, seq};
    } else {
      seen.insert(seq, id);
    }
  }
  return out;
}

QHash<QString, QKeySequence> ActionRegistry::currentMap() const {
  QHash<QString, QKeySequence> map;
  for (auto it = entries_.constBegin(); it != entries_.constEnd(); ++it) {
    map.insert(it.key(), it->action->shortcut());
  }
  return map;
}

QList<ShortcutConflict> ActionRegistry::apply(const QHash<QString, QKeySequence>& map) {
  QHash<QString, QKeySequence> merged = currentMap();
  for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
    if (merged.contains(it.key())) {
      merged.insert(it.key(), it.value());
    }
  }
  const QList<ShortcutConflict> found = conflicts(merged);
  if (!found.isEmpty()) {
    return found;
  }
  for (auto it = merged.constBegin(); it != merged.constEnd(); ++it) {
    entries_[it.key()].action->setShortcut(it.value());
  }
  emit shortcutsChanged();
  return {};
}

void ActionRegistry::load(QSettings& settings) {
  settings.beginGroup(kGroup);
  for (const QString& id : std::as_const(order_)) {
    if (!settings.contains(id)) {
      continue;
    }
    const QKeySequence seq(settings.value(id).toString(), QKeySequence::PortableText);
    QHash<QString, QKeySequence> proposal = currentMap();
    proposal.insert(id, seq);
    if (conflicts(proposal).isEmpty()) {
      entries_[id].action->setShortcut(seq);
    }
  }
  settings.endGroup();
  emit shortcutsChanged();
}

void ActionRegistry::save(QSettings& settings) const {
  settings.beginGroup(kGroup);
  settings.remove(QString());
  for (const QString& id : order_) {
    const Entry& e = entries_[id];
    if (e.action->shortcut() != e.defaultShortcut) {
      settings.setValue(id, e.action->shortcut().toString(QKeySequence::PortableText));
    }
  }
  settings.endGroup();
}

}  // namespace vs::ui
