#include "ui/project/team_lease.h"

#include <QtGlobal>

#include "core/domain/error.h"
#include "core/store/store.h"

namespace vs::ui {

TeamLease::TeamLease(store::Store& store, const QString& annotator, int leaseSeconds, QObject* parent)
    : QObject(parent), store_(store), annotator_(annotator), leaseSeconds_(qMax(1, leaseSeconds)) {
  renewal_.setInterval(qMax(500, leaseSeconds_ * 1000 / 2));
  connect(&renewal_, &QTimer::timeout, this, &TeamLease::renew);
}

TeamLease::~TeamLease() {
  release();
}

qint64 TeamLease::next() {
  const auto lease = store_.leaseNext(annotator_, leaseSeconds_);
  const qint64 id = lease ? lease->videoId : 0;
  if (held_ != 0 && held_ != id) {
    release();
  }
  held_ = id;
  if (held_ != 0) {
    renewal_.start();
  } else {
    renewal_.stop();
  }
  return id;
}

void TeamLease::shown(qint64 videoId) {
  if (held_ != 0 && videoId != held_) {
    release();
  }
}

void TeamLease::renew() {
  if (held_ == 0) {
    renewal_.stop();
    return;
  }
  try {
    if (!store_.renewLease(annotator_, held_, leaseSeconds_)) {
      held_ = 0;
      renewal_.stop();
      emit message(tr("Your lease on this video has expired; another person may be given it."));
    }
  } catch (const Error& e) {
    // The server may be back before the lease runs out: keep trying at the next tick.
    emit message(tr("Lease not renewed: %1").arg(e.full()));
  }
}

void TeamLease::release() {
  renewal_.stop();
  const qint64 video = held_;
  held_ = 0;
  if (video == 0) {
    return;
  }
  try {
    store_.releaseLease(annotator_, video);
  } catch (const Error&) {
    // Unreachable server: the lease simply expires.
  }
}

}  // namespace vs::ui
