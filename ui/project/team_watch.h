#pragma once
// Follows other people's commits on a team project (PostgreSQL LISTEN/NOTIFY): a burst of their
// edits is gathered into one refresh, and losing or regaining the server is reported. A project
// file has no watcher; following one does nothing.
#include <QObject>
#include <memory>

class QTimer;

namespace vs::store {
class ChangeWatcher;
class Store;
}  // namespace vs::store

namespace vs::ui {

class TeamWatch : public QObject {
  Q_OBJECT
 public:
  explicit TeamWatch(QObject* parent = nullptr);
  ~TeamWatch() override;

  // Follows `store`'s project from now on (replacing what was followed).
  void follow(const store::Store& store);
  // Follows nothing.
  void stop();
  // The connection that listens, while a team project is followed (else null).
  store::ChangeWatcher* watcher() const { return watcher_.get(); }

 signals:
  // Others' work is in the project: the owner saves what is being typed and reloads.
  void refreshNeeded();
  // A line for the status bar; timeoutMs 0 keeps it until the next one.
  void message(const QString& text, int timeoutMs);

 private:
  std::unique_ptr<store::ChangeWatcher> watcher_;
  QTimer* refresh_ = nullptr;
};

}  // namespace vs::ui
