// The Chinese catalogue is complete and loads: every message of videoscore_zh_CN.ts has a
// translation, the compiled .qm loads, and the window then shows Chinese text.
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include "ui/window/main_window.h"

class TestTranslations : public QObject {
  Q_OBJECT
 private slots:
  void catalogueIsComplete() {
    QFile ts(QStringLiteral(VS_SOURCE_DIR "/translations/videoscore_zh_CN.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    int messages = 0;
    QStringList unfinished;
    QString source;
    while (!xml.atEnd()) {
      xml.readNext();
      if (!xml.isStartElement()) {
        continue;
      }
      if (xml.name() == QLatin1String("source")) {
        source = xml.readElementText();
      } else if (xml.name() == QLatin1String("translation")) {
        ++messages;
        const bool open = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
        if (open || xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed().isEmpty()) {
          unfinished << source;
        }
      }
    }
    QVERIFY(!xml.hasError());
    QVERIFY2(messages > 150, qPrintable(QString::number(messages)));
    QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(QStringLiteral(" | "))));
  }

  void windowShowsChinese() {
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(VS_QM_DIR "/videoscore_zh_CN.qm")));
    QVERIFY(QApplication::installTranslator(&zh));
    {
      vs::ui::MainWindow w;
      auto* tabs = w.findChild<QTabWidget*>(QStringLiteral("centreTabs"));
      QVERIFY(tabs);
      QCOMPARE(tabs->tabText(0), QString::fromUtf8("评判"));
      QCOMPARE(tabs->tabText(1), QString::fromUtf8("审核"));
      QCOMPARE(tabs->tabText(2), QString::fromUtf8("比较"));  // preference mode
      auto* question = w.findChild<QLabel*>(QStringLiteral("preferencePrompt"));
      QVERIFY(question);
      QCOMPARE(question->text(), QString::fromUtf8("请打开项目以比较其中的视频。"));
    }
    QApplication::removeTranslator(&zh);
    vs::ui::MainWindow english;
    QCOMPARE(english.findChild<QTabWidget*>(QStringLiteral("centreTabs"))->tabText(0),
             QStringLiteral("Judge"));
  }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
