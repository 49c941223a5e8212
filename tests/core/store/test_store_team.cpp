// core/store/store_team.cpp and store_copy.cpp: leases (k people per video, renewal, expiry,
// release), the project settings (judgements per video, the preference mode's options),
// versioned shared records, and whole-project copies between the two backends. Runs on
// either backend (VS_TEST_BACKEND); the copy round trip needs PostgreSQL and runs in the _pg twin.
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>

#include "core/domain/error.h"
#include "core/interop/project_import.h"
#include "core/store/store.h"
#include "store_backend.h"

using namespace vs;
using vs::store::OpenMode;
using vs::store::Store;

namespace {

vs::test::StoreBackend g_backend;

qint64 addVideos(Store& s, int count) {
  qint64 first = 0;
  for (int i = 0; i < count; ++i) {
    Video v;
    v.name = QStringLiteral("v%1").arg(i, 3, 10, QLatin1Char('0'));
    const qint64 id = s.addVideo(v);
    if (i == 0)
      first = id;
  }
  return first;
}

void judge(Store& s, qint64 video, const QString& who, double score = 3.0) {
  Evaluation e;
  e.videoId = video;
  e.annotatorId = s.addAnnotator(who, AnnotatorKind::Human);
  e.scores.value = {score, score, score};
  s.upsertEvaluation(e);
}

// The videos whose takers or room differ from a count made from scratch.
int staleCounts(const QString& project) {
  const QString k = QStringLiteral(
      "(SELECT coalesce(max(CAST(value AS BIGINT)), 1) FROM settings WHERE key = 'judgements_per_video')");
  return g_backend
      .sql(project,
           QStringLiteral("SELECT count(*) FROM videos WHERE takers <> "
                          "(SELECT count(*) FROM evaluations e JOIN annotators a ON a.id = e.annotator_id "
                          "WHERE e.video_id = videos.id AND a.kind = 'human') + "
                          "(SELECT count(*) FROM leases l WHERE l.video_id = videos.id AND NOT EXISTS "
                          "(SELECT 1 FROM evaluations e WHERE e.video_id = l.video_id AND e.annotator_id = "
                          "l.annotator_id)) OR room <> CASE WHEN takers < %1 THEN 1 ELSE 0 END")
               .arg(k))
      .toInt();
}

// One VideoScore2 prediction as the evaluation script writes it: a person's scores (gt) and the
// model's.
QByteArray prediction(const char* video, int gt, double model) {
  return QStringLiteral(
             "  {\"video_name\": \"%1\", \"video_url\": \"\", \"prompt\": \"a cat\", \"v_score_gt\": %2, "
             "\"t_score_gt\": %2, \"p_score_gt\": %2, \"v_score_model\": %3, \"t_score_model\": %3, "
             "\"p_score_model\": %3, \"output\": \"visual quality: %2\"}")
      .arg(QLatin1String(video))
      .arg(gt)
      .arg(model)
      .toUtf8();
}

}  // namespace

class TestStoreTeam : public QObject {
  Q_OBJECT
  QDir tmp_;

  QString fresh() { return g_backend.fresh(QStringLiteral("team")); }

 private slots:
  void initTestCase() {
    const QString scratch =
        qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vs_store_team"));
    QDir(scratch).removeRecursively();
    QVERIFY(QDir().mkpath(scratch));
    tmp_ = QDir(scratch);
    QString whyNot;
    if (!g_backend.init(tmp_, &whyNot))
      QSKIP(qPrintable(whyNot));
  }

