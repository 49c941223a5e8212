#include "ui/dialogs/rubric_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/annotation/dimension_names.h"

namespace vs::ui {

RubricDialog::RubricDialog(const Rubric& rubric, QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Project rubric"));
  auto* tabs = new QTabWidget(this);
  for (Dimension d : kDimensions) {
    const size_t i = static_cast<size_t>(index(d));
    auto* page = new QWidget(tabs);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("Definition:"), page));
    definitions_[i] = new QPlainTextEdit(rubric[d].definition, page);
    definitions_[i]->setAccessibleName(tr("%1 definition").arg(dimensionDisplayName(d)));
    definitions_[i]->setTabChangesFocus(true);
    layout->addWidget(definitions_[i]);
    layout->addWidget(new QLabel(tr("What each score means (one line per score, 1 to 5):"), page));
    QStringList lines;
    for (const QString& a : rubric[d].anchors) {
      lines << a;
    }
    anchors_[i] = new QPlainTextEdit(lines.join(QLatin1Char('\n')), page);
    anchors_[i]->setAccessibleName(tr("%1 score meanings").arg(dimensionDisplayName(d)));
    anchors_[i]->setTabChangesFocus(true);
    layout->addWidget(anchors_[i]);
    tabs->addTab(page, dimensionDisplayName(d));
  }
  auto* buttons = new QDialogButtonBox(
      QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
    const Rubric defaults = Rubric::defaults();
    for (Dimension d : kDimensions) {
      const size_t i = static_cast<size_t>(index(d));
      definitions_[i]->setPlainText(defaults[d].definition);
      QStringList lines;
      for (const QString& a : defaults[d].anchors) {
        lines << a;
      }
      anchors_[i]->setPlainText(lines.join(QLatin1Char('\n')));
    }
  });
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(tabs);
  layout->addWidget(buttons);
  resize(620, 480);
}

Rubric RubricDialog::rubric() const {
  Rubric r;
  for (Dimension d : kDimensions) {
    const size_t i = static_cast<size_t>(index(d));
    r[d].definition = definitions_[i]->toPlainText().trimmed();
    const QStringList lines = anchors_[i]->toPlainText().split(QLatin1Char('\n'));
    for (size_t k = 0; k < 5; ++k) {
      r[d].anchors[k] = static_cast<int>(k) < lines.size() ? lines[static_cast<int>(k)].trimmed() : QString();
    }
  }
  return r;
}

}  // namespace vs::ui
