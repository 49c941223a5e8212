#pragma once
// What a whole-window test starts from, and keys sent the way a person types them: to the
// widget that has the focus.
#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QString>
#include <QTest>
#include <QWidget>

namespace vs::test {

// Empties `dir` (VS_TEST_TMP for these tests) and gives the test its own settings folder there,
// cleared; with `annotator`, the name the window records the person's edits under.
inline void startWorkstationTest(const QString& dir, const QString& annotator = {}) {
  QDir(dir).removeRecursively();
  QDir().mkpath(dir);
  qputenv("XDG_CONFIG_HOME", (dir + QStringLiteral("/config")).toUtf8());
  QSettings().clear();
  if (!annotator.isEmpty()) {
    QSettings().setValue(QStringLiteral("annotator/name"), annotator);
  }
}

// The widget with the focus; else `fallback`, else the active window.
inline QWidget* keyTarget(QWidget* fallback = nullptr) {
  if (QWidget* w = QApplication::focusWidget()) {
    return w;
  }
  return fallback ? fallback : QApplication::activeWindow();
}

// One key, with modifiers, to the focused widget.
inline void pressKey(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier, QWidget* fallback = nullptr) {
  QTest::keyClick(keyTarget(fallback), static_cast<Qt::Key>(key), modifiers);
}

// `text` typed key by key (Latin-1 characters) to the focused widget.
inline void typeText(const QString& text, QWidget* fallback = nullptr) {
  for (QChar c : text) {
    QTest::keyClick(keyTarget(fallback), c.toLatin1());
  }
}

}  // namespace vs::test
