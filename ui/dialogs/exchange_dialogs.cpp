#include "ui/dialogs/exchange_dialogs.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vs::ui {

namespace {

QString formatLabel(interop::Format f) {
  switch (f) {
    case interop::Format::Vf2Json:
      return QDialog::tr("VideoFeedback2 JSON");
    case interop::Format::Vf2Jsonl:
      return QDialog::tr("VideoFeedback2 JSON Lines");
    case interop::Format::Csv:
      return QDialog::tr("CSV (VideoFeedback2 columns)");
    case interop::Format::Predictions:
      return QDialog::tr("VideoScore2 predictions");
    case interop::Format::Sft:
      return QDialog::tr("SFT conversations (fine-tuning)");
    case interop::Format::LabelStudio:
      return QDialog::tr("Label Studio tasks");
  }
  return {};
}

QString suffixOf(interop::Format f) {
  switch (f) {
    case interop::Format::Vf2Jsonl:
      return QStringLiteral("jsonl");
    case interop::Format::Csv:
      return QStringLiteral("csv");
    default:
      return QStringLiteral("json");
  }
}

constexpr interop::Format kFormats[] = {interop::Format::Vf2Json, interop::Format::Vf2Jsonl,
                                        interop::Format::Csv,     interop::Format::Predictions,
                                        interop::Format::Sft,     interop::Format::LabelStudio};

// A line edit with a Browse… button that runs `browse` and puts its answer in the edit.
// A form label whose mnemonic focuses `buddy` (a row of widgets gets no buddy of its own).
QLabel* buddyLabel(const QString& text, QWidget* buddy) {
  auto* label = new QLabel(text, buddy->parentWidget());
  label->setBuddy(buddy);
  return label;
}

QHBoxLayout* fileRow(QWidget* parent, QLineEdit* edit, std::function<QString()> browse) {
  auto* row = new QHBoxLayout;
  auto* button = new QPushButton(QDialog::tr("Browse…"), parent);
  row->addWidget(edit, 1);
  row->addWidget(button);
  QObject::connect(button, &QPushButton::clicked, parent, [edit, browse] {
    const QString path = browse();
    if (!path.isEmpty()) {
      edit->setText(path);
      emit edit->textEdited(path);
    }
  });
  return row;
}

}  // namespace

ImportDialog::ImportDialog(QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("importDialog"));
  setWindowTitle(tr("Import"));
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  file_ = new QLineEdit(this);
  file_->setObjectName(QStringLiteral("importFile"));
  file_->setAccessibleName(tr("File to import"));
  form->addRow(buddyLabel(tr("&File:"), file_), fileRow(this, file_, [this] {
                 return QFileDialog::getOpenFileName(
                     this, tr("Import"), QString(),
                     tr("Exchange files (*.json *.jsonl *.csv);;All files (*)"));
               }));
  format_ = new QComboBox(this);
  format_->setObjectName(QStringLiteral("importFormat"));
  format_->addItem(tr("Detect from the file"), QString());
  for (interop::Format f : kFormats) {
    if (interop::canImport(f)) {
      format_->addItem(formatLabel(f), interop::formatName(f));
    }
  }
  form->addRow(tr("F&ormat:"), format_);
  annotator_ = new QLineEdit(this);
  annotator_->setObjectName(QStringLiteral("importAnnotator"));
  annotator_->setPlaceholderText(tr("default"));
  form->addRow(tr("&Annotator (who gave the scores):"), annotator_);
  model_ = new QLineEdit(this);
  model_->setPlaceholderText(QStringLiteral("VideoScore2"));
  form->addRow(tr("&Model (prediction files):"), model_);
  videos_ = new QLineEdit(this);
  videos_->setObjectName(QStringLiteral("importVideos"));
  videos_->setAccessibleName(tr("Folder with the items' videos"));
  videos_->setPlaceholderText(tr("optional: where the items' video files are"));
  form->addRow(buddyLabel(tr("&Videos folder:"), videos_), fileRow(this, videos_, [this] {
                 return QFileDialog::getExistingDirectory(this, tr("Folder with the items' videos"));
               }));
  layout->addLayout(form);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons_);
  connect(file_, &QLineEdit::textChanged, this, &ImportDialog::updateWidgets);
  connect(format_, &QComboBox::currentIndexChanged, this, &ImportDialog::updateWidgets);
  resize(620, sizeHint().height());
  updateWidgets();
}

void ImportDialog::setFile(const QString& path) {
  file_->setText(path);
}
void ImportDialog::setVideosFolder(const QString& path) {
  videos_->setText(path);
}

