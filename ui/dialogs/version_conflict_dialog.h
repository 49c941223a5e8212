#pragma once
// Shown when a save of a shared record (the rubric, ...) is refused because someone else saved
// another version meanwhile: their version and yours side by side, and the choice. Nothing has
// been written when it shows; "Keep mine" saves yours on top of theirs, "Use theirs" drops
// yours, and Escape goes back to editing yours.
#include <QDialog>

class QPlainTextEdit;

namespace vs::ui {

class VersionConflictDialog : public QDialog {
  Q_OBJECT
 public:
  enum class Choice { UseTheirs, KeepMine, BackToEditing };
  VersionConflictDialog(const QString& what, const QString& theirs, const QString& mine,
                        QWidget* parent = nullptr);
  Choice choose();  // shows the dialog (modal) and returns the person's choice

 private:
  Choice choice_ = Choice::BackToEditing;
};

}  // namespace vs::ui
