#include "ui/annotation/score_panel.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include "ui/annotation/dimension_names.h"
#include "ui/annotation/score_control.h"

namespace vs::ui {

namespace {

constexpr int kTypingPauseMs = 400;  // text is committed after this pause, on focus loss, on switch

QString dimTitle(Dimension d) {
  return dimensionDisplayName(d);
}

QString originText(Origin o) {
  switch (o) {
    case Origin::Human:
      return ScorePanel::tr("your own scores");
    case Origin::Model:
      return ScorePanel::tr("model");
    case Origin::ModelAccepted:
      return ScorePanel::tr("model scores accepted");
    case Origin::ModelEdited:
      return ScorePanel::tr("model scores edited");
  }
  return {};
}

QString formatDuration(qint64 ms) {
  const qint64 s = ms / 1000;
  return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// Commits when focus leaves the editor (the typing pause may not have come yet).
class FlushOnFocusOut : public QObject {
 public:
  FlushOnFocusOut(ScorePanel* panel, QObject* parent) : QObject(parent), panel_(panel) {}
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::FocusOut) {
      panel_->flushPendingText();
    }
    return QObject::eventFilter(watched, event);
  }

 private:
  ScorePanel* panel_;
};

}  // namespace

ScorePanel::ScorePanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("scorePanel"));
  setAccessibleName(tr("Score panel"));
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setFocusPolicy(Qt::NoFocus);
  auto* body = new QWidget(scroll);
  auto* layout = new QVBoxLayout(body);
  layout->setContentsMargins(8, 8, 8, 8);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(scroll);
  scroll->setWidget(body);

  textTimer_ = new QTimer(this);
  textTimer_->setSingleShot(true);
  textTimer_->setInterval(kTypingPauseMs);
  connect(textTimer_, &QTimer::timeout, this, &ScorePanel::flushPendingText);
  auto* flusher = new FlushOnFocusOut(this, this);

  prompt_ = new QLabel(body);
  prompt_->setObjectName(QStringLiteral("promptText"));
  prompt_->setWordWrap(true);
  prompt_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  QFont pf = prompt_->font();
  pf.setPointSizeF(pf.pointSizeF() * 1.1);
  pf.setBold(true);
  prompt_->setFont(pf);
  layout->addWidget(prompt_);
  itemLine_ = new QLabel(body);
  itemLine_->setObjectName(QStringLiteral("itemLine"));
  layout->addWidget(itemLine_);
  originLine_ = new QLabel(body);
  originLine_->setObjectName(QStringLiteral("originLine"));
  layout->addWidget(originLine_);

  for (Dimension d : kDimensions) {
    const size_t i = static_cast<size_t>(index(d));
    auto* group = new QGroupBox(dimTitle(d), body);
    group->setObjectName(QStringLiteral("dim_") + dimensionKey(d));
    auto* g = new QVBoxLayout(group);
    g->setSpacing(3);
    definitions_[i] = new QLabel(group);
    definitions_[i]->setWordWrap(true);
    definitions_[i]->setForegroundRole(QPalette::PlaceholderText);  // secondary text, every theme
    g->addWidget(definitions_[i]);
    controls_[i] = new ScoreControl(dimTitle(d), group);
    controls_[i]->setObjectName(QStringLiteral("score_") + dimensionKey(d));
    connect(controls_[i], &ScoreControl::valueChosen, this, [this, d](std::optional<int> v) {
      setCurrentDimension(d);
      if (data_.videoId != 0) {
        emit scoreChosen(data_.videoId, d, v);
      }
    });
    connect(controls_[i], &ScoreControl::focused, this, [this, d] { setCurrentDimension(d); });
    g->addWidget(controls_[i]);
    rationale_[i] = new QPlainTextEdit(group);
    rationale_[i]->setObjectName(QStringLiteral("rationale_") + dimensionKey(d));
    rationale_[i]->setPlaceholderText(tr("Why this score? (optional)"));
    rationale_[i]->setAccessibleName(tr("%1 rationale").arg(dimTitle(d)));
    rationale_[i]->setTabChangesFocus(true);
    rationale_[i]->setFixedHeight(rationale_[i]->fontMetrics().lineSpacing() * 2 + 14);
    rationale_[i]->installEventFilter(flusher);
    connect(rationale_[i], &QPlainTextEdit::textChanged, this,
            [this, d] { scheduleText(rationaleField(d)); });
    g->addWidget(rationale_[i]);
    groups_[i] = group;
    layout->addWidget(group);
  }
  // Tab order: the three score controls first, then their rationales.
  setTabOrder(controls_[0], controls_[1]);
  setTabOrder(controls_[1], controls_[2]);

  accept_ = new QPushButton(tr("Accept model scores"), body);
  accept_->setObjectName(QStringLiteral("acceptModel"));
  accept_->setAccessibleName(tr("Accept model scores"));
  connect(accept_, &QPushButton::clicked, this, [this] {
    if (data_.videoId != 0) {
      emit acceptModelRequested(data_.videoId);
    }
  });
  layout->addWidget(accept_);

  modelHeader_ = new QLabel(body);
  modelHeader_->setObjectName(QStringLiteral("modelHeader"));
  modelHeader_->setWordWrap(true);
  layout->addWidget(modelHeader_);
  blindNotice_ = new QLabel(tr("Blind mode: the model's output and the generator are hidden "
                               "until you have scored all three dimensions."),
                            body);
  blindNotice_->setObjectName(QStringLiteral("blindNotice"));
  blindNotice_->setWordWrap(true);
  layout->addWidget(blindNotice_);
  reasoning_ = new QTextBrowser(body);
  reasoning_->setObjectName(QStringLiteral("modelReasoning"));
  reasoning_->setAccessibleName(tr("Model reasoning"));
  reasoning_->setMinimumHeight(140);
  reasoning_->setFocusPolicy(Qt::ClickFocus);
  layout->addWidget(reasoning_, 1);

  auto* thinkingLabel = new QLabel(tr("Overall reasoning"), body);
  layout->addWidget(thinkingLabel);
  thinking_ = new QPlainTextEdit(body);
  thinking_->setObjectName(QStringLiteral("thinking"));
  thinking_->setAccessibleName(tr("Overall reasoning"));
  thinking_->setTabChangesFocus(true);
  thinking_->setFixedHeight(thinking_->fontMetrics().lineSpacing() * 4 + 12);
  thinking_->installEventFilter(flusher);
  connect(thinking_, &QPlainTextEdit::textChanged, this, [this] { scheduleText(EvaluationField::Thinking); });
  thinkingLabel->setBuddy(thinking_);
  layout->addWidget(thinking_);

  auto* flags = new QGroupBox(tr("Flags"), body);
  auto* fl = new QVBoxLayout(flags);
  auto* row = new QHBoxLayout;
  skip_ = new QCheckBox(tr("Skip"), flags);
  broken_ = new QCheckBox(tr("Broken video"), flags);
  review_ = new QCheckBox(tr("Needs review"), flags);
  for (QCheckBox* c : {skip_, broken_, review_}) {
    c->setFocusPolicy(Qt::TabFocus);
    row->addWidget(c);
    connect(c, &QCheckBox::toggled, this, [this] {
      if (data_.videoId != 0) {
        emit flagsEdited(data_.videoId, flagsFromWidgets());
      }
    });
  }
  fl->addLayout(row);
  note_ = new QLineEdit(flags);
  note_->setObjectName(QStringLiteral("flagNote"));
  note_->setPlaceholderText(tr("Note for the flag"));
  note_->setAccessibleName(tr("Flag note"));
  connect(note_, &QLineEdit::editingFinished, this, [this] {
    if (data_.videoId != 0 && note_->text() != data_.flags.note) {
      emit flagsEdited(data_.videoId, flagsFromWidgets());
    }
  });
  fl->addWidget(note_);
  layout->addWidget(flags);

  setRubric(rubric_);
  setCurrentDimension(Dimension::Visual);
  showItem({});
}

