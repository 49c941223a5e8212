#include "ui/audit/audit_view.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScatterSeries>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>
#include <cmath>

#include "core/analysis/audit_summary.h"
#include "ui/annotation/dimension_names.h"
#include "ui/preference/preference_audit_panel.h"
#include "ui/queue/queue_model.h"

namespace vs::ui {

namespace {

QChartView* makeChartView(QWidget* parent) {
  auto* view = new QChartView(new QChart, parent);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumHeight(200);
  view->chart()->legend()->setAlignment(Qt::AlignBottom);
  return view;
}

QString dimName(int i) {
  return dimensionDisplayName(static_cast<Dimension>(i));
}

// "33.3 [0.0, 66.7]": the reported value and its bootstrap interval; "–" where undefined.
QString metricCell(const analysis::MetricValue& m, int decimals) {
  if (!m.value) {
    return QStringLiteral("–");
  }
  QString text = QString::number(*m.value, 'f', decimals);
  if (m.ci) {
    text += QStringLiteral(" [%1, %2]").arg(m.ci->low, 0, 'f', decimals).arg(m.ci->high, 0, 'f', decimals);
  }
  return text;
}

}  // namespace

AuditView::AuditView(const QueueModel& model, QWidget* parent) : QWidget(parent), model_(model) {
  setObjectName(QStringLiteral("auditView"));
  auto* layout = new QGridLayout(this);
  dimension_ = new QComboBox(this);
  dimension_->setAccessibleName(tr("Dimension"));
  for (int i = 0; i < 3; ++i) {
    dimension_->addItem(dimName(i));
  }
  connect(dimension_, &QComboBox::currentIndexChanged, this, &AuditView::refresh);
  summary_ = new QLabel(this);
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Dimension:"), this));
  top->addWidget(dimension_);
  top->addWidget(summary_, 1);
  layout->addLayout(top, 0, 0, 1, 3);

  heat_ = new QTableWidget(5, 5, this);
  heat_->setObjectName(QStringLiteral("confusionHeatMap"));
  heat_->setAccessibleName(tr("Confusion matrix: person scores in rows, model scores in columns"));
  heat_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  QStringList labels{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                     QStringLiteral("5")};
  heat_->setHorizontalHeaderLabels(labels);
  heat_->setVerticalHeaderLabels(labels);
  heat_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  heat_->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  heat_->setToolTip(tr("Rows: people · columns: model. Click a cell to list its items in the queue."));
  connect(heat_, &QTableWidget::cellClicked, this, [this](int row, int column) {
    const QSet<qint64>& ids = cells_[static_cast<size_t>(row)][static_cast<size_t>(column)];
    emit videosSelected(
        ids, tr("%1: person %2, model %3").arg(dimName(dimensionIndex())).arg(row + 1).arg(column + 1));
  });
  auto* heatBox = new QVBoxLayout;
  heatBox->addWidget(new QLabel(tr("Person (rows) vs model (columns)"), this));
  heatBox->addWidget(heat_);
  layout->addLayout(heatBox, 1, 0);

  histogram_ = makeChartView(this);
  layout->addWidget(histogram_, 1, 1);
  scatter_ = makeChartView(this);
  layout->addWidget(scatter_, 1, 2);
  generators_ = makeChartView(this);
  layout->addWidget(generators_, 2, 0, 1, 2);
  agreement_ = new QTableWidget(3, 5, this);
  agreement_->setObjectName(QStringLiteral("agreementTable"));
  agreement_->setAccessibleName(tr("Agreement between model and people"));
  agreement_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  agreement_->setHorizontalHeaderLabels(
      {tr("Items"), tr("Exact %"), tr("±1 %"), tr("SRCC ×100"), tr("PLCC ×100")});
  agreement_->setVerticalHeaderLabels({dimName(0), dimName(1), dimName(2)});
  agreement_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  layout->addWidget(agreement_, 2, 2);
  preferences_ = new PreferenceAuditPanel(this);
  layout->addWidget(preferences_, 3, 0, 1, 3);
  layout->setRowStretch(1, 3);
  layout->setRowStretch(2, 2);
  layout->setRowStretch(3, 2);
  refresh();
}

int AuditView::dimensionIndex() const {
  return qMax(0, dimension_->currentIndex());
}

void AuditView::markStale() {
  if (isVisible()) {
    refresh();
  } else {
    stale_ = true;
  }
}

void AuditView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (stale_) {
    refresh();
  }
}

