// core/interop/project_import.cpp: data files into a project store, all or nothing: items and
// people's preferences, the default annotators, the summary line, each refusal with its error
// kind, and a rejected file leaving the project as it was.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include "core/domain/error.h"
#include "core/interop/project_import.h"
#include "core/store/store.h"

using namespace vs;
using namespace vs::interop;

namespace {

QString data(const char* path) {
  return QStringLiteral(VS_TEST_DATA_DIR "/") + QLatin1String(path);
}

// Items in a JSON array file, counted by Qt's own reader.
qsizetype itemCount(const QString& path) {
  QFile f(path);
  f.open(QIODevice::ReadOnly);
  return QJsonDocument::fromJson(f.readAll()).array().size();
}

}  // namespace

class TestProjectImport : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  ImportRequest request(const QString& project, const QString& file) {
    ImportRequest r;
    r.project = project;
    r.file = file;
    return r;
  }

  QString write(const char* name, const QByteArray& bytes) {
    QFile f(dir_.filePath(QLatin1String(name)));
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return f.fileName();
  }

  std::pair<Error::Kind, QString> refusal(const ImportRequest& r) {
    try {
      importFile(r);
    } catch (const Error& e) {
      return {e.kind(), e.full()};
    }
    return {Error::Kind::Io, QStringLiteral("no error")};
  }

 private slots:
  void itemsAndPredictions() {
    const QString project = dir_.filePath(QStringLiteral("items.vsproj"));
    store::Store(project, store::OpenMode::CreateNew);
    ImportRequest r = request(project, data("analysis/annotator_1.json"));
    qint64 calls = 0;
    r.progress = [&](qint64, qint64) { ++calls; };
    const ImportReport first = importFile(r);
    const qsizetype n = itemCount(r.file);
    QCOMPARE(first.summary,
             QStringLiteral("imported %1 items from %2 (vf2-json): %1 evaluations created, 0 updated\n")
                 .arg(n)
                 .arg(r.file));
    QVERIFY(first.timings.startsWith(QStringLiteral("read ")));
    QVERIFY(first.timings.contains(QStringLiteral(", parse and write ")));
    QCOMPARE(calls, qint64(0));  // fewer than 1024 items
    QCOMPARE(importFile(r).summary,
             QStringLiteral("imported %1 items from %2 (vf2-json): 0 evaluations created, %1 updated\n")
                 .arg(n)
                 .arg(r.file));
    ImportRequest predictions = request(project, data("analysis/predictions_int.json"));
    predictions.afterWrite = [](store::Store&) { return QStringLiteral("never: no folders"); };
    QVERIFY(importFile(predictions).summary.contains(QStringLiteral("(predictions)")));
    const store::Store s(project, store::OpenMode::OpenExisting);
    QVERIFY(s.findAnnotator(QStringLiteral("default")));
    QVERIFY(s.findAnnotator(QStringLiteral("gt")));
    QCOMPARE(s.findAnnotator(QStringLiteral("VideoScore2"))->kind, AnnotatorKind::Model);
  }

  void afterWriteRunsWithFolders() {
    const QString project = dir_.filePath(QStringLiteral("folders.vsproj"));
    store::Store(project, store::OpenMode::CreateNew);
    ImportRequest r = request(project, data("analysis/annotator_2.json"));
    r.videoFolders = {dir_.path()};
    r.afterWrite = [](store::Store& s) { return QStringLiteral("; %1 videos").arg(s.stats().videos); };
    QVERIFY(importFile(r).summary.endsWith(QStringLiteral("0 updated; %1 videos\n").arg(itemCount(r.file))));
    QVERIFY(importFile(r).timings.contains(QStringLiteral("find videos")));
  }

  void preferences() {
    const QString project = dir_.filePath(QStringLiteral("prefs.vsproj"));
    store::Store(project, store::OpenMode::CreateNew);
    ImportRequest r = request(project, data("interop/labelstudio_pairwise.json"));
    r.annotator = QStringLiteral("zed");
    const ImportReport report = importFile(r);
    QVERIFY2(report.summary.startsWith(QStringLiteral("imported ")), qPrintable(report.summary));
    QVERIFY(
        report.summary.contains(QStringLiteral(" preferences from %1 (labelstudio-pairwise): ").arg(r.file)));
    QVERIFY(report.timings.isEmpty());
    r.busyTimeoutMs = -1;
    QCOMPARE(refusal(r),
             std::pair(Error::Kind::Usage, QStringLiteral("--busy-timeout-ms needs a number >= 0")));
  }

  void refusals() {
    const QString project = dir_.filePath(QStringLiteral("refused.vsproj"));
    const QString missing = dir_.filePath(QStringLiteral("missing.json"));
    QCOMPARE(refusal(request(project, missing)),
             std::pair(Error::Kind::InvalidData, missing + QStringLiteral(": no such file")));
    const QString items = data("analysis/annotator_1.json");
    QCOMPARE(refusal(request(project, items)),
             std::pair(Error::Kind::Io,
                       project + QStringLiteral(": no such project file (create it with vscore init)")));
    store::Store(project, store::OpenMode::CreateNew);
    ImportRequest named = request(project, items);
    named.format = QStringLiteral("xml");
    QCOMPARE(refusal(named), std::pair(Error::Kind::Usage, QStringLiteral("unknown import format 'xml'")));
    const QString empty = write("empty.json", "  \n");
    QCOMPARE(refusal(request(project, empty)),
             std::pair(Error::Kind::InvalidData, empty + QStringLiteral(": file is empty")));
    const QString none = write("none.json", "[]");
    QCOMPARE(refusal(request(project, none)),
             std::pair(Error::Kind::InvalidData,
                       none + QStringLiteral(": nothing to import (the file holds no items)")));
    ImportRequest folders = request(project, items);
    folders.videoFolders = {missing};
    QCOMPARE(refusal(folders), std::pair(Error::Kind::Io, missing + QStringLiteral(": not a folder")));
    // A bad item after good ones rolls everything back.
    const QString late = write("late.json", R"([{"video_name": "a", "prompt": "p", "visual_score": 3},
                                                {"video_name": "b", "prompt": "p", "visual_score": 9}])");
    QCOMPARE(refusal(request(project, late)).first, Error::Kind::InvalidData);
    QCOMPARE(store::Store(project, store::OpenMode::OpenExisting).stats().videos, qint64(0));
  }
};

QTEST_GUILESS_MAIN(TestProjectImport)
#include "test_project_import.moc"
