#pragma once
// The list of scoring servers in Settings › Scoring: one row per server (URL, served model,
// the environment variable holding the API key, requests in flight), edited in place; Add and
// Remove buttons. The key itself is never asked for.
#include <QList>
#include <QWidget>

#include "ui/scoring/scoring_servers.h"

class QTableWidget;
class QPushButton;

namespace vs::ui {

class ServerListEditor : public QWidget {
  Q_OBJECT
 public:
  explicit ServerListEditor(QWidget* parent = nullptr);

  void setServers(const QList<ScoringServer>& servers);
  // The rows as edited; rows whose URL is empty are left out.
  QList<ScoringServer> servers() const;
  // Adds a row (the URL given, or empty) and puts the cursor in its URL cell.
  void addServer(const QString& url = {});
  QTableWidget* table() const { return table_; }

 signals:
  void changed();

 private:
  void addRow(const ScoringServer& server);
  QTableWidget* table_ = nullptr;
  QPushButton* remove_ = nullptr;
};

}  // namespace vs::ui
