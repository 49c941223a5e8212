// videoscore-studio's command line: --screenshot on a generated project writes a PNG of the
// whole window with the video in it and exits 0; bad arguments exit 2, a missing project 1.
#include <QImage>
#include <QProcess>
#include <QTest>

#include "ui/project/demo_project.h"

class TestStudioCli : public QObject {
  Q_OBJECT
 private:
  QString tmp_ = qEnvironmentVariable("VS_TEST_TMP");
  int run(const QStringList& args, QByteArray* err = nullptr) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), tmp_ + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), tmp_ + QStringLiteral("/data"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(VS_STUDIO), args);
    if (!p.waitForFinished(90000)) {
      p.kill();
      return -1;
    }
    if (err) {
      *err = p.readAllStandardError();
    }
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
  }

 private slots:
  void initTestCase() {
    QDir(tmp_).removeRecursively();
    QDir().mkpath(tmp_);
  }

  void screenshotContainsTheVideo() {
    vs::ui::DemoSpec spec;
    spec.prompts = 1;  // the red ball on a blue floor, four generators
    spec.durationS = 1;
    const vs::ui::DemoResult demo = vs::ui::DemoProject::build(tmp_ + QStringLiteral("/demo"), spec);
    QCOMPARE(demo.videos, 4);
    const QString png = tmp_ + QStringLiteral("/shot.png");
    QByteArray err;
    QCOMPARE(run({demo.projectPath, QStringLiteral("--screenshot"), png}, &err), 0);
    QImage image(png);
    QVERIFY2(!image.isNull(), err.constData());
    QVERIFY(image.width() >= 1000);
    // The ball is pure red in the sharp clip; nothing else in the window is.
    int red = 0;
    for (int y = 0; y < image.height(); ++y) {
      for (int x = 0; x < image.width(); ++x) {
        const QColor c = image.pixelColor(x, y);
        red += (c.red() > 200 && c.green() < 60 && c.blue() < 60) ? 1 : 0;
      }
    }
    QVERIFY2(red > 200, qPrintable(QString::number(red)));
  }

  void badArguments() {
    QByteArray err;
    QCOMPARE(run({QStringLiteral("--lang"), QStringLiteral("xx"), QStringLiteral("--screenshot"),
                  tmp_ + QStringLiteral("/x.png")},
                 &err),
             2);
    QVERIFY(err.contains("--lang"));
    QCOMPARE(run({tmp_ + QStringLiteral("/nothing.vsproj"), QStringLiteral("--screenshot"),
                  tmp_ + QStringLiteral("/y.png")},
                 &err),
             1);
    QVERIFY(err.contains("nothing.vsproj"));
  }
};

QTEST_MAIN(TestStudioCli)
#include "test_studio_cli.moc"
