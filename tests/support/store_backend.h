#pragma once
// Runs a store test against either backend: VS_TEST_BACKEND=postgres gives each fresh project
// its own database in a throwaway cluster; otherwise a `.vsproj` file in the test's folder.
// sql() runs a statement the way another program would see it (QSQLITE or psql).
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <memory>

#include "pg_cluster.h"

namespace vs::test {

class StoreBackend {
 public:
  // false (with `whyNot`) when PostgreSQL was asked for and cannot run here.
  bool init(const QDir& tmp, QString* whyNot) {
    tmp_ = tmp;
    if (testWantsPostgres()) {
      cluster_ = PgCluster::start(whyNot);
      return cluster_ != nullptr;
    }
    return true;
  }
  bool postgres() const { return cluster_ != nullptr; }
  PgCluster* cluster() const { return cluster_.get(); }

  QString fresh(const QString& stem = QStringLiteral("s")) {
    if (cluster_)
      return cluster_->createDatabase(stem);
    const QString path = tmp_.filePath(QStringLiteral("%1%2.vsproj").arg(stem).arg(++counter_));
    QFile::remove(path);
    return path;
  }

  QVariant sql(const QString& project, const QString& statement, bool* ok = nullptr) const {
    if (cluster_)
      return cluster_->sql(project, statement, ok);
    QVariant value;
    bool success = false;
    {
      QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
      db.setDatabaseName(project);
      if (db.open()) {
        QSqlQuery q(db);
        success = q.exec(statement);
        if (success && q.next())
          value = q.value(0);
      }
      db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    if (ok)
      *ok = success;
    return value;
  }

 private:
  QDir tmp_;
  int counter_ = 0;
  std::unique_ptr<PgCluster> cluster_;
};

}  // namespace vs::test
