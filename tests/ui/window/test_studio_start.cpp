// What videoscore-studio settles before its window shows: the language (asked for, else the
// system's), which translations it installs, and which project it opens (asked for, else the last
// one while its file is there; a missing one is an error naming it).
#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QSettings>
#include <QTest>
#include <QTranslator>

#include "core/domain/error.h"
#include "core/store/store.h"
#include "ui/window/studio_start.h"

using namespace vs;

class TestStudioStart : public QObject {
  Q_OBJECT
 private:
  QString tmp_ = qEnvironmentVariable("VS_TEST_TMP");

 private slots:
  void initTestCase() {
    QDir(tmp_).removeRecursively();
    QDir().mkpath(tmp_);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, tmp_ + QStringLiteral("/settings"));
    QCoreApplication::setOrganizationName(QStringLiteral("VideoScoreTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_studio_start"));
    QSettings().clear();
  }

  void languageAskedForElseTheSystems() {
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    QCOMPARE(ui::chooseLanguage(QString()), QStringLiteral("zh_CN"));
    QCOMPARE(ui::chooseLanguage(QStringLiteral("en")), QStringLiteral("en"));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(ui::chooseLanguage(QString()), QStringLiteral("en"));
    QCOMPARE(ui::chooseLanguage(QStringLiteral("fr")), QStringLiteral("fr"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  }

  void onlyKnownLanguagesAreInstalled() {
    const auto translators = [] { return QCoreApplication::instance()->findChildren<QTranslator*>().size(); };
    const qsizetype before = translators();
    QVERIFY(!ui::installTranslations(QStringLiteral("fr")));
    QVERIFY(!ui::installTranslations(QStringLiteral("zh")));
    QCOMPARE(translators(), before);
    QVERIFY(ui::installTranslations(QStringLiteral("en")));
    QVERIFY(ui::installTranslations(QStringLiteral("zh_CN")));
  }

  void theProjectAskedForElseTheLastOne() {
    const QString kept = tmp_ + QStringLiteral("/kept.vsproj");
    const QString other = tmp_ + QStringLiteral("/other.vsproj");
    for (const QString& path : {kept, other})
      store::Store created(path, store::OpenMode::CreateNew);
    QCOMPARE(ui::projectToOpen(QString(), false), QString());  // nothing opened before
    QSettings().setValue(QStringLiteral("session/lastProject"), kept);
    QCOMPARE(ui::projectToOpen(QString(), false), kept);
    QCOMPARE(ui::projectToOpen(other, false), other);
    QSettings().setValue(QStringLiteral("session/lastProject"), tmp_ + QStringLiteral("/moved.vsproj"));
    QCOMPARE(ui::projectToOpen(QString(), false), QString());  // the last one is gone: none
    const QString missing = tmp_ + QStringLiteral("/missing.vsproj");
    try {
      ui::projectToOpen(missing, false);
      QFAIL("opened a project that is not there");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), Error::Kind::Io);
      QCOMPARE(e.full(), missing + QStringLiteral(": no such project file"));
    }
  }
};

QTEST_GUILESS_MAIN(TestStudioStart)
#include "test_studio_start.moc"
