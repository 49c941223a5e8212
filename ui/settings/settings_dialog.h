#pragma once
// Preferences: the shortcut map (remap any action; conflicts are shown and block saving) and the
// scoring setup (model folder, device, prompt template, constrained decoding; the local worker or
// a list of servers), kept in QSettings (per user, never in the project).
#include <QDialog>
#include <QHash>
#include <QKeySequence>

#include "ui/scoring/scoring_servers.h"

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

class ServerListEditor;

// Where scoring jobs run: the local vscore-worker (the model folder) or OpenAI-compatible servers.
enum class ScoringEngine { Local, Servers };

struct ScoringSettings {
  QString modelDir;
  QString device = QStringLiteral("cpu");  // cpu, cuda
  // A preset name, a template saved in the project, or a file (ui/job_settings.h); empty: the
  // release template.
  QString templateName;
  bool constrained = true;  // constrain the score lines to digits 1..5
  ScoringEngine engine = ScoringEngine::Local;
  QList<ScoringServer>
      servers;  // for ScoringEngine::Servers; the model folder then only supplies the tokenizer
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
  QComboBox* engineChoice() const { return engine_; }
  ServerListEditor* serverList() const { return servers_; }
  QString scoringProblem() const;  // what keeps the scoring settings from being saved

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
  QComboBox* engine_ = nullptr;
  ServerListEditor* servers_ = nullptr;
  QLabel* serverProblem_ = nullptr;
};

}  // namespace vs::ui
