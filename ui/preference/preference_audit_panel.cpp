#include "ui/preference/preference_audit_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/domain/error.h"
#include "ui/annotation/dimension_names.h"

namespace vs::ui {

namespace {

// Fractions as percent with one decimal; "–" where undefined.
QString percent(const std::optional<double>& fraction) {
  return fraction ? QStringLiteral("%1 %").arg(*fraction * 100, 0, 'f', 1) : QStringLiteral("–");
}

// PairwiseResult::accuracy is already x100 (rounded to 3 decimals, as get_pairwise_acc.py prints).
QString accuracyText(const std::optional<double>& accuracy) {
  return accuracy ? QStringLiteral("%1 %").arg(*accuracy, 0, 'f', 1) : QStringLiteral("–");
}

QString dimensionText(const std::string& d) {
  if (d == "visual") {
    return dimensionDisplayName(Dimension::Visual);
  }
  if (d == "t2v") {
    return dimensionDisplayName(Dimension::T2V);
  }
  if (d == "phy") {
    return dimensionDisplayName(Dimension::Phy);
  }
  return PreferenceAuditPanel::tr("overall");
}

}  // namespace

PreferenceAuditPanel::PreferenceAuditPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("preferenceAuditPanel"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  summary_ = new QLabel(this);
  summary_->setWordWrap(true);
  layout->addWidget(summary_);
  table_ = new QTableWidget(0, 3, this);
  table_->setObjectName(QStringLiteral("preferenceAuditTable"));
  table_->setAccessibleName(tr("Preferences: model against people"));
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setHorizontalHeaderLabels({tr("Measure"), tr("Value"), tr("Counted")});
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
  table_->verticalHeader()->hide();
  layout->addWidget(table_);
  refresh();
}

void PreferenceAuditPanel::setStore(const store::Store* store) {
  store_ = store;
  refresh();
}

int PreferenceAuditPanel::rowOf(const QString& key) const {
  for (int r = 0; r < table_->rowCount(); ++r) {
    if (table_->item(r, 0) && table_->item(r, 0)->data(kKeyRole).toString() == key) {
      return r;
    }
  }
  return -1;
}

void PreferenceAuditPanel::addRow(const QString& key, const QString& measure, const QString& value,
                                  const QString& basis) {
  const int r = table_->rowCount();
  table_->insertRow(r);
  auto* m = new QTableWidgetItem(measure);
  m->setData(kKeyRole, key);
  table_->setItem(r, 0, m);
  auto* v = new QTableWidgetItem(value);
  v->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  table_->setItem(r, 1, v);
  table_->setItem(r, 2, new QTableWidgetItem(basis));
}

void PreferenceAuditPanel::refresh() {
  report_ = {};
  table_->setRowCount(0);
  if (store_) {
    try {
      report_ = analysis::projectPreferenceReport(*store_, std::nullopt);
    } catch (const Error& e) {
      summary_->setText(tr("Preferences: %1").arg(e.full()));
      return;
    }
  }
  if (report_.empty()) {
    summary_->setText(tr("Preferences: none yet. Compare a prompt's videos in preference mode (%1).")
                          .arg(QKeySequence(Qt::CTRL | Qt::Key_3).toString(QKeySequence::NativeText)));
    return;
  }
  summary_->setText(tr("Preferences: %1 pairs and %2 Best-of-N picks by people; model: %3")
                        .arg(report_.pairs)
                        .arg(report_.picks)
                        .arg(report_.model.isEmpty() ? tr("none") : report_.model));
  for (const analysis::DimensionPreferenceAccuracy& a : report_.accuracy) {
    const QString d = QString::fromStdString(a.dimension);
    const auto& with = a.accuracy.withTies;
    const auto& without = a.accuracy.withoutTies;
    addRow(QStringLiteral("accuracy.%1.with_ties").arg(d),
           tr("Model agrees with people, %1, ties counted").arg(dimensionText(a.dimension)),
           accuracyText(with.accuracy), tr("%1 of %2 pairs").arg(with.correct).arg(with.total));
    addRow(QStringLiteral("accuracy.%1.without_ties").arg(d),
           tr("Model agrees with people, %1, without ties").arg(dimensionText(a.dimension)),
           accuracyText(without.accuracy), tr("%1 of %2 pairs").arg(without.correct).arg(without.total));
  }
  const analysis::PeopleAgreement& ag = report_.agreement;
  addRow(QStringLiteral("people.agreement"), tr("Agreement between people"), percent(ag.agreement),
         tr("%1 judge pairs on %2 shared pairs").arg(ag.judgePairs).arg(ag.sharedPairs));
  addRow(QStringLiteral("people.agreement_without_ties"), tr("Agreement between people, without ties"),
         percent(ag.agreementWithoutTies), tr("%1 judge pairs").arg(ag.decidedJudgePairs));
  const analysis::PositionBias& b = report_.positionBias;
  QString share = percent(b.leftShare);
  if (b.leftShareCi) {
    share += QStringLiteral(" [%1, %2]")
                 .arg(b.leftShareCi->low * 100, 0, 'f', 1)
                 .arg(b.leftShareCi->high * 100, 0, 'f', 1);
  }
  addRow(QStringLiteral("position.left_share"), tr("Position bias: left chosen (50 % = none)"), share,
         tr("%1 left, %2 right, %3 ties shown in random order").arg(b.left).arg(b.right).arg(b.ties));
  const analysis::PickAgreement& p = report_.bestOfN;
  addRow(QStringLiteral("best_of_n.agreement"), tr("Best of N: model's pick is people's best"),
         percent(p.agreement), tr("%1 picks").arg(p.picks));
  addRow(QStringLiteral("best_of_n.chance"), tr("Best of N: a random pick would be"),
         percent(p.chanceAgreement), tr("%1 picks").arg(p.picks));
  addRow(QStringLiteral("best_of_n.regret"),
         tr("Best of N: regret (places the people's best sits below the model's pick)"),
         p.meanRankRegret ? QString::number(*p.meanRankRegret, 'f', 2) : QStringLiteral("–"),
         tr("%1 picks").arg(p.picks));
  addRow(QStringLiteral("best_of_n.worst"), tr("Best of N: model's pick is people's worst"),
         percent(p.modelPicksWorst), QString());
}

}  // namespace vs::ui
