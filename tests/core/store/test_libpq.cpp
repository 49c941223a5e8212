// libpq is loaded only when a PostgreSQL project is opened (core/store/libpq.h): a process that
// opens `.vsproj` files never maps it, and the first PostgreSQL URI loads it.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "core/domain/error.h"
#include "core/store/store.h"

namespace {

bool libpqMapped() {
  QFile maps(QStringLiteral("/proc/self/maps"));
  if (!maps.open(QIODevice::ReadOnly))
    qFatal("cannot read /proc/self/maps");
  return maps.readAll().contains("libpq.so");
}

}  // namespace

class TestLibpq : public QObject {
  Q_OBJECT

 private slots:
  void sqliteProjectsNeverLoadIt() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("p.vsproj"));
    {
      vs::store::Store created(path, vs::store::OpenMode::CreateNew);
      created.addAnnotator(QStringLiteral("ann"), vs::AnnotatorKind::Human);
    }
    const vs::store::Store opened(path, vs::store::OpenMode::OpenExisting);
    QCOMPARE(opened.annotators().size(), 1);
    QVERIFY2(!libpqMapped(), "opening a .vsproj loaded libpq");
  }

  void aPostgresUriLoadsIt() {
    // Refused before any connection (a password in the URI), after libpq has parsed it.
    bool refused = false;
    try {
      vs::store::Store s(QStringLiteral("postgresql://someone:secret@localhost/none"),
                         vs::store::OpenMode::OpenExisting);
    } catch (const vs::Error& e) {
      refused = e.message().contains(QStringLiteral("password"));
    }
    QVERIFY(refused);
    QVERIFY(libpqMapped());
  }
};

QTEST_GUILESS_MAIN(TestLibpq)
#include "test_libpq.moc"
