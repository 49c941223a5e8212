// Shortcut remapping: conflicts are found, refused by apply() and by the settings dialog, and a
// conflicting override in the settings file is ignored on load.
#include <QAction>
#include <QSettings>
#include <QTest>

#include "ui/window/action_registry.h"
#include "ui/settings/settings_dialog.h"

using namespace vs::ui;

class TestActionRegistry : public QObject {
  Q_OBJECT
 private:
  QObject owner_;
  void fill(ActionRegistry& r) {
    r.add(QStringLiteral("score.1"), QStringLiteral("Scoring"),
          new QAction(QStringLiteral("Score 1"), &owner_), QKeySequence(Qt::Key_1));
    r.add(QStringLiteral("nav.next"), QStringLiteral("Navigation"),
          new QAction(QStringLiteral("Next"), &owner_), QKeySequence(Qt::Key_J));
    r.add(QStringLiteral("nav.prev"), QStringLiteral("Navigation"),
          new QAction(QStringLiteral("Prev"), &owner_), QKeySequence(Qt::Key_K));
  }

 private slots:
  void initTestCase() {
    qputenv("XDG_CONFIG_HOME", (qEnvironmentVariable("VS_TEST_TMP") + QStringLiteral("/config")).toUtf8());
    QSettings().clear();
  }

  void findsConflicts() {
    QHash<QString, QKeySequence> map{{QStringLiteral("a"), QKeySequence(Qt::Key_J)},
                                     {QStringLiteral("b"), QKeySequence(Qt::Key_J)},
                                     {QStringLiteral("c"), QKeySequence()},
                                     {QStringLiteral("d"), QKeySequence()}};
    const QList<ShortcutConflict> c = ActionRegistry::conflicts(map);
    QCOMPARE(c.size(), 1);
    QCOMPARE(c.front().firstId, QStringLiteral("a"));
    QCOMPARE(c.front().secondId, QStringLiteral("b"));
  }

  void applyRefusesConflicts() {
    ActionRegistry r;
    fill(r);
    QVERIFY(!r.apply({{QStringLiteral("nav.next"), QKeySequence(Qt::Key_K)}}).isEmpty());
    QCOMPARE(r.shortcut(QStringLiteral("nav.next")), QKeySequence(Qt::Key_J));
    // A swap is fine as one map.
    QVERIFY(r.apply({{QStringLiteral("nav.next"), QKeySequence(Qt::Key_K)},
                     {QStringLiteral("nav.prev"), QKeySequence(Qt::Key_J)}})
                .isEmpty());
    QCOMPARE(r.shortcut(QStringLiteral("nav.next")), QKeySequence(Qt::Key_K));
    QCOMPARE(r.action(QStringLiteral("nav.prev"))->shortcut(), QKeySequence(Qt::Key_J));
  }

  void savesAndLoadsOverrides() {
    {
      ActionRegistry r;
      fill(r);
      QVERIFY(r.apply({{QStringLiteral("score.1"), QKeySequence(Qt::Key_F1)}}).isEmpty());
      QSettings s;
      r.save(s);
    }
    ActionRegistry again;
    fill(again);
    QSettings s;
    QCOMPARE(s.value(QStringLiteral("shortcuts/score.1")).toString(), QStringLiteral("F1"));
    QVERIFY(!s.contains(QStringLiteral("shortcuts/nav.next")));  // defaults are not written
    // A hand-edited file that maps nav.prev onto nav.next's key is ignored for nav.prev.
    s.setValue(QStringLiteral("shortcuts/nav.prev"), QStringLiteral("J"));
    again.load(s);
    QCOMPARE(again.shortcut(QStringLiteral("score.1")), QKeySequence(Qt::Key_F1));
    QCOMPARE(again.shortcut(QStringLiteral("nav.prev")), QKeySequence(Qt::Key_K));
  }

  void dialogBlocksSavingConflicts() {
    ActionRegistry r;
    fill(r);
    SettingsDialog dialog(r);
    QVERIFY(dialog.canSave());
    dialog.setSequence(QStringLiteral("nav.prev"), QKeySequence(Qt::Key_J));
    QVERIFY(!dialog.canSave());
    QVERIFY(dialog.conflictText().contains(QStringLiteral("Next")));
    QVERIFY(dialog.conflictText().contains(QStringLiteral("Prev")));
    dialog.accept();
    QCOMPARE(r.shortcut(QStringLiteral("nav.prev")), QKeySequence(Qt::Key_K));  // unchanged
    dialog.setSequence(QStringLiteral("nav.prev"), QKeySequence(Qt::Key_L));
    QVERIFY(dialog.canSave());
    dialog.accept();
    QCOMPARE(r.shortcut(QStringLiteral("nav.prev")), QKeySequence(Qt::Key_L));
  }
};

QTEST_MAIN(TestActionRegistry)
#include "test_action_registry.moc"
