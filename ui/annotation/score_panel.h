#pragma once
// The right-hand panel: the rubric and the person's three 1–5 scores with rationales, the
// model's scores, soft scores and reasoning (score lines highlighted), accept-model, overall
// reasoning, flags with a note, time spent. A view only: it shows ScorePanelData and reports
// edits as signals; AnnotationSession turns them into undo commands.
#include <QWidget>
#include <array>
#include <optional>

#include "core/domain/evaluation.h"
#include "ui/annotation/item_flags.h"
#include "ui/annotation/model_view.h"
#include "ui/annotation/rubric.h"

class QLabel;
class QPlainTextEdit;
class QTextBrowser;
class QPushButton;
class QCheckBox;
class QLineEdit;
class QTimer;
class QGroupBox;

namespace vs::ui {

class ScoreControl;

struct ScorePanelData {
  qint64 videoId = 0;  // 0: no item
  QString prompt;
  QString videoName;
  QString generator;
  std::optional<Evaluation> mine;
  std::optional<ModelView> model;
  ItemFlags flags;
  qint64 timeSpentMs = 0;
};

enum class BlindSetting { Off, On };

class ScorePanel : public QWidget {
  Q_OBJECT
 public:
  explicit ScorePanel(QWidget* parent = nullptr);

  // Shows an item. Text fields the person is typing in keep their text when it is the same item.
  void showItem(const ScorePanelData& data);
  qint64 videoId() const { return data_.videoId; }
  void setRubric(const Rubric& rubric);
  void setBlind(BlindSetting blind);
  BlindSetting blind() const { return blind_; }
  // True when the model output (and generator) is visible now.
  bool modelRevealed() const;
  void setReadOnly(bool readOnly);

  Dimension currentDimension() const { return current_; }
  void setCurrentDimension(Dimension d);
  void focusCurrentDimension();
  void focusRationale(Dimension d);
  void focusThinking();
  void focusNote();
  ScoreControl* scoreControl(Dimension d) const { return controls_[static_cast<size_t>(index(d))]; }
  QPlainTextEdit* rationaleEditor(Dimension d) const { return rationale_[static_cast<size_t>(index(d))]; }
  QPlainTextEdit* thinkingEditor() const { return thinking_; }
  QTextBrowser* modelReasoning() const { return reasoning_; }
  QLineEdit* noteEditor() const { return note_; }

  // Writes any text still waiting for the typing pause (before switching items or closing).
  void flushPendingText();

  // The person's key: sets the current dimension and moves on to the next.
  void chooseForCurrent(std::optional<int> score);

 signals:
  void scoreChosen(qint64 videoId, Dimension dim, std::optional<int> score);
  void acceptModelRequested(qint64 videoId);
  void textEdited(qint64 videoId, EvaluationField field, const QString& text);
  void flagsEdited(qint64 videoId, const ItemFlags& flags);
  void currentDimensionChanged(Dimension d);
  void revealChanged(bool revealed);

 private:
  void refreshModel();
  void scheduleText(EvaluationField field);
  ItemFlags flagsFromWidgets() const;

  ScorePanelData data_;
  Rubric rubric_ = Rubric::defaults();
  BlindSetting blind_ = BlindSetting::Off;
  Dimension current_ = Dimension::Visual;
  bool lastRevealed_ = true;

  QLabel* prompt_ = nullptr;
  QLabel* itemLine_ = nullptr;
  QLabel* originLine_ = nullptr;
  std::array<QGroupBox*, 3> groups_{};
  std::array<QLabel*, 3> definitions_{};
  std::array<ScoreControl*, 3> controls_{};
  std::array<QPlainTextEdit*, 3> rationale_{};
  QPushButton* accept_ = nullptr;
  QPlainTextEdit* thinking_ = nullptr;
  QLabel* modelHeader_ = nullptr;
  QTextBrowser* reasoning_ = nullptr;
  QLabel* blindNotice_ = nullptr;
  QCheckBox* skip_ = nullptr;
  QCheckBox* broken_ = nullptr;
  QCheckBox* review_ = nullptr;
  QLineEdit* note_ = nullptr;
  QTimer* textTimer_ = nullptr;
  QList<EvaluationField> pendingText_;
};

}  // namespace vs::ui
