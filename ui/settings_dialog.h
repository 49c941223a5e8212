#pragma once
// Preferences: the shortcut map (remap any action; conflicts are shown and block saving) and the
// scoring setup (model folder, device, prompt template, constrained decoding), kept in QSettings.
#include <QDialog>
#include <QHash>
#include <QKeySequence>

class QTableWidget;
class QLabel;
class QLineEdit;
class QComboBox;
class QCheckBox;
class QDialogButtonBox;

namespace vs::store {
class Store;
}

namespace vs::ui {

class ActionRegistry;

struct ScoringSettings {
  QString modelDir;
  QString device = QStringLiteral("cpu");  // cpu, cuda
  // A preset name, a template saved in the project, or a file (ui/job_settings.h); empty: the
  // release template.
  QString templateName;
  bool constrained = true;                  // constrain the score lines to digits 1..5
  static ScoringSettings load();
  void save() const;
};

class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  // `project`: offers its saved prompt templates by name (may be null).
  SettingsDialog(ActionRegistry& registry, const store::Store* project = nullptr, QWidget* parent = nullptr);

  // The map as edited so far (id -> sequence).
  QHash<QString, QKeySequence> editedMap() const { return edited_; }
  // Sets one action's sequence as if typed in the table (tests drive the dialog through this).
  void setSequence(const QString& id, const QKeySequence& seq);
  QString conflictText() const;
  bool canSave() const;
  QComboBox* templateChoice() const { return template_; }

  void accept() override;

 private:
  void refreshConflicts();
  ActionRegistry& registry_;
  QHash<QString, QKeySequence> edited_;
  QTableWidget* table_ = nullptr;
  QLabel* conflicts_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
  QLineEdit* modelDir_ = nullptr;
  QComboBox* device_ = nullptr;
  QComboBox* template_ = nullptr;
  QCheckBox* constrained_ = nullptr;
};

}  // namespace vs::ui