  void oneJudgementPerVideo() {
    Store s(fresh(), OpenMode::CreateNew);
    QCOMPARE(s.judgementsPerVideo(), 1);
    addVideos(s, 3);
    const auto a = s.leaseNext(QStringLiteral("ana"), 60);
    const auto b = s.leaseNext(QStringLiteral("bo"), 60);
    QVERIFY(a && b);
    QCOMPARE(a->videoName, QStringLiteral("v000"));
    QCOMPARE(b->videoName, QStringLiteral("v001"));
    // Asking again renews one's own lease rather than taking another video.
    const auto again = s.leaseNext(QStringLiteral("ana"), 120);
    QCOMPARE(again->videoId, a->videoId);
    QVERIFY(again->expires > a->expires);
    // Once judged, the next one; a video judged by someone without a lease counts too.
    judge(s, a->videoId, QStringLiteral("ana"));
    judge(s, s.findVideoByName(QStringLiteral("v002"))->id, QStringLiteral("cy"));
    QVERIFY(!s.leaseNext(QStringLiteral("ana"), 60));  // v001 is bo's, v002 is done
    QVERIFY(s.releaseLease(QStringLiteral("bo"), b->videoId));
    QCOMPARE(s.leaseNext(QStringLiteral("ana"), 60)->videoName, QStringLiteral("v001"));
    QCOMPARE(s.liveLeases().size(), 2);  // ana's judged one is still there until it expires
  }

  void renewOnlyOnesOwnLiveLease() {
    Store s(fresh(), OpenMode::CreateNew);
    addVideos(s, 2);
    const auto a = s.leaseNext(QStringLiteral("ana"), 1);
    QVERIFY(a);
    QVERIFY(!s.renewLease(QStringLiteral("bo"), a->videoId, 60));       // not bo's
    QVERIFY(!s.renewLease(QStringLiteral("ana"), a->videoId + 1, 60));  // not that video
    QVERIFY(s.renewLease(QStringLiteral("ana"), a->videoId, 60));
    QThread::msleep(1100);  // past the first lease's end: still held
    QCOMPARE(s.leaseNext(QStringLiteral("bo"), 60)->videoName, QStringLiteral("v001"));
    QVERIFY(s.releaseLease(QStringLiteral("ana"), a->videoId));
    QVERIFY(!s.renewLease(QStringLiteral("ana"), a->videoId, 60));  // given back: nothing taken
    QCOMPARE(s.liveLeases().size(), 1);
  }

  void kJudgementsAndExpiry() {
    Store s(fresh(), OpenMode::CreateNew);
    s.setJudgementsPerVideo(2);
    QVERIFY_THROWS_EXCEPTION(vs::Error, s.setJudgementsPerVideo(0));
    addVideos(s, 2);
    QCOMPARE(s.leaseNext(QStringLiteral("ana"), 60)->videoName, QStringLiteral("v000"));
    QCOMPARE(s.leaseNext(QStringLiteral("bo"), 60)->videoName, QStringLiteral("v000"));
    QCOMPARE(s.leaseNext(QStringLiteral("cy"), 1)->videoName, QStringLiteral("v001"));
    QCOMPARE(s.leaseNext(QStringLiteral("di"), 60)->videoName, QStringLiteral("v001"));
    QVERIFY(!s.leaseNext(QStringLiteral("ed"), 60));
    QThread::msleep(1100);  // cy's lease expires: v001 has room again
    QCOMPARE(s.leaseNext(QStringLiteral("ed"), 60)->videoName, QStringLiteral("v001"));
    // A model's evaluation is not a person's judgement.
    Evaluation m;
    m.videoId = s.findVideoByName(QStringLiteral("v000"))->id;
    m.annotatorId = s.addAnnotator(QStringLiteral("VideoScore2"), AnnotatorKind::Model);
    m.origin = Origin::Model;
    m.scores.value = {3.5, 3.5, 3.5};
    s.upsertEvaluation(m);
    QVERIFY(!s.leaseNext(QStringLiteral("fa"), 60));
  }

