#pragma once
// Edits the project's rubric: per dimension a definition and one line per score 1..5. Saved
// next to the project file ("<project>.rubric.json").
#include <QDialog>
#include <array>

#include "ui/annotation/rubric.h"

class QPlainTextEdit;

namespace vs::ui {

class RubricDialog : public QDialog {
  Q_OBJECT
 public:
  RubricDialog(const Rubric& rubric, QWidget* parent = nullptr);
  Rubric rubric() const;

 private:
  std::array<QPlainTextEdit*, 3> definitions_{};
  std::array<QPlainTextEdit*, 3> anchors_{};
};

}  // namespace vs::ui
