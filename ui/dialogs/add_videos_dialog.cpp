#include "ui/dialogs/add_videos_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/domain/error.h"
#include "core/library/media_extensions.h"

namespace vs::ui {

namespace {

QString promptSourceText(const QString& source) {
  if (source == QLatin1String("--prompt")) {
    return AddVideosDialog::tr("one prompt for all");
  }
  if (source == QLatin1String("mapping")) {
    return AddVideosDialog::tr("mapping file");
  }
  return source;  // the sidecar file's name
}

}  // namespace

AddVideosDialog::AddVideosDialog(const QStringList& paths, QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("addVideosDialog"));
  setWindowTitle(tr("Add videos"));
  auto* layout = new QVBoxLayout(this);

  auto* pathsRow = new QHBoxLayout;
  pathList_ = new QListWidget(this);
  pathList_->setObjectName(QStringLiteral("intakePaths"));
  pathList_->setAccessibleName(tr("Files and folders to add"));
  pathList_->setMaximumHeight(90);
  pathsRow->addWidget(pathList_, 1);
  auto* pathButtons = new QVBoxLayout;
  auto* addFiles = new QPushButton(tr("Add &files…"), this);
  auto* addFolder = new QPushButton(tr("Add f&older…"), this);
  auto* remove = new QPushButton(tr("&Remove"), this);
  pathButtons->addWidget(addFiles);
  pathButtons->addWidget(addFolder);
  pathButtons->addWidget(remove);
  pathButtons->addStretch();
  pathsRow->addLayout(pathButtons);
  layout->addLayout(pathsRow);
  connect(addFiles, &QPushButton::clicked, this, [this] {
    const QString filter =
        tr("Videos (%1);;All files (*)")
            .arg(QStringLiteral("*.") + library::videoExtensions().join(QStringLiteral(" *.")));
    addPaths(QFileDialog::getOpenFileNames(this, tr("Add video files"), QString(), filter));
  });
  connect(addFolder, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add a folder of videos"));
    if (!dir.isEmpty()) {
      addPaths({dir});
    }
  });
  connect(remove, &QPushButton::clicked, this, [this] {
    const int row = pathList_->currentRow();
    if (row >= 0) {
      paths_.removeAt(row);
      updateWidgets();
      replan();
    }
  });

  auto* form = new QFormLayout;
  recursive_ = new QCheckBox(tr("Include sub-folders"), this);
  recursive_->setObjectName(QStringLiteral("intakeRecursive"));
  form->addRow(QString(), recursive_);

  auto* promptBox = new QVBoxLayout;
  promptSidecar_ = new QRadioButton(tr("From a text file beside each clip (clip.txt or prompt.txt)"), this);
  promptSidecar_->setChecked(true);
  promptBox->addWidget(promptSidecar_);
  auto* oneRow = new QHBoxLayout;
  promptOne_ = new QRadioButton(tr("One prompt for all:"), this);
  promptText_ = new QLineEdit(this);
  promptText_->setObjectName(QStringLiteral("intakePrompt"));
  promptText_->setAccessibleName(tr("Prompt for every clip"));
  oneRow->addWidget(promptOne_);
  oneRow->addWidget(promptText_, 1);
  promptBox->addLayout(oneRow);
  auto* fileRow = new QHBoxLayout;
  promptFile_ = new QRadioButton(tr("From a mapping file:"), this);
  promptsPath_ = new QLineEdit(this);
  promptsPath_->setObjectName(QStringLiteral("intakePromptsFile"));
  promptsPath_->setAccessibleName(tr("Prompt mapping file"));
  promptsPath_->setPlaceholderText(tr("JSON, CSV or VideoFeedback2 file: video_name → prompt"));
  auto* browse = new QPushButton(tr("&Browse…"), this);
  fileRow->addWidget(promptFile_);
  fileRow->addWidget(promptsPath_, 1);
  fileRow->addWidget(browse);
  promptBox->addLayout(fileRow);
  allowNoPrompt_ = new QCheckBox(tr("Add clips no prompt was found for"), this);
  promptBox->addWidget(allowNoPrompt_);
  form->addRow(tr("Prompt:"), promptBox);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Prompt mapping file"), QString(),
                                     tr("Mapping files (*.json *.jsonl *.csv);;All files (*)"));
    if (!path.isEmpty()) {
      setPromptsFile(path);
    }
  });

  auto* genRow = new QHBoxLayout;
  generator_ = new QComboBox(this);
  generator_->setObjectName(QStringLiteral("intakeGenerator"));
  generator_->setAccessibleName(tr("Generator"));
  generator_->addItem(tr("None"), int(GeneratorChoice::None));
  generator_->addItem(tr("Parent folder's name (generator/clip.mp4)"), int(GeneratorChoice::Folder));
  generator_->addItem(tr("File name (prompt/generator.mp4)"), int(GeneratorChoice::FileName));
  generator_->addItem(tr("The same for all:"), int(GeneratorChoice::Fixed));
  generatorName_ = new QLineEdit(this);
  generatorName_->setAccessibleName(tr("Generator name"));
  genRow->addWidget(generator_);
  genRow->addWidget(generatorName_, 1);
  auto* genLabel = new QLabel(tr("&Generator:"), this);
  genLabel->setBuddy(generator_);  // a row of widgets gets no buddy of its own
  form->addRow(genLabel, genRow);
  batch_ = new QLineEdit(this);
  batch_->setAccessibleName(tr("Batch"));
  batch_->setPlaceholderText(tr("optional"));
  form->addRow(tr("&Batch:"), batch_);
  layout->addLayout(form);

  layout->addWidget(new QLabel(tr("Preview — nothing is written until you add them:"), this));
  preview_ = new QTreeWidget(this);
  preview_->setObjectName(QStringLiteral("intakePreview"));
  preview_->setAccessibleName(tr("Videos that would be added"));
  preview_->setRootIsDecorated(false);
  preview_->setUniformRowHeights(true);
  preview_->setHeaderLabels({tr("Video name"), tr("Prompt"), tr("Prompt from"), tr("Generator"), tr("File")});
  preview_->header()->setSectionResizeMode(PromptColumn, QHeaderView::Stretch);
  preview_->header()->setStretchLastSection(false);
  layout->addWidget(preview_, 1);
  problems_ = new QListWidget(this);
  problems_->setObjectName(QStringLiteral("intakeProblems"));
  problems_->setAccessibleName(tr("Problems"));
  problems_->setMaximumHeight(110);
  problems_->setStyleSheet(QStringLiteral("QListWidget { color: #c62828; }"));
  layout->addWidget(problems_);
  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("intakeSummary"));
  layout->addWidget(summary_);

  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons_);

  for (QCheckBox* c : {recursive_, allowNoPrompt_}) {
    connect(c, &QCheckBox::toggled, this, &AddVideosDialog::replan);
  }
  for (QRadioButton* r : {promptSidecar_, promptOne_, promptFile_}) {
    connect(r, &QRadioButton::toggled, this, [this](bool on) {
      if (on) {
        replan();
      }
    });
  }
  connect(promptText_, &QLineEdit::textEdited, this, [this] {
    promptOne_->setChecked(true);
    replan();
  });
  connect(promptsPath_, &QLineEdit::editingFinished, this, [this] { setPromptsFile(promptsPath_->text()); });
  connect(generator_, &QComboBox::currentIndexChanged, this, &AddVideosDialog::replan);
  connect(generatorName_, &QLineEdit::textEdited, this, [this] {
    generator_->setCurrentIndex(generator_->findData(int(GeneratorChoice::Fixed)));
    replan();
  });
  connect(batch_, &QLineEdit::textEdited, this, &AddVideosDialog::replan);

  // The usual layout of generated video is one folder per generator, below the folder given.
  const bool folders =
      std::any_of(paths.begin(), paths.end(), [](const QString& p) { return QFileInfo(p).isDir(); });
  {
    const QSignalBlocker b1(recursive_), b2(generator_);
    recursive_->setChecked(folders);
    generator_->setCurrentIndex(
        generator_->findData(int(folders ? GeneratorChoice::Folder : GeneratorChoice::None)));
  }
  resize(980, 640);
  addPaths(paths);
}

