// core/interop/project_export.cpp: a project's evaluations into the exchange formats, checked
// against the bytes Python's json and csv modules write (tests/data/interop/hard_text.expected.*,
// from make_expected.py); the filters it refuses; people's preferences.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include "core/domain/error.h"
#include "core/interop/item_reader.h"
#include "core/interop/project_export.h"
#include "core/store/store.h"

using namespace vs;
using namespace vs::interop;

namespace {

const QString kData = QStringLiteral(VS_TEST_DATA_DIR "/interop/");

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("cannot read ") + path.toUtf8();
}

}  // namespace

class TestProjectExport : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString project_;

  ExportRequest request(const char* format) {
    ExportRequest r;
    r.project = project_;
    r.format = QLatin1String(format);
    r.out = dir_.filePath(QStringLiteral("out.") + r.format);
    return r;
  }

  QString usage(const ExportRequest& r) {
    try {
      exportProject(r);
    } catch (const Error& e) {
      return e.kind() == Error::Kind::Usage ? e.full() : QStringLiteral("wrong kind");
    }
    return QStringLiteral("no error");
  }

 private slots:
  void initTestCase() {
    project_ = dir_.filePath(QStringLiteral("p.vsproj"));
    store::Store s(project_, store::OpenMode::CreateNew);
    store::ImportOptions options;
    options.annotator = QStringLiteral("default");
    s.importItems(readItems(kData + QStringLiteral("hard_text.json"), Format::Vf2Json), options);
  }

  void matchesPythonBytes() {
    for (const auto& [format, expected] :
         {std::pair{"vf2-json", "hard_text.expected.json"},
          std::pair{"vf2-jsonl", "hard_text.expected.jsonl"}, std::pair{"csv", "hard_text.expected.csv"}}) {
      const ExportRequest r = request(format);
      const qsizetype items =
          QJsonDocument::fromJson(readAll(kData + QStringLiteral("hard_text.expected.json"))).array().size();
      QCOMPARE(exportProject(r),
               QStringLiteral("exported %1 items to %2 (%3)\n").arg(items).arg(r.out, r.format));
      QCOMPARE(readAll(r.out), readAll(kData + QLatin1String(expected)));
    }
  }

  void refusedFilters() {
    QCOMPARE(usage(request("xml")), QStringLiteral("unknown export format 'xml'"));
    ExportRequest origin = request("csv");
    origin.origin = QStringLiteral("robot");
    QCOMPARE(usage(origin), QStringLiteral("unknown origin 'robot'"));
    ExportRequest nobody = request("pairs");
    nobody.annotator = QStringLiteral("nobody");
    QCOMPARE(usage(nobody), project_ + QStringLiteral(": no annotator named \"nobody\""));
    nobody.format = QStringLiteral("csv");
    QCOMPARE(usage(nobody), project_ + QStringLiteral(": no annotator named \"nobody\""));
    QCOMPARE(usage(request("predictions")), project_ + QStringLiteral(": no model annotator"));
    ExportRequest named = request("predictions");
    named.model = QStringLiteral("default");  // a person, not a model
    QCOMPARE(usage(named), project_ + QStringLiteral(": no model annotator named \"default\""));
  }

  void preferences() {
    const ExportRequest r = request("pairs");
    QCOMPARE(exportProject(r), QStringLiteral("exported 0 preferences to %1 (pairs)\n").arg(r.out));
    QJsonParseError error{};
    QJsonDocument::fromJson(readAll(r.out), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
  }
};

QTEST_GUILESS_MAIN(TestProjectExport)
#include "test_project_export.moc"