  // Each video's takers and room (schema 7, kept by triggers so that a lease skips full videos)
  // equal a count made from scratch after judgements by people and models, leases taken,
  // renewed, released and expired, an import, and a change of k.
  void roomKeptByTriggersMatchesARecount() {
    const QString project = fresh();
    Store s(project, OpenMode::CreateNew);
    s.setJudgementsPerVideo(2);
    const qint64 first = addVideos(s, 12);
    const auto stale = [&] { return staleCounts(project); };
    const auto full = [&] {
      return g_backend.sql(project, QStringLiteral("SELECT count(*) FROM videos WHERE room = 0")).toInt();
    };
    QCOMPARE(stale(), 0);
    QCOMPARE(full(), 0);
    const auto ana = s.leaseNext(QStringLiteral("ana"), 60);
    const auto bo = s.leaseNext(QStringLiteral("bo"), 1);
    QCOMPARE(bo->videoId, ana->videoId);
    QCOMPARE(full(), 1);                            // two people on v000
    judge(s, ana->videoId, QStringLiteral("ana"));  // judged under her lease: still two
    QCOMPARE(stale(), 0);
    QCOMPARE(full(), 1);
    judge(s, first + 5, QStringLiteral("cy"));  // without a lease
    const qint64 model = s.addAnnotator(QStringLiteral("m"), AnnotatorKind::Model);
    const auto dan = s.leaseNext(QStringLiteral("dan"), 60);
    Evaluation m;
    m.videoId = dan->videoId;
    m.annotatorId = model;
    m.origin = Origin::Model;
    m.scores.value = {2.0, 2.0, 2.0};
    s.upsertEvaluation(m);  // a model's: nobody more on it
    QCOMPARE(stale(), 0);
    QVERIFY(s.releaseLease(QStringLiteral("dan"), dan->videoId));
    QThread::msleep(1100);  // bo's lease ends; the next lease removes it
    QVERIFY(s.leaseNext(QStringLiteral("ed"), 60));
    QCOMPARE(g_backend
                 .sql(project, QStringLiteral("SELECT count(*) FROM leases WHERE annotator_id = %1")
                                   .arg(s.findAnnotator(QStringLiteral("bo"))->id))
                 .toInt(),
             0);
    QCOMPARE(stale(), 0);
    std::vector<FeedbackItem> items;
    for (int i = 0; i < 12; i += 2) {
      FeedbackItem item;
      item.videoName = QStringLiteral("v%1").arg(i, 3, 10, QLatin1Char('0')).toUtf8();
      item.scores.value = {4.0, 4.0, 4.0};
      items.push_back(item);
    }
    vs::store::ImportOptions options;
    options.annotator = QStringLiteral("fa");
    s.importItems(items, options);
    QCOMPARE(stale(), 0);
    QCOMPARE(full(), 1);  // v000: ana, ed and fa
    s.setJudgementsPerVideo(1);
    QCOMPARE(stale(), 0);
    QCOMPARE(full(), 7);  // and fa's other five, cy's v005
    s.setJudgementsPerVideo(3);
    QCOMPARE(stale(), 0);
    QCOMPARE(full(), 1);
  }

