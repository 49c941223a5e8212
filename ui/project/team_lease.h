#pragma once
// Hands the GUI's "next unscored" out through the project's leases on a team project: the video
// one annotator holds is renewed while they stay on it and given back when they leave it, so
// two people never get the same video beyond the project's k judgements.
#include <QObject>
#include <QString>
#include <QTimer>

namespace vs::store {
class Store;
}

namespace vs::ui {

class TeamLease : public QObject {
  Q_OBJECT

 public:
  // `store` outlives this object. `leaseSeconds` >= 1; the lease is renewed at half of it.
  TeamLease(store::Store& store, const QString& annotator, int leaseSeconds, QObject* parent = nullptr);
  ~TeamLease() override;  // gives the held lease back

  // The annotator's lease (their live one renewed, or a new one): the video id to show, 0 when
  // nothing is left for them. Throws vs::Error when the store cannot be reached.
  qint64 next();
  // The person moved to `videoId`: a lease held on another video is given back.
  void shown(qint64 videoId);
  qint64 held() const { return held_; }
  int leaseSeconds() const { return leaseSeconds_; }

 signals:
  void message(const QString& text);  // renewal failed, lease lost

 private:
  void renew();
  void release();

  store::Store& store_;
  QString annotator_;
  int leaseSeconds_;
  qint64 held_ = 0;
  QTimer renewal_;
};

}  // namespace vs::ui