void AddVideosDialog::addPaths(const QStringList& paths) {
  for (const QString& p : paths) {
    const QString absolute = QFileInfo(p).absoluteFilePath();
    if (!p.isEmpty() && !paths_.contains(absolute)) {
      paths_ << absolute;
    }
  }
  updateWidgets();
  replan();
}

void AddVideosDialog::setRecursive(bool on) {
  recursive_->setChecked(on);
}

void AddVideosDialog::setOnePrompt(const QString& prompt) {
  promptText_->setText(prompt);
  (prompt.isEmpty() ? promptSidecar_ : promptOne_)->setChecked(true);
  replan();
}

void AddVideosDialog::setPromptsFile(const QString& path) {
  promptsPath_->setText(path);
  prompts_.reset();
  promptsError_.clear();
  if (!path.isEmpty()) {
    try {
      prompts_ = library::PromptMap::read(path);
    } catch (const Error& e) {
      promptsError_ = e.full();
    }
  }
  (path.isEmpty() ? promptSidecar_ : promptFile_)->setChecked(true);
  replan();
}

void AddVideosDialog::setGeneratorChoice(GeneratorChoice choice, const QString& fixedName) {
  generatorName_->setText(fixedName);
  generator_->setCurrentIndex(generator_->findData(int(choice)));
  replan();
}