  // `vscore import` counts each video's takers once at the end (schema 8) instead of per added
  // evaluation: the counts equal a count from scratch after importing a predictions file (a
  // person's and the model's evaluation per item; a video named twice, so PostgreSQL applies it
  // in two batches) onto videos with leases, judged or not by their holders, and after an
  // import that fails; the triggers count again afterwards.
  void importCountsMatchARecount() {
    const QString project = fresh();
    Store s(project, OpenMode::CreateNew);
    s.setJudgementsPerVideo(2);
    addVideos(s, 6);
    const auto ana = s.leaseNext(QStringLiteral("ana"), 60);
    const auto bo = s.leaseNext(QStringLiteral("bo"), 60);
    QCOMPARE(ana->videoName, QStringLiteral("v000"));
    QCOMPARE(bo->videoName, QStringLiteral("v000"));
    QCOMPARE(s.leaseNext(QStringLiteral("gus"), 60)->videoName, QStringLiteral("v001"));
    judge(s, s.findVideoByName(QStringLiteral("v002"))->id, QStringLiteral("cy"));
    QCOMPARE(staleCounts(project), 0);
    const auto takers = [&](const char* video) {
      return g_backend
          .sql(project, QStringLiteral("SELECT takers * 10 + room FROM videos WHERE name = '%1'")
                            .arg(QLatin1String(video)))
          .toInt();
    };
    const QString file = tmp_.filePath(QStringLiteral("counts.json"));
    const auto write = [&](const QList<QByteArray>& items) {
      QFile f(file);
      QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
      f.write("[\n" + items.join(",\n") + "\n]\n");
    };
    write({prediction("v000", 4, 3.5), prediction("v001", 3, 2.25), prediction("v002", 2, 4.0),
           prediction("new1", 5, 1.0), prediction("v000", 5, 3.0)});
    interop::ImportRequest request;
    request.project = project;
    request.file = file;
    request.annotator = QStringLiteral("ana");
    interop::importFile(request);
    QCOMPARE(staleCounts(project), 0);
    QCOMPARE(takers("v000"), 20);  // ana (leased and judged) and bo's lease: full
    QCOMPARE(takers("v001"), 20);  // gus's lease and ana
    QCOMPARE(takers("v002"), 20);  // cy and ana
    QCOMPARE(takers("new1"), 11);  // ana
    QCOMPARE(takers("v003"), 1);   // not in the file
    // A file that fails on its last item leaves the counts as they were, and writing goes on
    // counting per judgement.
    write({prediction("v003", 4, 3.5), prediction("v004", 9, 3.5)});
    QVERIFY_THROWS_EXCEPTION(vs::Error, interop::importFile(request));
    QCOMPARE(takers("v003"), 1);
    judge(s, s.findVideoByName(QStringLiteral("v003"))->id, QStringLiteral("di"));
    judge(s, s.findVideoByName(QStringLiteral("new1"))->id, QStringLiteral("di"));
    QCOMPARE(takers("v003"), 11);
    QCOMPARE(takers("new1"), 20);
    QCOMPARE(staleCounts(project), 0);
    // Imported straight from items (the store's own call) as well.
    std::vector<FeedbackItem> items(2);
    items[0].videoName = "v004";
    items[1].videoName = "v005";
    for (auto& item : items)
      item.scores.value = {4.0, 4.0, 4.0};
    store::ImportOptions options;
    options.annotator = QStringLiteral("ed");
    s.importItems(items, options);
    QCOMPARE(takers("v004"), 11);
    QCOMPARE(staleCounts(project), 0);
    QCOMPARE(g_backend.sql(project, QStringLiteral("SELECT count(*) FROM settings WHERE key = 'bulk_import'"))
                 .toInt(),
             0);
  }

  // The preference mode's options are project settings: unset until written, each field
  // written on its own, seen by every later connection and stored as documented.
  void preferenceOptions() {
    const QString project = fresh();
    {
      Store s(project, OpenMode::CreateNew);
      const store::PreferenceOptions none = s.preferenceOptions();
      QVERIFY(!none.allPairs && !none.eachDimension && !none.blind);
      store::PreferenceOptions schedule;
      schedule.allPairs = true;
      s.setPreferenceOptions(schedule);
      store::PreferenceOptions read = s.preferenceOptions();
      QCOMPARE(read.allPairs, std::optional<bool>(true));
      QVERIFY(!read.eachDimension && !read.blind);
      store::PreferenceOptions rest;
      rest.eachDimension = true;
      rest.blind = false;
      s.setPreferenceOptions(rest);
      s.setJudgementsPerVideo(3);  // another setting is left alone, and leaves these alone
    }
    Store again(project);
    const store::PreferenceOptions read = again.preferenceOptions();
    QCOMPARE(read.allPairs, std::optional<bool>(true));
    QCOMPARE(read.eachDimension, std::optional<bool>(true));
    QCOMPARE(read.blind, std::optional<bool>(false));
    QCOMPARE(again.judgementsPerVideo(), 3);
    QCOMPARE(
        g_backend.sql(project, QStringLiteral("SELECT value FROM settings WHERE key = 'preference_schedule'"))
            .toString(),
        QStringLiteral("all-pairs"));
    QCOMPARE(
        g_backend
            .sql(project, QStringLiteral("SELECT value FROM settings WHERE key = 'preference_dimensions'"))
            .toString(),
        QStringLiteral("each"));
    QCOMPARE(
        g_backend.sql(project, QStringLiteral("SELECT value FROM settings WHERE key = 'preference_blind'"))
            .toString(),
        QStringLiteral("0"));
    store::PreferenceOptions back;
    back.allPairs = false;
    again.setPreferenceOptions(back);
    QCOMPARE(again.preferenceOptions().allPairs, std::optional<bool>(false));
    QCOMPARE(again.preferenceOptions().eachDimension, std::optional<bool>(true));
  }

