#include "ui/settings/settings_dialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/window/action_registry.h"
#include "ui/scoring/job_settings.h"
#include "ui/settings/server_list_editor.h"

namespace vs::ui {

ScoringSettings ScoringSettings::load() {
  QSettings s;
  ScoringSettings out;
  out.modelDir = s.value(QStringLiteral("scoring/modelDir")).toString();
  out.device = s.value(QStringLiteral("scoring/device"), out.device).toString();
  out.templateName = s.value(QStringLiteral("scoring/template")).toString();
  out.constrained = s.value(QStringLiteral("scoring/constrained"), out.constrained).toBool();
  out.engine = s.value(QStringLiteral("scoring/engine")).toString() == QLatin1String("servers")
                   ? ScoringEngine::Servers
                   : ScoringEngine::Local;
  out.servers = loadScoringServers(s);
  return out;
}

void ScoringSettings::save() const {
  QSettings s;
  s.setValue(QStringLiteral("scoring/modelDir"), modelDir);
  s.setValue(QStringLiteral("scoring/device"), device);
  s.setValue(QStringLiteral("scoring/template"), templateName);
  s.setValue(QStringLiteral("scoring/constrained"), constrained);
  s.setValue(QStringLiteral("scoring/engine"),
             engine == ScoringEngine::Servers ? QStringLiteral("servers") : QStringLiteral("local"));
  saveScoringServers(s, servers);
}

SettingsDialog::SettingsDialog(ActionRegistry& registry, const store::Store* project, QWidget* parent)
    : QDialog(parent), registry_(registry), edited_(registry.currentMap()) {
  setWindowTitle(tr("Settings"));
  setObjectName(QStringLiteral("settingsDialog"));
  auto* tabs = new QTabWidget(this);

  // --- shortcuts ---
  auto* keys = new QWidget(tabs);
  auto* keysLayout = new QVBoxLayout(keys);
  table_ = new QTableWidget(registry.ids().size(), 3, keys);
  table_->setAccessibleName(tr("Shortcut map"));
  table_->setHorizontalHeaderLabels({tr("Action"), tr("Category"), tr("Shortcut")});
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->verticalHeader()->hide();
  int row = 0;
  for (const QString& id : registry.ids()) {
    auto* name = new QTableWidgetItem(registry.action(id)->text().remove(QLatin1Char('&')));
    name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    name->setData(Qt::UserRole, id);
    auto* cat = new QTableWidgetItem(registry.category(id));
    cat->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    table_->setItem(row, 0, name);
    table_->setItem(row, 1, cat);
    auto* edit = new QKeySequenceEdit(edited_.value(id), table_);
    edit->setObjectName(id);
    edit->setAccessibleName(tr("Shortcut for %1").arg(name->text()));
    connect(edit, &QKeySequenceEdit::editingFinished, this, [this, edit, id] {
      // One chord per action: keep the first key of what was typed.
      const QKeySequence typed = edit->keySequence();
      edited_.insert(id, typed.isEmpty() ? QKeySequence() : QKeySequence(typed[0]));
      refreshConflicts();
    });
    table_->setCellWidget(row, 2, edit);
    ++row;
  }
  keysLayout->addWidget(table_);
  conflicts_ = new QLabel(keys);
  conflicts_->setObjectName(QStringLiteral("conflicts"));
  conflicts_->setWordWrap(true);
  keysLayout->addWidget(conflicts_);
  auto* defaults = new QPushButton(tr("Restore defaults"), keys);
  connect(defaults, &QPushButton::clicked, this, [this] {
    for (const QString& id : registry_.ids()) {
      setSequence(id, registry_.defaultShortcut(id));
    }
  });
  keysLayout->addWidget(defaults, 0, Qt::AlignLeft);
  tabs->addTab(keys, tr("Shortcuts"));

  // --- scoring ---
  const ScoringSettings scoring = ScoringSettings::load();
  auto* score = new QWidget(tabs);
  auto* form = new QFormLayout(score);
  auto* dirRow = new QHBoxLayout;
  modelDir_ = new QLineEdit(scoring.modelDir, score);
  modelDir_->setAccessibleName(tr("Model folder"));
  auto* browse = new QPushButton(tr("Browse…"), score);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Model folder"), modelDir_->text());
    if (!dir.isEmpty()) {
      modelDir_->setText(dir);
    }
  });
  dirRow->addWidget(modelDir_);
  dirRow->addWidget(browse);
  form->addRow(tr("Model folder:"), dirRow);
  device_ = new QComboBox(score);
  device_->setAccessibleName(tr("Device"));
  device_->addItem(tr("CPU"), QStringLiteral("cpu"));
  device_->addItem(tr("GPU (CUDA)"), QStringLiteral("cuda"));
  device_->setCurrentIndex(qMax(0, device_->findData(scoring.device)));
  form->addRow(tr("Device:"), device_);
  // Editable: a template file's path may be typed as well.
  template_ = new QComboBox(score);
  template_->setEditable(true);
  template_->setAccessibleName(tr("Prompt template"));
  template_->setToolTip(
      tr("A shipped preset (videoscore2: the release template, the default; videoscore2-eval: "
         "the evaluation script's), a template saved in the project, or a template file"));
  template_->addItems(templateChoices(project));
  template_->setCurrentText(scoring.templateName.isEmpty() ? template_->itemText(0) : scoring.templateName);
  form->addRow(tr("Prompt template:"), template_);
  constrained_ = new QCheckBox(tr("Constrain score lines to the digits 1–5"), score);
  constrained_->setChecked(scoring.constrained);
  form->addRow(QString(), constrained_);
  engine_ = new QComboBox(score);
  engine_->setObjectName(QStringLiteral("scoringEngine"));
  engine_->setAccessibleName(tr("Where scoring runs"));
  engine_->addItem(tr("This computer (local worker)"), QStringLiteral("local"));
  engine_->addItem(tr("Servers (vLLM or vscore serve)"), QStringLiteral("servers"));
  engine_->setCurrentIndex(scoring.engine == ScoringEngine::Servers ? 1 : 0);
  form->addRow(tr("&Run scoring on:"), engine_);
  servers_ = new ServerListEditor(score);
  servers_->setServers(scoring.servers);
  form->addRow(servers_);
  serverProblem_ = new QLabel(score);
  serverProblem_->setObjectName(QStringLiteral("serverProblem"));
  serverProblem_->setWordWrap(true);
  serverProblem_->setStyleSheet(QStringLiteral("color: #c62828;"));
  form->addRow(serverProblem_);
  auto* keyNote =
      new QLabel(tr("With servers, the model folder is optional: its tokenizer lets each reply's prompt "
                    "length be checked. API keys are read from the environment variables named here and "
                    "never stored."),
                 score);
  keyNote->setWordWrap(true);
  form->addRow(keyNote);
  const auto refreshEngine = [this] {
    servers_->setEnabled(engine_->currentData().toString() == QLatin1String("servers"));
    serverProblem_->clear();
  };
  connect(engine_, &QComboBox::currentIndexChanged, this, refreshEngine);
  connect(servers_, &ServerListEditor::changed, this, [this] { serverProblem_->clear(); });
  refreshEngine();
  tabs->addTab(score, tr("Scoring"));

  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons_, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(tabs);
  layout->addWidget(buttons_);
  resize(640, 560);
  refreshConflicts();
}

