#pragma once
// File › Add videos…: the files and folders to add, how each clip gets its prompt and
// generator, and a preview of what would be added (library::planIntake) with its problems,
// before anything is written. Accepting hands the plan to the window, which probes and adds it.
#include <QDialog>
#include <optional>

#include "core/library/intake_plan.h"
#include "core/library/prompt_map.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QTreeWidget;

namespace vs::ui {

class AddVideosDialog : public QDialog {
  Q_OBJECT
 public:
  enum PreviewColumn { NameColumn = 0, PromptColumn, PromptSourceColumn, GeneratorColumn, FileColumn };
  // How the generator is chosen; Fixed takes the text typed beside the choice.
  enum class GeneratorChoice { None, Folder, FileName, Fixed };

  explicit AddVideosDialog(const QStringList& paths, QWidget* parent = nullptr);

  QStringList paths() const { return paths_; }
  void addPaths(const QStringList& paths);
  const library::IntakePlan& plan() const { return plan_; }
  QTreeWidget* preview() const { return preview_; }
  QListWidget* problemList() const { return problems_; }

  // The same choices the widgets offer, for scripted use and tests.
  void setRecursive(bool on);
  void setOnePrompt(const QString& prompt);  // empty: back to sidecar files
  void setPromptsFile(const QString& path);  // empty: back to sidecar files
  void setGeneratorChoice(GeneratorChoice choice, const QString& fixedName = {});
  void setBatch(const QString& batch);
  void setAllowNoPrompt(bool on);

 private:
  void replan();
  void updateWidgets();

  QStringList paths_;
  std::optional<library::PromptMap> prompts_;
  QString promptsError_;
  library::IntakePlan plan_;
  QListWidget* pathList_ = nullptr;
  QCheckBox* recursive_ = nullptr;
  QRadioButton* promptSidecar_ = nullptr;
  QRadioButton* promptOne_ = nullptr;
  QRadioButton* promptFile_ = nullptr;
  QLineEdit* promptText_ = nullptr;
  QLineEdit* promptsPath_ = nullptr;
  QCheckBox* allowNoPrompt_ = nullptr;
  QComboBox* generator_ = nullptr;
  QLineEdit* generatorName_ = nullptr;
  QLineEdit* batch_ = nullptr;
  QTreeWidget* preview_ = nullptr;
  QListWidget* problems_ = nullptr;
  QLabel* summary_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
};

}  // namespace vs::ui
