#pragma once
// The Audit tab's preference section: how often the model agrees with people on which video is
// better (with and without ties, per judged dimension), agreement between people, position bias,
// and Best-of-N agreement and regret. Every number is analysis::projectPreferenceReport's, the
// function `vscore audit PROJECT` prints from.
#include <QWidget>

#include "core/analysis/preference_report.h"

class QLabel;
class QTableWidget;

namespace vs::store {
class Store;
}

namespace vs::ui {

class PreferenceAuditPanel : public QWidget {
  Q_OBJECT
 public:
  // Each row's key (column 0, Qt::UserRole), e.g. "accuracy.overall.with_ties".
  static constexpr int kKeyRole = Qt::UserRole + 1;

  explicit PreferenceAuditPanel(QWidget* parent = nullptr);

  void setStore(const store::Store* store);  // nullptr: no project
  void refresh();
  const analysis::PreferenceReport& report() const { return report_; }
  QTableWidget* table() const { return table_; }
  // The row with `key`, or -1.
  int rowOf(const QString& key) const;

 private:
  void addRow(const QString& key, const QString& measure, const QString& value, const QString& basis);

  const store::Store* store_ = nullptr;
  analysis::PreferenceReport report_;
  QLabel* summary_ = nullptr;
  QTableWidget* table_ = nullptr;
};

}  // namespace vs::ui
