#pragma once
// The base of the tests of the offline journal against PostgreSQL: an empty scratch folder for the
// journal files and a throwaway cluster for the projects.
#include <QDir>
#include <QObject>
#include <QString>
#include <QTest>

#include "store_backend.h"

namespace vs::test {

class JournalTest : public QObject {
 protected:
  StoreBackend backend_;
  QString scratch_;
  int journals_ = 0;

  QString freshJournal() { return scratch_ + QStringLiteral("/j%1.sqlite").arg(++journals_); }

  // For initTestCase: empties the scratch folder (VS_TEST_TMP, else `name` in the temp folder) and
  // starts the backend; skips the test where PostgreSQL cannot run or was not asked for.
  void startJournalTest(const QString& name) {
    scratch_ = qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QLatin1Char('/') + name);
    QDir(scratch_).removeRecursively();
    QVERIFY(QDir().mkpath(scratch_));
    QString whyNot;
    if (!backend_.init(QDir(scratch_), &whyNot))
      QSKIP(qPrintable(whyNot));
    if (!backend_.postgres())
      QSKIP("the offline journal serves database projects (set VS_TEST_BACKEND=postgres)");
  }
};

}  // namespace vs::test