  void staleEditsAreRefused() {
    const QString path = fresh();
    Store ana(path, OpenMode::CreateNew);
    Store bo(path, OpenMode::OpenExisting);
    QCOMPARE(ana.rubric().version, qint64(0));
    QCOMPARE(ana.saveRubric(QStringLiteral("{\"visual\":\"v1\"}"), 0), qint64(1));
    const auto seen = bo.rubric();
    QCOMPARE(seen.version, qint64(1));
    QCOMPARE(ana.saveRubric(QStringLiteral("{\"visual\":\"ana's\"}"), 1), qint64(2));
    try {
      bo.saveRubric(QStringLiteral("{\"visual\":\"bo's\"}"), seen.version);
      QFAIL("an edit based on version 1 overwrote version 2");
    } catch (const store::VersionConflict& e) {
      QCOMPARE(e.current().version, qint64(2));
      QCOMPARE(e.current().text, QStringLiteral("{\"visual\":\"ana's\"}"));
    }
    QCOMPARE(bo.rubric().text, QStringLiteral("{\"visual\":\"ana's\"}"));
    // Flags on a video and query templates follow the same rule.
    Video v;
    v.name = QStringLiteral("v");
    const qint64 id = ana.addVideo(v);
    QCOMPARE(ana.saveVideoFlags(id, QStringLiteral("blurry"), 0), qint64(1));
    QVERIFY_THROWS_EXCEPTION(store::VersionConflict, bo.saveVideoFlags(id, QStringLiteral("ok"), 0));
    QCOMPARE(bo.saveVideoFlags(id, QStringLiteral("blurry,nsfw"), 1), qint64(2));
    QCOMPARE(ana.videoFlags(id).text, QStringLiteral("blurry,nsfw"));
    QCOMPARE(ana.saveQueryTemplate(QStringLiteral("short"), QStringLiteral("Rate $t2v_prompt"), 0),
             qint64(1));
    ana.saveQueryTemplate(QStringLiteral("short"), QStringLiteral("Rate: $t2v_prompt"));  // unversioned save
    QCOMPARE(bo.queryTemplateVersion(QStringLiteral("short")), qint64(2));
    QVERIFY_THROWS_EXCEPTION(
        store::VersionConflict,
        bo.saveQueryTemplate(QStringLiteral("short"), QStringLiteral("x $t2v_prompt"), 1));
    QCOMPARE(*bo.findQueryTemplate(QStringLiteral("short")), QStringLiteral("Rate: $t2v_prompt"));
  }

