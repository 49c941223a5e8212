#pragma once
// One dimension's 1–5 score: five buttons and a marker for the model's value. The control
// itself takes focus (Tab moves between the three); while focused, digits 1–5 choose,
// Left/Right step, Delete/Backspace/0 clear. The focus frame is drawn so it is always visible.
#include <QWidget>
#include <array>
#include <optional>

class QToolButton;
class QLabel;

namespace vs::ui {

class ScoreControl : public QWidget {
  Q_OBJECT
 public:
  ScoreControl(const QString& title, QWidget* parent = nullptr);

  void setValue(std::optional<int> value);  // shows it; emits nothing
  std::optional<int> value() const { return value_; }
  void setModelValue(std::optional<int> hard, std::optional<double> soft);  // nullopt hides
  void setCurrent(bool current);                                            // the dimension digit keys act on
  bool isCurrent() const { return current_; }
  void setDescriptions(const std::array<QString, 5>& anchors);  // tooltips per score

 signals:
  void valueChosen(std::optional<int> value);  // by key or click
  void focused();

 protected:
  void keyPressEvent(QKeyEvent* event) override;
  void focusInEvent(QFocusEvent* event) override;
  void focusOutEvent(QFocusEvent* event) override;
  void paintEvent(QPaintEvent* event) override;

 private:
  void refresh();
  std::array<QToolButton*, 5> buttons_{};
  QLabel* modelLabel_ = nullptr;
  std::optional<int> value_;
  std::optional<int> modelHard_;
  bool current_ = false;
};

}  // namespace vs::ui