void AddVideosDialog::setBatch(const QString& batch) {
  batch_->setText(batch);
  replan();
}

void AddVideosDialog::setAllowNoPrompt(bool on) {
  allowNoPrompt_->setChecked(on);
}

void AddVideosDialog::updateWidgets() {
  pathList_->clear();
  pathList_->addItems(paths_);
}

void AddVideosDialog::replan() {
  library::IntakeOptions options;
  options.recursive = recursive_->isChecked();
  if (promptOne_->isChecked() && !promptText_->text().trimmed().isEmpty()) {
    options.prompt = promptText_->text().trimmed();
  }
  if (promptFile_->isChecked() && prompts_) {
    options.prompts = &*prompts_;
  }
  const auto choice = static_cast<GeneratorChoice>(generator_->currentData().toInt());
  switch (choice) {
    case GeneratorChoice::None:
      break;
    case GeneratorChoice::Folder:
      options.generatorFrom = library::GeneratorFrom::Folder;
      break;
    case GeneratorChoice::FileName:
      options.generatorFrom = library::GeneratorFrom::FileName;
      break;
    case GeneratorChoice::Fixed:
      options.generator = generatorName_->text().trimmed();
      break;
  }
  options.batch = batch_->text().trimmed();
  options.allowNoPrompt = allowNoPrompt_->isChecked();
  plan_ = paths_.isEmpty() ? library::IntakePlan() : library::planIntake(paths_, options);
  if (promptFile_->isChecked() && !promptsError_.isEmpty()) {
    plan_.problems.prepend({promptsPath_->text(), promptsError_});
  } else if (promptFile_->isChecked() && !prompts_) {
    plan_.problems.prepend({QString(), tr("choose the prompt mapping file")});
  }

  preview_->clear();
  QList<QTreeWidgetItem*> rows;
  rows.reserve(plan_.entries.size());
  for (const library::IntakeEntry& e : plan_.entries) {
    auto* row = new QTreeWidgetItem(QStringList{e.name, e.prompt, promptSourceText(e.promptSource),
                                                e.generator, QDir::toNativeSeparators(e.file)});
    row->setToolTip(PromptColumn, e.prompt);
    row->setToolTip(FileColumn, QDir::toNativeSeparators(e.file));
    rows << row;
  }
  preview_->addTopLevelItems(rows);
  for (int c : {NameColumn, PromptSourceColumn, GeneratorColumn}) {
    preview_->resizeColumnToContents(c);
  }
  problems_->clear();
  for (const library::IntakeProblem& p : plan_.problems) {
    problems_->addItem(p.file.isEmpty()
                           ? p.reason
                           : QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(p.file), p.reason));
  }
  problems_->setVisible(!plan_.problems.isEmpty());
  const qsizetype n = plan_.entries.size();
  summary_->setText(plan_.problems.isEmpty()
                        ? tr("%n video(s) to add.", nullptr, int(n))
                        : tr("%n video(s) found; fix the problems above to add them.", nullptr, int(n)));
  QPushButton* ok = buttons_->button(QDialogButtonBox::Ok);
  ok->setText(tr("&Add %n video(s)", nullptr, int(n)));
  ok->setEnabled(n > 0 && plan_.problems.isEmpty());
}

}  // namespace vs::ui
