#include "ui/audit_view.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QScatterSeries>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>
#include <cmath>

#include "core/analysis/correlation.h"
#include "ui/dimension_names.h"
#include "ui/queue_model.h"

namespace vs::ui {

namespace {

QChartView* makeChartView(QWidget* parent) {
  auto* view = new QChartView(new QChart, parent);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumHeight(200);
  view->chart()->legend()->setAlignment(Qt::AlignBottom);
  return view;
}

QString dimName(int i) { return dimensionDisplayName(static_cast<Dimension>(i)); }

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
    emit videosSelected(ids, tr("%1: person %2, model %3").arg(dimName(dimensionIndex())).arg(row + 1).arg(column + 1));
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
  agreement_->setHorizontalHeaderLabels({tr("Items"), tr("Exact %"), tr("±1 %"), tr("Spearman"), tr("Pearson")});
  agreement_->setVerticalHeaderLabels({dimName(0), dimName(1), dimName(2)});
  agreement_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  layout->addWidget(agreement_, 2, 2);
  layout->setRowStretch(1, 3);
  layout->setRowStretch(2, 2);
  refresh();
}

int AuditView::dimensionIndex() const { return qMax(0, dimension_->currentIndex()); }

void AuditView::refresh() {
  const int dim = dimensionIndex();
  const Dimension d = static_cast<Dimension>(dim);
  for (auto& row : cells_) {
    for (auto& cell : row) {
      cell.clear();
    }
  }
  std::array<int, 5> personHist{}, modelHist{};
  std::vector<double> xs, ys;  // soft model, person
  struct Acc {
    int n = 0, exact = 0, within1 = 0;
    std::vector<double> m, p;
  };
  std::array<Acc, 3> acc;
  QMap<QString, std::pair<double, int>> genMeans;  // generator -> (sum of people's scores, n)
  QMap<QString, std::pair<double, int>> genModel;
  int pairs = 0;
  for (const QueuePrompt& prompt : model_.prompts()) {
    for (const QueueVideo& v : prompt.videos) {
      const std::optional<double> mine = v.mine ? v.mine->scores[d] : std::nullopt;
      const std::optional<double> soft = v.model ? v.model->soft[d] : std::nullopt;
      if (mine) {
        personHist[static_cast<size_t>(std::clamp(int(*mine), 1, 5) - 1)]++;
        auto& g = genMeans[v.video.generator];
        g.first += *mine;
        g.second++;
      }
      int hardBin = 0;  // the model's integer score, 0: none
      if (v.model && v.model->hard[d]) {
        hardBin = std::clamp(static_cast<int>(*v.model->hard[d]), 1, 5);
      }
      if (hardBin > 0) {
        modelHist[static_cast<size_t>(hardBin - 1)]++;
      }
      if (soft) {
        auto& g = genModel[v.video.generator];
        g.first += *soft;
        g.second++;
      }
      if (mine && hardBin > 0) {
        cells_[static_cast<size_t>(std::clamp(int(*mine), 1, 5) - 1)][static_cast<size_t>(hardBin - 1)].insert(
            v.video.id);
        ++pairs;
        if (soft) {
          xs.push_back(*soft);
          ys.push_back(*mine);
        }
      }
      for (Dimension e : kDimensions) {
        const auto p = v.mine ? v.mine->scores[e] : std::nullopt;
        const auto h = v.model ? v.model->hard[e] : std::nullopt;
        const auto s = v.model ? v.model->soft[e] : std::nullopt;
        if (p && h) {
          Acc& a = acc[static_cast<size_t>(index(e))];
          a.n++;
          a.exact += *p == *h ? 1 : 0;
          a.within1 += std::abs(*p - *h) <= 1 ? 1 : 0;
          a.m.push_back(s.value_or(*h));
          a.p.push_back(*p);
        }
      }
    }
  }
  // Heat map.
  int maxCount = 1;
  for (const auto& row : cells_) {
    for (const auto& cell : row) {
      maxCount = std::max(maxCount, int(cell.size()));
    }
  }
  for (int r = 0; r < 5; ++r) {
    for (int c = 0; c < 5; ++c) {
      const int n = cells_[static_cast<size_t>(r)][static_cast<size_t>(c)].size();
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
    x->append({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")});
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
    QStringList names = genMeans.keys();
    for (const QString& g : genModel.keys()) {
      if (!names.contains(g)) {
        names << g;
      }
    }
    names.sort();
    auto* series = new QBarSeries;
    auto* people = new QBarSet(tr("People"));
    auto* model = new QBarSet(tr("Model"));
    for (const QString& g : names) {
      const auto pm = genMeans.value(g);
      const auto mm = genModel.value(g);
      *people << (pm.second ? pm.first / pm.second : 0.0);
      *model << (mm.second ? mm.first / mm.second : 0.0);
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
  // Agreement table.
  for (int i = 0; i < 3; ++i) {
    const Acc& a = acc[static_cast<size_t>(i)];
    auto fmt = [](std::optional<double> v, int prec) {
      return v ? QString::number(*v, 'f', prec) : QStringLiteral("–");
    };
    const std::optional<double> exact = a.n ? std::optional<double>(100.0 * a.exact / a.n) : std::nullopt;
    const std::optional<double> within = a.n ? std::optional<double>(100.0 * a.within1 / a.n) : std::nullopt;
    const std::optional<double> srcc = a.n >= 2 ? analysis::spearman(a.m, a.p) : std::nullopt;
    const std::optional<double> plcc = a.n >= 2 ? analysis::pearson(a.m, a.p) : std::nullopt;
    const QStringList cells{QString::number(a.n), fmt(exact, 1), fmt(within, 1), fmt(srcc, 3), fmt(plcc, 3)};
    for (int c = 0; c < cells.size(); ++c) {
      agreement_->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
  }
}

}  // namespace vs::ui