void ScorePanel::setRubric(const Rubric& rubric) {
  rubric_ = rubric;
  for (Dimension d : kDimensions) {
    const size_t i = static_cast<size_t>(index(d));
    definitions_[i]->setText(rubric[d].definition);
    controls_[i]->setDescriptions(rubric[d].anchors);
  }
}

void ScorePanel::setBlind(BlindSetting blind) {
  blind_ = blind;
  refreshModel();
}

bool ScorePanel::modelRevealed() const {
  if (blind_ == BlindSetting::Off) {
    return true;
  }
  return data_.mine && data_.mine->scores.complete();
}

void ScorePanel::setReadOnly(bool readOnly) {
  for (QWidget* w : std::initializer_list<QWidget*>{controls_[0], controls_[1], controls_[2], accept_, skip_,
                                                    broken_, review_}) {
    w->setEnabled(!readOnly);
  }
  for (QPlainTextEdit* e : rationale_) {
    e->setReadOnly(readOnly);
  }
  thinking_->setReadOnly(readOnly);
  note_->setReadOnly(readOnly);
}

void ScorePanel::showItem(const ScorePanelData& data) {
  const bool sameItem = data.videoId == data_.videoId;
  if (!sameItem) {
    flushPendingText();
    current_ = Dimension::Visual;
  }
  data_ = data;
  const bool has = data.videoId != 0;
  prompt_->setText(has ? data.prompt : tr("No item selected."));
  for (Dimension d : kDimensions) {
    const size_t i = static_cast<size_t>(index(d));
    const std::optional<double> v = data.mine ? data.mine->scores[d] : std::nullopt;
    controls_[i]->setValue(v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt);
    controls_[i]->setCurrent(d == current_);
    const QString text = data.mine ? data.mine->rationale[i] : QString();
    // Keep what the person is typing: only replace text that differs (undo, another item).
    if (rationale_[i]->toPlainText() != text && !(sameItem && pendingText_.contains(rationaleField(d)))) {
      const QSignalBlocker block(rationale_[i]);
      rationale_[i]->setPlainText(text);
    }
    groups_[i]->setEnabled(has);
  }
  const QString thinking = data.mine ? data.mine->thinking : QString();
  if (thinking_->toPlainText() != thinking &&
      !(sameItem && pendingText_.contains(EvaluationField::Thinking))) {
    const QSignalBlocker block(thinking_);
    thinking_->setPlainText(thinking);
  }
  {
    const QSignalBlocker b1(skip_), b2(broken_), b3(review_);
    skip_->setChecked(data.flags.has(ItemFlag::Skip));
    broken_->setChecked(data.flags.has(ItemFlag::BrokenVideo));
    review_->setChecked(data.flags.has(ItemFlag::NeedsReview));
  }
  if (!note_->hasFocus() || !sameItem) {
    note_->setText(data.flags.note);
  }
  if (has && data.mine) {
    originLine_->setText(tr("Origin: %1 · time on item %2")
                             .arg(originText(data.mine->origin), formatDuration(data.timeSpentMs)));
  } else {
    originLine_->setText(has ? tr("Not scored yet · time on item %1").arg(formatDuration(data.timeSpentMs))
                             : QString());
  }
  refreshModel();
}