void ImportDialog::updateWidgets() {
  const bool predictions =
      format_->currentData().toString() == interop::formatName(interop::Format::Predictions);
  annotator_->setPlaceholderText(predictions ? QStringLiteral("gt") : QStringLiteral("default"));
  model_->setEnabled(predictions || format_->currentData().toString().isEmpty());
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(QFileInfo(file_->text()).isFile());
}

ImportRequest ImportDialog::request() const {
  ImportRequest r;
  r.file = file_->text();
  r.format = interop::formatFromName(format_->currentData().toString());
  r.annotator = annotator_->text().trimmed();
  r.modelAnnotator = model_->text().trimmed();
  r.videosFolder = videos_->text().trimmed();
  return r;
}

ExportDialog::ExportDialog(const QVector<Annotator>& annotators, QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("exportDialog"));
  setWindowTitle(tr("Export"));
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  format_ = new QComboBox(this);
  format_->setObjectName(QStringLiteral("exportFormat"));
  for (interop::Format f : kFormats) {
    format_->addItem(formatLabel(f), int(f));
  }
  form->addRow(tr("F&ormat:"), format_);
  file_ = new QLineEdit(this);
  file_->setObjectName(QStringLiteral("exportFile"));
  file_->setAccessibleName(tr("File to write"));
  form->addRow(buddyLabel(tr("&File:"), file_), fileRow(this, file_, [this] {
                 const QString suffix =
                     suffixOf(static_cast<interop::Format>(format_->currentData().toInt()));
                 return QFileDialog::getSaveFileName(this, tr("Export"), QStringLiteral("export.") + suffix,
                                                     tr("*.%1 files (*.%1);;All files (*)").arg(suffix));
               }));
  annotator_ = new QComboBox(this);
  annotator_->setObjectName(QStringLiteral("exportAnnotator"));
  annotator_->addItem(tr("Everyone"), QString());
  model_ = new QComboBox(this);
  model_->setObjectName(QStringLiteral("exportModel"));
  for (const Annotator& a : annotators) {
    annotator_->addItem(a.name, a.name);
    if (a.kind == AnnotatorKind::Model) {
      model_->addItem(a.name, a.name);
    }
  }
  form->addRow(tr("&Annotator:"), annotator_);
  origin_ = new QComboBox(this);
  origin_->setObjectName(QStringLiteral("exportOrigin"));
  origin_->addItem(tr("Any"), QString());
  for (Origin o : {Origin::Human, Origin::Model, Origin::ModelAccepted, Origin::ModelEdited}) {
    origin_->addItem(originName(o), originName(o));
  }
  form->addRow(tr("O&rigin:"), origin_);
  form->addRow(tr("&Model (predictions):"), model_);
  instruction_ = new QLineEdit(this);
  instruction_->setPlaceholderText(tr("the VideoScore2 instruction; $t2v_prompt is the prompt"));
  form->addRow(tr("&Instruction (SFT):"), instruction_);
  layout->addLayout(form);
  note_ = new QLabel(this);
  note_->setWordWrap(true);
  layout->addWidget(note_);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons_);
  connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::updateWidgets);
  connect(file_, &QLineEdit::textChanged, this, &ExportDialog::updateWidgets);
  resize(620, sizeHint().height());
  updateWidgets();
}

void ExportDialog::setFormat(interop::Format format) {
  format_->setCurrentIndex(format_->findData(int(format)));
}
void ExportDialog::setFile(const QString& path) {
  file_->setText(path);
}

void ExportDialog::updateWidgets() {
  const auto format = static_cast<interop::Format>(format_->currentData().toInt());
  const bool predictions = format == interop::Format::Predictions;
  model_->setEnabled(predictions);
  instruction_->setEnabled(format == interop::Format::Sft);
  bool ok = !file_->text().trimmed().isEmpty();
  if (predictions && model_->count() == 0) {
    note_->setText(tr("The project has no model results to export as predictions."));
    ok = false;
  } else {
    note_->clear();
  }
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

ExportRequest ExportDialog::request() const {
  ExportRequest r;
  r.format = static_cast<interop::Format>(format_->currentData().toInt());
  r.file = file_->text().trimmed();
  r.filter.annotator = annotator_->currentData().toString();
  r.filter.origin = originFromName(origin_->currentData().toString());
  if (r.format == interop::Format::Predictions) {
    r.filter.modelAnnotator = model_->currentData().toString();
    if (r.filter.annotator.isEmpty()) {
      r.filter.annotatorKind = AnnotatorKind::Human;
    }
  }
  r.options.sftInstruction = instruction_->text();
  return r;
}

}  // namespace vs::ui
