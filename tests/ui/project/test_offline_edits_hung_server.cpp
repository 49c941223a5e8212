// OfflineEdits (ui/project/offline_edits.h) against a server that takes connections and never
// answers: the window's thread keeps running while edits wait (the journal is sent only once a
// probe off that thread finds the server answering), and the edits are sent when it is back.
// The "server" is tests/support/hung_server.h.
#include <QDir>
#include <QtTest>
#include <memory>

#include "core/domain/video.h"
#include "core/store/evaluation_edit.h"
#include "core/store/store.h"
#include "hung_server.h"
#include "pg_cluster.h"
#include "ui/project/offline_edits.h"

using vs::store::Store;

class TestOfflineEditsHungServer : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QString whyNot;
    cluster_ = vs::test::PgCluster::start(&whyNot);
    if (!cluster_)
      QSKIP(qPrintable(whyNot));
    scratch_ = QDir::tempPath() + QStringLiteral("/test_offline_edits_hung_server");
    QDir(scratch_).removeRecursively();
    QVERIFY(QDir().mkpath(scratch_));
  }

  void windowRunsWhileTheServerHangs() {
    Store store(cluster_->createDatabase(), vs::store::OpenMode::CreateNew);
    vs::Video v;
    v.promptId = store.addPrompt(QStringLiteral("a red kite over a beach"));
    v.name = QStringLiteral("kite.mp4");
    const qint64 video = store.addVideo(v);
    const qint64 ana = store.addAnnotator(QStringLiteral("ana"), vs::AnnotatorKind::Human);

    vs::ui::OfflineEdits offline(store, QStringLiteral("ana"), scratch_ + QStringLiteral("/journal.sqlite"));
    offline.setRetryInterval(100);

    // The server goes, and something that never answers takes its socket.
    vs::test::HungServer hung(*cluster_);
    QVERIFY2(hung.hang(), qPrintable(hung.error()));
    vs::store::EvaluationEdit edit;
    edit.videoId = video;
    edit.annotator = QStringLiteral("ana");
    edit.fields.emplace_back(vs::EvaluationField::VisualScore, 4.0);
    offline.connectionLost();
    offline.keep(edit);
    QCOMPARE(offline.waiting(), 1);

    // Six seconds of retries. A reconnect on this thread would hold it for the store's 10 s
    // connect timeout; with the probe elsewhere, the event loop keeps turning.
    const qint64 longestStop = vs::test::longestStopDuring(6000);
    qInfo("longest stop of this thread while the server hung: %lld ms", longestStop);
    QVERIFY2(longestStop < 2000, "the window's thread stood still while the server hung");
    QCOMPARE(offline.waiting(), 1);

    // The real server is back: the kept edit is sent.
    QVERIFY(hung.answerAgain());
    QTRY_COMPARE_WITH_TIMEOUT(offline.waiting(), 0, 30000);
    const auto evaluation = store.findEvaluation(video, ana);
    QVERIFY(evaluation.has_value());
    QCOMPARE(evaluation->scores.value[0], std::optional<double>(4.0));
  }

 private:
  std::unique_ptr<vs::test::PgCluster> cluster_;
  QString scratch_;
};

QTEST_MAIN(TestOfflineEditsHungServer)
#include "test_offline_edits_hung_server.moc"