void AuditView::refresh() {
  stale_ = false;
  if (preferences_) {
    preferences_->refresh();
  }
  const int dim = dimensionIndex();
  for (auto& row : cells_) {
    for (auto& cell : row) {
      cell.clear();
    }
  }
  // Every number of the tab comes from analysis::summarizeAudit (what the HTML report shows), fed
  // with items the person scored in all three dimensions and the model's soft scores (its integer
  // reading where there is no soft score), so the integer mapping of soft scores (get_acc_corr.py
  // vs2_float: round half to even, clamp 1..5) is the reference one.
  std::vector<analysis::AuditRow> rows;
  std::vector<std::string> generators;
  std::vector<qint64> rowIds;
  for (const QueuePrompt& prompt : model_.prompts()) {
    for (const QueueVideo& v : prompt.videos) {
      if (!v.scoredByMe() || !v.model) {
        continue;
      }
      analysis::AuditRow row;
      for (Dimension e : kDimensions) {
        const auto i = static_cast<size_t>(index(e));
        row.reference[i] = *v.mine->scores[e];
        row.predicted[i] = v.model->soft[e] ? v.model->soft[e] : v.model->hard[e];
      }
      rows.push_back(row);
      generators.push_back(v.video.generator.toStdString());
      rowIds.push_back(v.video.id);
    }
  }
  analysis::AuditOptions options;
  options.bootstrap.resamples = kBootstrapResamples;
  const analysis::AuditSummary summary = analysis::summarizeAudit(rows, generators, options);
  const analysis::AuditResult& audit = summary.audit;
  const analysis::DimensionAudit& dimAudit = audit.dimensions[static_cast<size_t>(dim)];
  std::vector<double> xs, ys;  // soft model, person (scatter)
  for (size_t r = 0; r < rows.size(); ++r) {
    if (!summary.cells[r]) {
      continue;  // dropped by the audit
    }
    xs.push_back(*rows[r].predicted[static_cast<size_t>(dim)]);
    ys.push_back(rows[r].reference[static_cast<size_t>(dim)]);
    const analysis::ConfusionCell& cell = (*summary.cells[r])[static_cast<size_t>(dim)];
    if (cell.reference >= 1 && cell.reference <= 5 && cell.predicted >= 1 && cell.predicted <= 5) {
      cells_[static_cast<size_t>(cell.reference - 1)][static_cast<size_t>(cell.predicted - 1)].insert(
          rowIds[r]);
    }
  }
  const int pairs = static_cast<int>(audit.n);
  std::array<int, 5> personHist{}, modelHist{};
  for (int s = 1; s <= 5; ++s) {
    auto count = [s](const analysis::ScoreHistogram& h) {
      return s >= h.lowest && s <= h.highest() ? static_cast<int>(h.counts[static_cast<size_t>(s - h.lowest)])
                                               : 0;
    };
    personHist[static_cast<size_t>(s - 1)] = count(dimAudit.referenceHistogram);
    modelHist[static_cast<size_t>(s - 1)] = count(dimAudit.predictedHistogram);
  }
  // Heat map.
  int maxCount = 1;
  for (int r = 1; r <= 5; ++r) {
    for (int c = 1; c <= 5; ++c) {
      maxCount = std::max(maxCount, static_cast<int>(dimAudit.confusion.at(r, c)));
    }
  }
  for (int r = 0; r < 5; ++r) {
    for (int c = 0; c < 5; ++c) {
      const int n = static_cast<int>(dimAudit.confusion.at(r + 1, c + 1));
      auto* item = new QTableWidgetItem(QString::number(n));
      item->setTextAlignment(Qt::AlignCenter);
      const double t = double(n) / maxCount;
      item->setBackground(QColor::fromHsvF(r == c ? 0.33 : 0.0, 0.15 + 0.7 * t, 0.95 - 0.35 * t));
      item->setForeground(t > 0.6 ? Qt::white : Qt::black);
      heat_->setItem(r, c, item);
    }
  }
  summary_->setText(tr("%1 items with both a person's and the model's score").arg(pairs));

  // Histograms.
  {
    QChart* chart = histogram_->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
      chart->removeAxis(axis);
    }
    auto* series = new QBarSeries;
    auto* people = new QBarSet(tr("People"));
    auto* model = new QBarSet(tr("Model"));
    int top = 1;
    for (int i = 0; i < 5; ++i) {
      *people << personHist[static_cast<size_t>(i)];
      *model << modelHist[static_cast<size_t>(i)];
      top = std::max({top, personHist[static_cast<size_t>(i)], modelHist[static_cast<size_t>(i)]});
    }
    series->append(people);
    series->append(model);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
               QStringLiteral("5")});
    auto* y = new QValueAxis;
    y->setRange(0, top);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->setTitle(tr("Score histogram"));
  }
  // Scatter.
  {
    QChart* chart = scatter_->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
      chart->removeAxis(axis);
    }
    auto* series = new QScatterSeries;
    series->setName(tr("Items"));
    series->setMarkerSize(8);
    for (size_t i = 0; i < xs.size(); ++i) {
      series->append(xs[i], ys[i]);
    }
    chart->addSeries(series);
    auto* x = new QValueAxis;
    x->setRange(0.5, 5.5);
    x->setTitleText(tr("Model soft score"));
    auto* y = new QValueAxis;
    y->setRange(0.5, 5.5);
    y->setTitleText(tr("Person"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->setTitle(tr("Soft score vs person"));
    chart->legend()->hide();
  }
  // Per-generator means (Best-of-N view).
  {
    QChart* chart = generators_->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
      chart->removeAxis(axis);
    }
    // Means over the audited items, the report's rows: its totals are these means summed.
    QStringList names;
    auto* series = new QBarSeries;
    auto* people = new QBarSet(tr("People"));
    auto* model = new QBarSet(tr("Model"));
    for (const analysis::GeneratorMeans& g : summary.generators) {
      names << QString::fromStdString(g.generator);
      *people << g.reference[static_cast<size_t>(dim)].value_or(0.0);
      *model << g.predicted[static_cast<size_t>(dim)].value_or(0.0);
    }
    series->append(people);
    series->append(model);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(names);
    auto* y = new QValueAxis;
    y->setRange(0, 5);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->setTitle(tr("Mean score per generator"));
  }
  // Agreement table: the audit's reported values (percent, rounded as the reference scripts
  // print them) with their seeded bootstrap interval.
  for (int i = 0; i < 3; ++i) {
    const analysis::DimensionAudit& da = audit.dimensions[static_cast<size_t>(i)];
    const QStringList cells{QString::number(audit.n), metricCell(da[analysis::Metric::Accuracy], 1),
                            metricCell(da[analysis::Metric::RelaxedAccuracy], 1),
                            metricCell(da[analysis::Metric::Srcc], 1),
                            metricCell(da[analysis::Metric::Plcc], 1)};
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      item->setToolTip(c == 0 ? QString()
                              : tr("Value and its bootstrap 95 % confidence interval (%1 resamples)")
                                    .arg(kBootstrapResamples));
      agreement_->setItem(i, c, item);
    }
  }
}

}  // namespace vs::ui
