#pragma once
// --screenshot: waits until the player shows its first frames and no scoring job is still
// queued or running (finished model results are then drawn), saves the whole window as PNG
// (the player paints with QPainter, so the video is in the grab) and quits.
#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QString>

class QTimer;

namespace vs::ui {

class MainWindow;

class ScreenshotWhenReady : public QObject {
  Q_OBJECT
 public:
  ScreenshotWhenReady(MainWindow& window, QString file, int timeoutMs, QObject* parent = nullptr);

 private:
  void poll();
  bool ready() const;
  MainWindow& window_;
  QString file_;
  int timeoutMs_;
  QTimer* timer_ = nullptr;
  QElapsedTimer clock_;
  qint64 readySinceMs_ = -1;
  QSet<int> brokenClips_;  // clips that cannot show a frame (missing or unreadable file)
};

}  // namespace vs::ui