void ScorePanel::refreshModel() {
  const bool revealed = modelRevealed();
  const bool has = data_.videoId != 0;
  QString line = data_.videoName;
  if (revealed && !data_.generator.isEmpty()) {
    line += QStringLiteral(" · ") + tr("generator %1").arg(data_.generator);
  }
  itemLine_->setText(has ? line : QString());
  const bool hasModel = data_.model.has_value();
  for (Dimension d : kDimensions) {
    ScoreControl* c = controls_[static_cast<size_t>(index(d))];
    if (revealed && hasModel) {
      const std::optional<double> hard = data_.model->hard[d];
      c->setModelValue(hard ? std::optional<int>(static_cast<int>(*hard)) : std::nullopt,
                       data_.model->soft[d]);
    } else {
      c->setModelValue(std::nullopt, std::nullopt);
    }
  }
  blindNotice_->setVisible(has && !revealed);
  accept_->setVisible(revealed);
  accept_->setEnabled(revealed && hasModel && data_.model->hard.complete());
  reasoning_->setVisible(revealed);
  if (!has) {
    modelHeader_->clear();
    reasoning_->clear();
  } else if (!revealed) {
    modelHeader_->setText(tr("Model result hidden."));
    reasoning_->clear();
  } else if (!hasModel) {
    modelHeader_->setText(tr("No model result yet."));
    reasoning_->clear();
  } else {
    QStringList parts;
    for (Dimension d : kDimensions) {
      const std::optional<double> s = data_.model->soft[d];
      parts << (s ? QString::number(*s, 'f', 2) : QStringLiteral("–"));
    }
    QString header = tr("Model %1 · soft scores %2")
                         .arg(data_.model->modelId.isEmpty() ? tr("(unnamed)") : data_.model->modelId,
                              parts.join(QStringLiteral(" / ")));
    if (data_.model->demo) {
      // People read the demo's noise as the model's reasoning unless it says what it is.
      header =
          QStringLiteral("<b>%1</b><br>%2").arg(demoModelNotice().toHtmlEscaped(), header.toHtmlEscaped());
    }
    modelHeader_->setText(header);
    const QString color = palette().color(QPalette::Base).lightness() < 128 ? QStringLiteral("#7a5d00")
                                                                            : QStringLiteral("#fff59d");
    reasoning_->setHtml(reasoningHtml(data_.model->reasoning, color));
  }
  if (revealed != lastRevealed_) {
    lastRevealed_ = revealed;
    emit revealChanged(revealed);
  }
}

