// core/store/store.cpp: project file lifecycle, migration, edits with history, queries, bulk.
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include "core/domain/error.h"
#include "core/store/store.h"
#include "store_backend.h"

using namespace vs;
using vs::store::OpenMode;
using vs::store::Store;

namespace {

vs::test::StoreBackend g_backend;

QVariant sql(const QString& project, const QString& statement, bool* ok = nullptr) {
  return g_backend.sql(project, statement, ok);
}

FeedbackItem item(const char* name, const char* prompt, double v, double t, double p) {
  FeedbackItem it;
  it.videoName = name;
  it.prompt = prompt;
  it.scores.value = {v, t, p};
  return it;
}

}  // namespace

class TestStore : public QObject {
  Q_OBJECT
  QDir tmp_;

  QString fresh() { return g_backend.fresh(QStringLiteral("s")); }

 private slots:
  void initTestCase() {
    const QString scratch =
        qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vs_store"));
    QDir(scratch).removeRecursively();
    QVERIFY(QDir().mkpath(scratch));
    tmp_ = QDir(scratch);
    QString whyNot;
    if (!g_backend.init(tmp_, &whyNot))
      QSKIP(qPrintable(whyNot));
  }

  void createSetsPragmas() {
    if (g_backend.postgres())
      QSKIP("SQLite file only");
    const QString path = fresh();
    {
      Store s(path, OpenMode::CreateNew);
      QCOMPARE(s.schemaVersion(), Store::kSchemaVersion);
    }
    QCOMPARE(sql(path, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(sql(path, QStringLiteral("PRAGMA user_version")).toInt(), Store::kSchemaVersion);
    QCOMPARE(sql(path, QStringLiteral("PRAGMA application_id")).toInt(), 0x56535031);
    QVERIFY_THROWS_EXCEPTION(vs::Error, Store(path, OpenMode::CreateNew));
    QVERIFY_THROWS_EXCEPTION(vs::Error,
                             Store(tmp_.filePath(QStringLiteral("missing.vsproj")), OpenMode::OpenExisting));
    Store again(path, OpenMode::OpenExisting);
    QCOMPARE(again.schemaVersion(), Store::kSchemaVersion);
  }

  void newerSchemaIsRefused() {
    const QString path = fresh();
    { Store s(path, OpenMode::CreateNew); }
    sql(path, g_backend.postgres()
                  ? QStringLiteral("UPDATE vs_meta SET value = '%1' WHERE key = 'schema_version'")
                        .arg(Store::kSchemaVersion + 1)
                  : QStringLiteral("PRAGMA user_version = %1").arg(Store::kSchemaVersion + 1));
    try {
      Store s(path);
      QFAIL("opened a newer schema");
    } catch (const vs::Error& e) {
      QCOMPARE(e.kind(), vs::Error::Kind::Io);
      QVERIFY2(
          e.message().contains(QStringLiteral("schema version %1 is newer than this program supports (%2)")
                                   .arg(Store::kSchemaVersion + 1)
                                   .arg(Store::kSchemaVersion)),
          qPrintable(e.message()));
    }
  }

  void migratesVersion1() {
    if (g_backend.postgres())
      QSKIP("SQLite file only");
    const QString path = fresh();
    QFile fixture(QStringLiteral(VS_TEST_DATA_DIR "/store/project_v1.sql"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(fixture.readAll());
    {
      QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
      db.setDatabaseName(path);
      QVERIFY(db.open());
      QSqlQuery q(db);
      QString statement;
      for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("--")))
          continue;
        statement += line + QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
          QVERIFY2(q.exec(statement), qPrintable(q.lastError().text() + statement));
          statement.clear();
        }
      }
      db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    QCOMPARE(sql(path, QStringLiteral("PRAGMA user_version")).toInt(), 1);

    Store s(path);
    QCOMPARE(s.schemaVersion(), Store::kSchemaVersion);
    QCOMPARE(sql(path, QStringLiteral("PRAGMA user_version")).toInt(), Store::kSchemaVersion);
    const auto cat = s.findVideoByName(QStringLiteral("cat_01"));
    QVERIFY(cat);
    QCOMPARE(cat->generator, QStringLiteral("gen-a"));
    QCOMPARE(cat->batch, QString());
    const auto alice = s.findAnnotator(QStringLiteral("alice"));
    QVERIFY(alice);
    const auto e = s.findEvaluation(cat->id, alice->id);
    QVERIFY(e);
    // The JSON rationale of version 1 is split into the per-dimension texts.
    QCOMPARE(e->rationale[0], QStringLiteral("sharp"));
    QCOMPARE(e->rationale[1], QStringLiteral("no rain visible"));
    QCOMPARE(e->rationale[2], QStringLiteral("猫 walks fine"));
    QCOMPARE(e->timeSpentMs, qint64(61000));
    QCOMPARE(e->scores.value[0].value_or(0), 4.0);
    // Invalid JSON in version 1 leaves empty rationales, the rest intact.
    const auto model = s.findEvaluation(cat->id, s.findAnnotator(QStringLiteral("VideoScore2"))->id);
    QVERIFY(model);
    QCOMPARE(model->rationale[0], QString());
    QCOMPARE(model->scores.value[0].value_or(0), 3.8721);
    QCOMPARE(model->settingsJson, QStringLiteral("{\"fps\": 2.0}"));
    // Old history survives; new edits are recorded by the version 2 triggers.
    QCOMPARE(s.history(e->id).size(), 1);
    s.editField(e->id, EvaluationField::PhyScore, 4);
    const auto h = s.history(e->id);
    QCOMPARE(h.size(), 2);
    QCOMPARE(h[1].field, QStringLiteral("phy"));
    QCOMPARE(h[1].oldValue.toDouble(), 5.0);
    QCOMPARE(h[1].newValue.toDouble(), 4.0);
    QCOMPARE(sql(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
  }

  void promptsVideosAnnotators() {
    Store s(fresh(), OpenMode::CreateNew);
    const qint64 p1 = s.addPrompt(QStringLiteral("a dog"));
    QCOMPARE(s.addPrompt(QStringLiteral("a dog")), p1);
    QVERIFY(s.addPrompt(QStringLiteral("a cat")) != p1);
    QCOMPARE(s.findPrompt(p1)->text, QStringLiteral("a dog"));
    Video v;
    v.name = QStringLiteral("dog_01");
    v.promptId = p1;
    v.path = QStringLiteral("videos/dog_01.mp4");
    const qint64 id = s.addVideo(v);
    v.generator = QStringLiteral("gen-x");
    QCOMPARE(s.addVideo(v), id);  // same name: updated
    QCOMPARE(s.findVideo(id)->generator, QStringLiteral("gen-x"));
    QCOMPARE(s.findVideoByName(QStringLiteral("dog_01"))->path, QStringLiteral("videos/dog_01.mp4"));
    QVERIFY(!s.findVideoByName(QStringLiteral("nope")));
    const qint64 a = s.addAnnotator(QStringLiteral("bob"), AnnotatorKind::Human);
    QCOMPARE(s.addAnnotator(QStringLiteral("bob"), AnnotatorKind::Human), a);
    QVERIFY_THROWS_EXCEPTION(vs::Error, s.addAnnotator(QStringLiteral("bob"), AnnotatorKind::Model));
    QCOMPARE(s.annotators().size(), 1);
  }

  void evaluationRules() {
    Store s(fresh(), OpenMode::CreateNew);
    Video v;
    v.name = QStringLiteral("v");
    const qint64 video = s.addVideo(v);
    const qint64 person = s.addAnnotator(QStringLiteral("ann"), AnnotatorKind::Human);
    const qint64 model = s.addAnnotator(QStringLiteral("VideoScore2"), AnnotatorKind::Model);
    Evaluation e;
    e.videoId = video;
    e.annotatorId = person;
    e.scores.value = {4.0, 3.0, 5.0};
    e.rationale[1] = QStringLiteral("prompt says two cats");
    e.extra = {{"z", "1"}, {"a", "\"x\""}};
    const qint64 id = s.upsertEvaluation(e);
    auto back = s.findEvaluation(id);
    QVERIFY(back);
    QCOMPARE(back->rationale[1], QStringLiteral("prompt says two cats"));
    QCOMPARE(back->extra.size(), size_t(2));
    QCOMPARE(back->extra[0].key, QByteArray("z"));  // order kept
    QCOMPARE(back->extra[1].jsonValue, QByteArray("\"x\""));
    QVERIFY(back->created.isValid());
    // People give integers; models may give soft scores; nobody gives 0 or 6.
    e.scores.value[0] = 3.5;
    QVERIFY_THROWS_EXCEPTION(vs::Error, s.upsertEvaluation(e));
    e.annotatorId = model;
    e.origin = Origin::Model;
    e.modelId = QStringLiteral("TIGER-Lab/VideoScore2");
    e.settingsJson = QStringLiteral("{\"fps\":2}");
    const qint64 modelEval = s.upsertEvaluation(e);
    QCOMPARE(s.findEvaluation(modelEval)->scores.value[0].value_or(0), 3.5);
    e.scores.value[0] = 6.0;
    QVERIFY_THROWS_EXCEPTION(vs::Error, s.upsertEvaluation(e));
    e.videoId = 999;  // foreign keys are on
    e.scores.value[0] = 3.0;
    QVERIFY_THROWS_EXCEPTION(vs::Error, s.upsertEvaluation(e));
    QCOMPARE(s.evaluationsForVideo(video).size(), 2);
  }

  void editsCommitWithHistory() {
    const QString path = fresh();
    Store s(path, OpenMode::CreateNew);
    Video v;
    v.name = QStringLiteral("v");
    const qint64 video = s.addVideo(v);
    Evaluation e;
    e.videoId = video;
    e.annotatorId = s.addAnnotator(QStringLiteral("ann"), AnnotatorKind::Human);
    e.scores.value = {4.0, 3.0, 5.0};
    e.origin = Origin::ModelAccepted;
    const qint64 id = s.upsertEvaluation(e);
    QCOMPARE(s.history(id).size(), 0);

    s.editField(id, EvaluationField::VisualScore, 2);
    s.editField(id, EvaluationField::Origin, QStringLiteral("model-edited"));
    s.editField(id, EvaluationField::Thinking, QStringLiteral("blur in frame 3"));
    s.editField(id, EvaluationField::VisualScore, 2);        // unchanged: no history row
    s.editField(id, EvaluationField::PhyScore, QVariant());  // cleared
    // Visible to another connection at once (committed, no save step).
    QCOMPARE(sql(path, QStringLiteral("SELECT visual FROM evaluations WHERE id = %1").arg(id)).toDouble(),
             2.0);
    const auto h = s.history(id);
    QCOMPARE(h.size(), 4);
    QCOMPARE(h[0].field, QStringLiteral("visual"));
    QCOMPARE(h[0].oldValue.toDouble(), 4.0);
    QCOMPARE(h[0].newValue.toDouble(), 2.0);
    QCOMPARE(h[0].origin, QStringLiteral("model-accepted"));
    QCOMPARE(h[1].field, QStringLiteral("origin"));
    QCOMPARE(h[1].newValue.toString(), QStringLiteral("model-edited"));
    QCOMPARE(h[2].newValue.toString(), QStringLiteral("blur in frame 3"));
    QCOMPARE(h[3].field, QStringLiteral("phy"));
    QVERIFY(h[3].newValue.isNull());
    const auto back = s.findEvaluation(id);
    QCOMPARE(back->origin, Origin::ModelEdited);
    QVERIFY(!back->scores.value[2]);

    // Rejected edits change nothing.
    QVERIFY_THROWS_EXCEPTION(vs::Error, s.editField(id, EvaluationField::T2VScore, 7));
    QVERIFY_THROWS_EXCEPTION(vs::Error, s.editField(id, EvaluationField::T2VScore, 2.5));
    QVERIFY_THROWS_EXCEPTION(vs::Error, s.editField(id, EvaluationField::Origin, QStringLiteral("robot")));
    QVERIFY_THROWS_EXCEPTION(vs::Error, s.editField(4242, EvaluationField::Thinking, QStringLiteral("x")));
    QCOMPARE(s.findEvaluation(id)->scores.value[1].value_or(0), 3.0);
    QCOMPARE(s.history(id).size(), 4);
  }

  void historyIsAppendOnly() {
    const QString path = fresh();
    {
      Store s(path, OpenMode::CreateNew);
      Video v;
      v.name = QStringLiteral("v");
      Evaluation e;
      e.videoId = s.addVideo(v);
      e.annotatorId = s.addAnnotator(QStringLiteral("ann"), AnnotatorKind::Human);
      e.scores.value = {1.0, 1.0, 1.0};
      s.editField(s.upsertEvaluation(e), EvaluationField::VisualScore, 5);
    }
    bool ok = true;
    sql(path, QStringLiteral("UPDATE history SET new_value = 1"), &ok);
    QVERIFY(!ok);
    sql(path, QStringLiteral("DELETE FROM history"), &ok);
    QVERIFY(!ok);
    QCOMPARE(sql(path, QStringLiteral("SELECT count(*) FROM history")).toInt(), 1);
  }

  void busyWriterFailsClearly() {
    if (g_backend.postgres())
      QSKIP("SQLite file only");
    const QString path = fresh();
    Store s(path, OpenMode::CreateNew, 100);
    {
      QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
      db.setDatabaseName(path);
      QVERIFY(db.open());
      QSqlQuery q(db);
      QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
      try {
        s.addPrompt(QStringLiteral("x"));
        QFAIL("wrote while another connection held the write lock");
      } catch (const vs::Error& e) {
        QCOMPARE(e.kind(), vs::Error::Kind::Io);
        QVERIFY2(e.message().contains(QStringLiteral("busy")), qPrintable(e.message()));
      }
      // Reads still work while the other writer holds its lock (WAL).
      QCOMPARE(s.stats().prompts, qint64(0));
      QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
      db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    QVERIFY(s.addPrompt(QStringLiteral("x")) > 0);
  }

  // Label Studio items name their own annotator: each gets its own evaluation, a model's with
  // origin "model", and the options' annotator is only created for items that name nobody.
  void bulkImportItemAnnotatorsOverrideOptions() {
    Store s(fresh(), OpenMode::CreateNew);
    std::vector<FeedbackItem> items{item("a", "p", 4, 3, 5), item("a", "p", 2, 2, 3),
                                    item("a", "p", 3.5, 4, 4)};
    items[0].annotator = "ana@lab.example";
    items[1].annotator = "ls-user-7";
    items[2].annotator = "VideoScore2-rev7";
    items[2].annotatorKind = AnnotatorKind::Model;
    store::ImportOptions options;
    options.annotator = QStringLiteral("default");
    auto r = s.importItems(items, options);
    QCOMPARE(r.evaluationsCreated, qint64(3));
    QVERIFY(!s.findAnnotator(QStringLiteral("default")));
    QCOMPARE(s.findAnnotator(QStringLiteral("VideoScore2-rev7"))->kind, AnnotatorKind::Model);
    const qint64 video = s.findVideoByName(QStringLiteral("a"))->id;
    const auto model = s.findEvaluation(video, s.findAnnotator(QStringLiteral("VideoScore2-rev7"))->id);
    QVERIFY(model);
    QCOMPARE(model->origin, Origin::Model);
    QCOMPARE(model->modelId, QStringLiteral("VideoScore2-rev7"));

    std::vector<FeedbackItem> out;
    s.exportItems({}, [&](const FeedbackItem& it) { out.push_back(it); });
    QCOMPARE(out.size(), size_t(3));
    QCOMPARE(out[0].annotator, QByteArray("ana@lab.example"));
    QCOMPARE(out[1].annotator, QByteArray("ls-user-7"));
    QCOMPARE(out[2].annotator, QByteArray("VideoScore2-rev7"));
    QCOMPARE(out[2].annotatorKind, AnnotatorKind::Model);
    QCOMPARE(out[1].scores, items[1].scores);

    // An item naming nobody falls back to the options' annotator.
    r = s.importItems({item("b", "p", 1, 1, 1)}, options);
    QCOMPARE(s.findAnnotator(QStringLiteral("default"))->kind, AnnotatorKind::Human);
  }

  void bulkImportExportAndQueries() {
    Store s(fresh(), OpenMode::CreateNew);
    std::vector<FeedbackItem> items{item("a", "p1", 1, 2, 3), item("b", "p1", 5, 5, 4.5),
                                    item("c", "p2", 3, 3, 3)};
    items[0].extra = {{"k2", "[1,2]"}, {"k1", "null"}};
    items[0].thinking = "why";
    items[1].rationale[2] = "floaty";
    store::ImportOptions options;
    options.annotator = QStringLiteral("ann");
    auto r = s.importItems(items, options);
    QCOMPARE(r.evaluationsCreated, qint64(3));
    QCOMPARE(r.videosCreated, qint64(3));
    const auto st = s.stats();
    QCOMPARE(st.prompts, qint64(2));
    QCOMPARE(st.videos, qint64(3));
    QCOMPARE(st.evaluations, qint64(3));
    QCOMPARE(st.annotators, qint64(1));
    QCOMPARE(st.histogram[0][0], qint64(1));  // visual 1
    QCOMPARE(st.histogram[0][4], qint64(1));  // visual 5
    QCOMPARE(st.histogram[0][2], qint64(1));  // visual 3

    std::vector<FeedbackItem> out;
    s.exportItems({}, [&](const FeedbackItem& it) { out.push_back(it); });
    QCOMPARE(out.size(), size_t(3));
    QCOMPARE(out[0].videoName, QByteArray("a"));
    QCOMPARE(out[0].prompt, QByteArray("p1"));
    QCOMPARE(out[0].thinking, QByteArray("why"));
    QCOMPARE(out[0].extra, items[0].extra);
    QCOMPARE(out[1].scores, items[1].scores);
    QCOMPARE(out[1].rationale[2], QByteArray("floaty"));

    // Re-import updates; a bad item rolls the whole file back.
    items[2].scores.value[0] = 1.0;
    r = s.importItems({items[2]}, options);
    QCOMPARE(r.evaluationsUpdated, qint64(1));
    std::vector<FeedbackItem> bad{item("d", "p3", 1, 1, 1), item("e", "p3", 1, 9, 1)};
    QVERIFY_THROWS_EXCEPTION(vs::Error, s.importItems(bad, options));
    QCOMPARE(s.stats().videos, qint64(3));
    QCOMPARE(s.stats().prompts, qint64(2));

    // Queue: every video with all of its evaluations; filter on who has not judged yet.
    const qint64 other = s.addAnnotator(QStringLiteral("other"), AnnotatorKind::Human);
    Evaluation e;
    e.videoId = s.findVideoByName(QStringLiteral("b"))->id;
    e.annotatorId = other;
    e.scores.value = {2.0, 2.0, 2.0};
    s.upsertEvaluation(e);
    const auto all = s.listItems();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all[1].video.name, QStringLiteral("b"));
    QCOMPARE(all[1].promptText, QStringLiteral("p1"));
    QCOMPARE(all[1].evaluations.size(), 2);
    store::ItemFilter todo;
    todo.annotatorId = other;
    todo.evaluated = store::ItemFilter::Evaluated::No;
    const auto pending = s.listItems(todo);
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending[0].video.name, QStringLiteral("a"));
    QCOMPARE(pending[1].video.name, QStringLiteral("c"));
    todo.limit = 1;
    todo.offset = 1;
    QCOMPARE(s.listItems(todo).at(0).video.name, QStringLiteral("c"));
    store::ExportFilter byOther;
    byOther.annotator = QStringLiteral("other");
    int n = 0;
    s.exportItems(byOther, [&](const FeedbackItem&) { ++n; });
    QCOMPARE(n, 1);
  }
};

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
