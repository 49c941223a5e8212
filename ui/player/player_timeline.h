#pragma once
// The one timeline under the grid: master time, the in/out loop range, and the frames the model
// saw in every clip (one tick row per clip). Click or drag to seek.
#include <QColor>
#include <QVector>
#include <QWidget>

namespace vs::ui {

struct TimelineMarks {
  QColor color;
  QVector<double> times_s;  // master times of the model-seen frames
};

class PlayerTimeline : public QWidget {
  Q_OBJECT
 public:
  explicit PlayerTimeline(QWidget* parent = nullptr);

  void setDuration(double seconds);
  void setPosition(double seconds);
  void setInOut(double in_s, double out_s, bool active);  // active: the loop uses the range
  void setMarks(const QVector<TimelineMarks>& marks);
  void setStatusText(const QString& text);  // speed / loop / sync summary drawn at the right
  double duration() const { return duration_s_; }

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 signals:
  void seekRequested(double seconds);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;

 private:
  QRect trackRect() const;
  double timeAt(int x) const;
  int xAt(double seconds) const;

  double duration_s_ = 0.0;
  double position_s_ = 0.0;
  double in_s_ = 0.0;
  double out_s_ = 0.0;
  bool in_out_active_ = false;
  QVector<TimelineMarks> marks_;
  QString status_;
};

}  // namespace vs::ui