void ScorePanel::setCurrentDimension(Dimension d) {
  current_ = d;
  for (Dimension x : kDimensions) {
    controls_[static_cast<size_t>(index(x))]->setCurrent(x == d);
  }
  emit currentDimensionChanged(d);
}

void ScorePanel::focusCurrentDimension() {
  controls_[static_cast<size_t>(index(current_))]->setFocus(Qt::ShortcutFocusReason);
}

void ScorePanel::focusRationale(Dimension d) {
  rationale_[static_cast<size_t>(index(d))]->setFocus(Qt::ShortcutFocusReason);
}

void ScorePanel::focusThinking() {
  thinking_->setFocus(Qt::ShortcutFocusReason);
}

void ScorePanel::focusNote() {
  note_->setFocus(Qt::ShortcutFocusReason);
}

void ScorePanel::chooseForCurrent(std::optional<int> score) {
  if (data_.videoId == 0) {
    return;
  }
  const Dimension d = current_;
  emit scoreChosen(data_.videoId, d, score);
  if (score && d != Dimension::Phy) {
    const Dimension next = static_cast<Dimension>(index(d) + 1);
    setCurrentDimension(next);
    if (controls_[static_cast<size_t>(index(d))]->hasFocus()) {
      focusCurrentDimension();
    }
  }
}

void ScorePanel::scheduleText(EvaluationField field) {
  if (!pendingText_.contains(field)) {
    pendingText_.append(field);
  }
  textTimer_->start();
}

void ScorePanel::flushPendingText() {
  textTimer_->stop();
  const QList<EvaluationField> fields = std::exchange(pendingText_, {});
  if (data_.videoId == 0) {
    return;
  }
  for (EvaluationField f : fields) {
    QString text;
    switch (f) {
      case EvaluationField::VisualRationale:
        text = rationale_[0]->toPlainText();
        break;
      case EvaluationField::T2VRationale:
        text = rationale_[1]->toPlainText();
        break;
      case EvaluationField::PhyRationale:
        text = rationale_[2]->toPlainText();
        break;
      case EvaluationField::Thinking:
        text = thinking_->toPlainText();
        break;
      default:
        continue;
    }
    emit textEdited(data_.videoId, f, text);
  }
}

ItemFlags ScorePanel::flagsFromWidgets() const {
  ItemFlags f;
  f.set(ItemFlag::Skip, skip_->isChecked());
  f.set(ItemFlag::BrokenVideo, broken_->isChecked());
  f.set(ItemFlag::NeedsReview, review_->isChecked());
  f.note = note_->text();
  return f;
}

}  // namespace vs::ui