  // A project with every kind of row, copied file -> database -> file: the same rows, ids and
  // history; a copy onto something that is not empty is refused and changes nothing.
  void copyBothWays() {
    if (!g_backend.postgres())
      QSKIP("needs both backends (runs in test_store_team_pg)");
    const QString file = tmp_.filePath(QStringLiteral("copy_src.vsproj"));
    QFile::remove(file);
    {
      Store s(file, OpenMode::CreateNew);
      s.setJudgementsPerVideo(2);
      const qint64 first = addVideos(s, 4);
      judge(s, first, QStringLiteral("ana"), 4);
      const auto e = s.findEvaluation(first, s.findAnnotator(QStringLiteral("ana"))->id);
      s.editField(e->id, EvaluationField::VisualScore, 2);
      s.editField(e->id, EvaluationField::Thinking, QStringLiteral("多 line\ntext"));
      s.saveRubric(QStringLiteral("{}"), 0);
      s.saveQueryTemplate(QStringLiteral("t"), QStringLiteral("$t2v_prompt"));
      s.setMediaFolders({QStringLiteral("videos"), QStringLiteral("/abs")});
      const qint64 p = s.addPrompt(QStringLiteral("cat"));
      Video a, b;
      a.name = QStringLiteral("cat_a");
      a.promptId = p;
      b.name = QStringLiteral("cat_b");
      b.promptId = p;
      PreferenceRecord pr;
      pr.annotatorId = s.findAnnotator(QStringLiteral("ana"))->id;
      pr.leftVideoId = s.addVideo(a);
      pr.rightVideoId = s.addVideo(b);
      pr.choice = PreferenceChoice::Left;
      const auto change = s.recordPreference(pr);
      pr.choice = PreferenceChoice::Tie;
      s.recordPreference(pr);
      s.leaseNext(QStringLiteral("bo"), 600);
    }
    const QString db = g_backend.fresh(QStringLiteral("copy"));
    const auto copied = Store::copy(file, db);
    QVERIFY(copied.rows > 10);
    const QString back = tmp_.filePath(QStringLiteral("copy_back.vsproj"));
    QFile::remove(back);
    Store::copy(db, back);
    Store a(file), b(db), c(back);
    for (Store* s : {&b, &c}) {
      QCOMPARE(s->judgementsPerVideo(), 2);
      QCOMPARE(s->mediaFolders(), a.mediaFolders());
      QCOMPARE(s->rubric().version, qint64(1));
      QCOMPARE(s->liveLeases().size(), 1);
      QCOMPARE(s->stats().evaluations, a.stats().evaluations);
      const auto ea = a.evaluationsForVideo(1);
      const auto eb = s->evaluationsForVideo(1);
      QCOMPARE(eb.size(), ea.size());
      QCOMPARE(eb[0].thinking, ea[0].thinking);
      QCOMPARE(eb[0].scores, ea[0].scores);
      QCOMPARE(eb[0].created, ea[0].created);
      const auto ha = a.history(ea[0].id);
      const auto hb = s->history(eb[0].id);
      QCOMPARE(hb.size(), ha.size());
      for (qsizetype i = 0; i < ha.size(); ++i) {
        QCOMPARE(hb[i].field, ha[i].field);
        QCOMPARE(hb[i].oldValue, ha[i].oldValue);
        QCOMPARE(hb[i].newValue, ha[i].newValue);
      }
      const auto pa = a.preferences();
      const auto pb = s->preferences();
      QCOMPARE(pb.size(), 1);
      QCOMPARE(pb[0].choice, PreferenceChoice::Tie);
      QCOMPARE(s->preferenceHistory(pb[0].id).size(), a.preferenceHistory(pa[0].id).size());
    }
    // New rows after a copy take fresh ids (the sequences moved past the copied ones).
    Video v;
    v.name = QStringLiteral("after_copy");
    QVERIFY(b.addVideo(v) > 6);
    // Copies onto an existing project are refused and change nothing.
    QVERIFY_THROWS_EXCEPTION(vs::Error, Store::copy(file, db));
    QVERIFY(b.findVideoByName(QStringLiteral("after_copy")));
    QVERIFY_THROWS_EXCEPTION(vs::Error, Store::copy(db, back));
  }

  // A copy that fails half way leaves the destination database empty (and usable for init).
  void failedCopyLeavesNothing() {
    if (!g_backend.postgres())
      QSKIP("needs both backends (runs in test_store_team_pg)");
    const QString file = tmp_.filePath(QStringLiteral("copy_bad.vsproj"));
    QFile::remove(file);
    {
      Store s(file, OpenMode::CreateNew);
      addVideos(s, 3);
    }
    // A row PostgreSQL refuses (SQLite keeps text in an INTEGER column): the copy fails on it.
    {
      QSqlDatabase sqlite = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bad"));
      sqlite.setDatabaseName(file);
      QVERIFY(sqlite.open());
      QSqlQuery q(sqlite);
      QVERIFY(q.exec(QStringLiteral("UPDATE videos SET prompt_id = 'not a number' WHERE id = 3")));
      q.finish();
      sqlite.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bad"));
    const QString db = g_backend.fresh(QStringLiteral("bad"));
    QVERIFY_THROWS_EXCEPTION(vs::Error, Store::copy(file, db));
    QCOMPARE(g_backend.sql(db, QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                 .toInt(),
             0);
    Store again(db, OpenMode::CreateNew);  // still an empty database
    QCOMPARE(again.stats().videos, qint64(0));
  }
};

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  TestStoreTeam test;
  return QTest::qExec(&test, argc, argv);
}
#include "test_store_team.moc"
