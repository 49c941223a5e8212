#include "ui/project/team_watch.h"

#include <QTimer>

#include "core/store/change_watcher.h"
#include "core/store/store.h"

namespace vs::ui {

TeamWatch::TeamWatch(QObject* parent) : QObject(parent), refresh_(new QTimer(this)) {
  refresh_->setSingleShot(true);
  refresh_->setInterval(300);
  connect(refresh_, &QTimer::timeout, this, &TeamWatch::refreshNeeded);
}

TeamWatch::~TeamWatch() = default;

void TeamWatch::follow(const store::Store& store) {
  watcher_ = store::ChangeWatcher::create(store.path(), store.sessionId());
  if (!watcher_) {
    return;
  }
  connect(watcher_.get(), &store::ChangeWatcher::changed, refresh_, qOverload<>(&QTimer::start));
  connect(watcher_.get(), &store::ChangeWatcher::online, this, [this](bool online) {
    if (online) {
      emit message(tr("Connected to the team project again; showing everyone's latest work."), 8000);
      refresh_->start();
    } else {
      emit message(tr("Offline: the team project's server cannot be reached (retrying)."), 0);
    }
  });
}

void TeamWatch::stop() {
  watcher_.reset();
  refresh_->stop();
}

}  // namespace vs::ui
