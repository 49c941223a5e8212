#include "ui/annotation/score_control.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QStyleOptionFocusRect>
#include <QToolButton>
#include <QVBoxLayout>

namespace vs::ui {

ScoreControl::ScoreControl(const QString& title, QWidget* parent) : QWidget(parent) {
  setFocusPolicy(Qt::StrongFocus);
  setAccessibleName(tr("%1 score").arg(title));
  setAccessibleDescription(tr("Press 1 to 5 to score, Delete to clear."));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 4, 6, 4);
  layout->setSpacing(4);
  for (int i = 0; i < 5; ++i) {
    auto* b = new QToolButton(this);
    b->setText(QString::number(i + 1));
    b->setCheckable(true);
    b->setFocusPolicy(Qt::NoFocus);  // the control holds focus; digits drive it
    b->setMinimumSize(32, 28);
    b->setAccessibleName(tr("%1: %2").arg(title).arg(i + 1));
    connect(b, &QToolButton::clicked, this, [this, i] {
      setFocus(Qt::MouseFocusReason);
      const std::optional<int> v = value_ == i + 1 ? std::nullopt : std::optional<int>(i + 1);
      emit valueChosen(v);
    });
    buttons_[static_cast<size_t>(i)] = b;
    layout->addWidget(b);
  }
  modelLabel_ = new QLabel(this);
  modelLabel_->setObjectName(QStringLiteral("modelValue"));
  layout->addSpacing(8);
  layout->addWidget(modelLabel_);
  layout->addStretch(1);
  refresh();
}

void ScoreControl::setValue(std::optional<int> value) {
  value_ = value;
  refresh();
}

void ScoreControl::setModelValue(std::optional<int> hard, std::optional<double> soft) {
  modelHard_ = hard;
  if (!hard) {
    modelLabel_->clear();
  } else if (soft && *soft != *hard) {
    modelLabel_->setText(tr("model %1 (%2)").arg(*hard).arg(*soft, 0, 'f', 2));
  } else {
    modelLabel_->setText(tr("model %1").arg(*hard));
  }
  refresh();
}

void ScoreControl::setCurrent(bool current) {
  current_ = current;
  update();
}

void ScoreControl::setDescriptions(const std::array<QString, 5>& anchors) {
  for (size_t i = 0; i < 5; ++i) {
    buttons_[i]->setToolTip(anchors[i]);
  }
}

void ScoreControl::refresh() {
  for (int i = 0; i < 5; ++i) {
    QToolButton* b = buttons_[static_cast<size_t>(i)];
    b->setChecked(value_ == i + 1);
    // The model's choice is underlined so it stays visible next to the person's.
    QFont f = b->font();
    f.setUnderline(modelHard_ == i + 1);
    f.setBold(value_ == i + 1);
    b->setFont(f);
  }
}

void ScoreControl::keyPressEvent(QKeyEvent* event) {
  const int k = event->key();
  if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier)) {
    QWidget::keyPressEvent(event);
    return;
  }
  if (k >= Qt::Key_1 && k <= Qt::Key_5) {
    emit valueChosen(k - Qt::Key_0);
  } else if (k == Qt::Key_0 || k == Qt::Key_Delete || k == Qt::Key_Backspace) {
    emit valueChosen(std::nullopt);
  } else if (k == Qt::Key_Left || k == Qt::Key_Right) {
    const int step = k == Qt::Key_Left ? -1 : 1;
    emit valueChosen(std::clamp(value_.value_or(k == Qt::Key_Left ? 6 : 0) + step, 1, 5));
  } else {
    QWidget::keyPressEvent(event);
    return;
  }
  event->accept();
}

void ScoreControl::focusInEvent(QFocusEvent* event) {
  QWidget::focusInEvent(event);
  emit focused();
  update();
}

void ScoreControl::focusOutEvent(QFocusEvent* event) {
  QWidget::focusOutEvent(event);
  update();
}

void ScoreControl::paintEvent(QPaintEvent*) {
  QPainter p(this);
  if (current_ || hasFocus()) {
    // A thick highlight frame: the keyboard focus must be visible in every theme.
    QPen pen(palette().color(QPalette::Highlight), hasFocus() ? 3 : 1);
    p.setPen(pen);
    p.drawRoundedRect(rect().adjusted(1, 1, -2, -2), 4, 4);
  }
}

}  // namespace vs::ui
