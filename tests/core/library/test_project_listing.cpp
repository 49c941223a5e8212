// core/library/project_listing.cpp: `vscore list` text and JSON of a project store (expected text
// written out by hand).
#include <QTemporaryDir>
#include <QtTest>

#include "core/library/project_listing.h"
#include "core/store/store.h"

using namespace vs;
using namespace vs::library;

class TestProjectListing : public QObject {
  Q_OBJECT
 private slots:
  void textAndJson() {
    QTemporaryDir dir;
    store::Store s(dir.filePath(QStringLiteral("p.vsproj")), store::OpenMode::CreateNew);
    Video v;
    v.name = QStringLiteral("clip");
    v.generator = QStringLiteral("sora");
    v.promptId = s.addPrompt(
        QStringLiteral("a cat\non a mat that is long enough to be cut short by the listing's rule"));
    Evaluation e;
    e.videoId = s.addVideo(v);
    e.annotatorId = s.addAnnotator(QStringLiteral("ana"), AnnotatorKind::Human);
    e.scores[Dimension::Visual] = 4;
    e.scores[Dimension::Phy] = 2;
    s.upsertEvaluation(e);
    QCOMPARE(projectListingText(s),
             QStringLiteral(
                 "clip\ta cat on a mat that is long enough to be cut short by the...\tana 4/-/2 (human)\n"));
    const QJsonArray json = projectListingJson(s);
    QCOMPARE(json.size(), 1);
    const QJsonObject item = json.at(0).toObject();
    QCOMPARE(item.value(QStringLiteral("generator")).toString(), QStringLiteral("sora"));
    QVERIFY(item.value(QStringLiteral("path")).isNull());
    QCOMPARE(item.value(QStringLiteral("status")).toString(), QStringLiteral("missing"));
    const QJsonObject evaluation = item.value(QStringLiteral("evaluations")).toArray().at(0).toObject();
    QCOMPARE(evaluation.value(QStringLiteral("visual_score")).toDouble(), 4.0);
    QVERIFY(evaluation.value(QStringLiteral("t2v_score")).isNull());
    QCOMPARE(evaluation.value(QStringLiteral("origin")).toString(), QStringLiteral("human"));
  }
};

QTEST_GUILESS_MAIN(TestProjectListing)
#include "test_project_listing.moc"
