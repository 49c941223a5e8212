#pragma once
// Every user command is a QAction registered here under a stable id ("score.visual.4").
// Shortcuts start from the defaults given at registration; the person's remapping is kept in
// QSettings under "shortcuts/<id>". Two actions with one key sequence are a conflict: the
// settings dialog refuses to save them, and loading keeps the default of the later one.
#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QSettings;

namespace vs::ui {

struct ShortcutConflict {
  QString firstId;
  QString secondId;
  QKeySequence sequence;
};

class ActionRegistry : public QObject {
  Q_OBJECT
 public:
  explicit ActionRegistry(QObject* parent = nullptr);

  // Registers `action` under `id` in a category shown by the cheat sheet ("Scoring").
  // The action keeps its parent; the registry only tracks it.
  void add(const QString& id, const QString& category, QAction* action,
           const QKeySequence& defaultShortcut = {});

  QAction* action(const QString& id) const;
  QStringList ids() const { return order_; }
  QString category(const QString& id) const;
  QKeySequence defaultShortcut(const QString& id) const;
  QKeySequence shortcut(const QString& id) const;

  // Conflicts in a proposed map id -> sequence (empty sequences never conflict).
  static QList<ShortcutConflict> conflicts(const QHash<QString, QKeySequence>& map);
  QHash<QString, QKeySequence> currentMap() const;

  // Applies a full map; refuses (returns the conflicts, changes nothing) when it has any.
  QList<ShortcutConflict> apply(const QHash<QString, QKeySequence>& map);

  // Reads overrides from settings; an override that would conflict is ignored.
  void load(QSettings& settings);
  // Writes only the sequences that differ from the defaults.
  void save(QSettings& settings) const;

 signals:
  void shortcutsChanged();

 private:
  struct Entry {
    QAction* action = nullptr;
    QString category;
    QKeySequence defaultShortcut;
  };
  QHash<QString, Entry> entries_;
  QStringList order_;
};

}  // namespace vs::ui