void SettingsDialog::setSequence(const QString& id, const QKeySequence& seq) {
  edited_.insert(id, seq);
  if (auto* edit = table_->findChild<QKeySequenceEdit*>(id)) {
    const QSignalBlocker block(edit);
    edit->setKeySequence(seq);
  }
  refreshConflicts();
}

QString SettingsDialog::conflictText() const {
  return conflicts_->text();
}

bool SettingsDialog::canSave() const {
  return ActionRegistry::conflicts(edited_).isEmpty();
}

void SettingsDialog::refreshConflicts() {
  const QList<ShortcutConflict> found = ActionRegistry::conflicts(edited_);
  QStringList lines;
  QSet<QString> bad;
  for (const ShortcutConflict& c : found) {
    lines << tr("%1 is used by both “%2” and “%3”.")
                 .arg(c.sequence.toString(QKeySequence::NativeText),
                      registry_.action(c.firstId)->text().remove(QLatin1Char('&')),
                      registry_.action(c.secondId)->text().remove(QLatin1Char('&')));
    bad << c.firstId << c.secondId;
  }
  conflicts_->setText(lines.join(QLatin1Char('\n')));
  conflicts_->setStyleSheet(found.isEmpty() ? QString() : QStringLiteral("color: #c62828;"));
  for (int row = 0; row < table_->rowCount(); ++row) {
    const QString id = table_->item(row, 0)->data(Qt::UserRole).toString();
    table_->item(row, 0)->setForeground(bad.contains(id) ? QColor(0xc6, 0x28, 0x28)
                                                         : palette().text().color());
  }
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(found.isEmpty());
}

QString SettingsDialog::scoringProblem() const {
  if (engine_->currentData().toString() != QLatin1String("servers")) {
    return {};
  }
  const QList<ScoringServer> list = servers_->servers();
  if (list.isEmpty()) {
    return tr("Add at least one server, or run scoring on this computer.");
  }
  for (const ScoringServer& s : list) {
    if (const QString problem = scoringServerProblem(s); !problem.isEmpty()) {
      return problem;
    }
  }
  return {};
}

void SettingsDialog::accept() {
  if (const QString problem = scoringProblem(); !problem.isEmpty()) {
    serverProblem_->setText(problem);  // keep the dialog open with what was typed
    return;
  }
  if (!registry_.apply(edited_).isEmpty()) {
    return;  // conflicts: keep the dialog open
  }
  QSettings settings;
  registry_.save(settings);
  ScoringSettings scoring;
  scoring.modelDir = modelDir_->text();
  scoring.device = device_->currentData().toString();
  scoring.templateName = template_->currentText().trimmed();
  scoring.constrained = constrained_->isChecked();
  scoring.engine = engine_->currentData().toString() == QLatin1String("servers") ? ScoringEngine::Servers
                                                                                 : ScoringEngine::Local;
  scoring.servers = servers_->servers();
  scoring.save();
  QDialog::accept();
}

}  // namespace vs::ui
