#pragma once
// The audit tab: where the model and the person disagree. Per dimension a 5×5 confusion heat
// map (person rows × model columns; clicking a cell filters the queue to those items), score
// histograms, model soft score vs person scatter, per-generator means (Best-of-N view) and an
// agreement table (exact, ±1, Spearman, Pearson). The numbers are analysis::summarizeAudit's, as
// in the HTML report, on the items the person scored in all three dimensions, with seeded
// bootstrap 95 % intervals.
#include <QSet>
#include <QWidget>
#include <array>

class QComboBox;
class QTableWidget;
class QLabel;

namespace QtCharts {}
class QChartView;

namespace vs::ui {

class PreferenceAuditPanel;
class QueueModel;

class AuditView : public QWidget {
  Q_OBJECT
 public:
  // Bootstrap resamples for the agreement table's intervals (seed: analysis::BootstrapOptions).
  static constexpr int kBootstrapResamples = 1000;

  AuditView(const QueueModel& model, QWidget* parent = nullptr);

  void refresh();
  // Refreshes now when the tab is shown, else at its next show: the bootstrap costs about
  // 15 ms for 20 items and 170 ms for 400, too much to repeat for every model result behind a
  // hidden tab.
  void markStale();
  bool isStale() const { return stale_; }
  QTableWidget* heatMap() const { return heat_; }
  QTableWidget* agreementTable() const { return agreement_; }
  QChartView* generatorChart() const { return generators_; }
  // People's preferences and Best-of-N picks (fed by the project store, set by the window).
  PreferenceAuditPanel* preferencePanel() const { return preferences_; }

 signals:
  void videosSelected(const QSet<qint64>& ids, const QString& description);

 private:
  void showEvent(QShowEvent* event) override;
  int dimensionIndex() const;
  const QueueModel& model_;
  QComboBox* dimension_ = nullptr;
  QTableWidget* heat_ = nullptr;
  QTableWidget* agreement_ = nullptr;
  QChartView* histogram_ = nullptr;
  QChartView* scatter_ = nullptr;
  QChartView* generators_ = nullptr;
  QLabel* summary_ = nullptr;
  PreferenceAuditPanel* preferences_ = nullptr;
  bool stale_ = false;
  std::array<std::array<QSet<qint64>, 5>, 5> cells_;  // [person-1][model-1]
};

}  // namespace vs::ui
