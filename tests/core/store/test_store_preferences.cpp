// core/store/store_preferences.cpp: preferences and Best-of-N picks, their history triggers,
// undo by PreferenceChange, the unordered-pair key, and the schema 4 -> 5 migration.
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

struct Fixture {
  qint64 ana = 0, bo = 0;
  qint64 a = 0, b = 0, c = 0, other = 0;  // a, b, c: prompt "cat"; other: prompt "dog"
  qint64 cat = 0;
};

Fixture populate(Store& s) {
  Fixture f;
  f.ana = s.addAnnotator(QStringLiteral("ana"), AnnotatorKind::Human);
  f.bo = s.addAnnotator(QStringLiteral("bo"), AnnotatorKind::Human);
  f.cat = s.addPrompt(QStringLiteral("a cat"));
  const qint64 dog = s.addPrompt(QStringLiteral("a dog"));
  auto video = [&](const char* name, qint64 prompt) {
    Video v;
    v.name = QString::fromLatin1(name);
    v.promptId = prompt;
    return s.addVideo(v);
  };
  f.a = video("cat_a", f.cat);
  f.b = video("cat_b", f.cat);
  f.c = video("cat_c", f.cat);
  f.other = video("dog_a", dog);
  return f;
}

PreferenceRecord pref(qint64 annotator, qint64 left, qint64 right, PreferenceChoice choice,
                      PreferenceDimension dimension = PreferenceDimension::Overall) {
  PreferenceRecord p;
  p.annotatorId = annotator;
  p.leftVideoId = left;
  p.rightVideoId = right;
  p.choice = choice;
  p.dimension = dimension;
  return p;
}

}  // namespace

class TestStorePreferences : public QObject {
  Q_OBJECT
  QDir tmp_;

  QString fresh() { return g_backend.fresh(QStringLiteral("p")); }

 private slots:
  void initTestCase() {
    const QString scratch =
        qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath()) + QStringLiteral("/vs_store_pref");
    QDir(scratch).removeRecursively();
    QVERIFY(QDir().mkpath(scratch));
    tmp_ = QDir(scratch);
    QString whyNot;
    if (!g_backend.init(tmp_, &whyNot))
      QSKIP(qPrintable(whyNot));
  }

  void recordIsCommittedAtOnce() {
    const QString path = fresh();
    Store s(path, OpenMode::CreateNew);
    const Fixture f = populate(s);
    PreferenceRecord p = pref(f.ana, f.a, f.b, PreferenceChoice::Left);
    p.order = PresentationOrder::Randomised;
    p.swapped = true;
    p.reason = QStringLiteral("smoother motion");
    p.timeSpentMs = 4200;
    const auto change = s.recordPreference(p);
    QVERIFY(!change.before);
    QVERIFY(change.after.id > 0);
    QCOMPARE(change.after.promptId, f.cat);
    QCOMPARE(change.after.reason, QStringLiteral("smoother motion"));
    QCOMPARE(change.after.order, PresentationOrder::Randomised);
    QVERIFY(change.after.swapped);
    // Visible to another connection while this Store is still open: nothing waits for a save.
    QCOMPARE(sql(path, QStringLiteral(
                           "SELECT choice || ',' || presentation || ',' || swapped || ',' || time_spent_ms "
                           "FROM preferences"))
                 .toString(),
             QStringLiteral("left,randomised,1,4200"));
    QCOMPARE(sql(path, QStringLiteral("SELECT field FROM preference_history")).toString(),
             QStringLiteral("created"));
  }

  void samePairInOtherOrderEditsTheSameRow() {
    Store s(fresh(), OpenMode::CreateNew);
    const Fixture f = populate(s);
    const auto first = s.recordPreference(pref(f.ana, f.a, f.b, PreferenceChoice::Left));
    const auto second = s.recordPreference(pref(f.ana, f.b, f.a, PreferenceChoice::Tie));
    QVERIFY(second.before);
    QCOMPARE(second.before->id, first.after.id);
    QCOMPARE(second.after.id, first.after.id);
    QCOMPARE(second.after.leftVideoId, f.b);
    QCOMPARE(second.after.choice, PreferenceChoice::Tie);
    // Another dimension and another annotator are other rows.
    s.recordPreference(pref(f.ana, f.a, f.b, PreferenceChoice::Right, PreferenceDimension::Phy));
    s.recordPreference(pref(f.bo, f.a, f.b, PreferenceChoice::Right));
    QCOMPARE(s.preferences().size(), 3);
    QCOMPARE(s.preferences({f.ana, std::nullopt, std::nullopt}).size(), 2);
    QCOMPARE(s.preferences({std::nullopt, f.cat, PreferenceDimension::Phy}).size(), 1);
    const auto found = s.findPreference(f.ana, f.b, f.a, PreferenceDimension::Overall);
    QVERIFY(found);
    QCOMPARE(found->choice, PreferenceChoice::Tie);
    const auto history = s.preferenceHistory(first.after.id);
    QStringList fields;
    for (const auto& h : history)
      fields << h.field;
    // SQLite does not promise an order among the triggers of one statement.
    QCOMPARE(fields.first(), QStringLiteral("created"));
    fields.sort();
    QCOMPARE(fields, (QStringList{QStringLiteral("choice"), QStringLiteral("created"),
                                  QStringLiteral("left_id"), QStringLiteral("right_id")}));
    for (const auto& h : history) {
      if (h.field == QLatin1String("choice")) {
        QCOMPARE(h.oldValue.toString(), QStringLiteral("left"));
        QCOMPARE(h.newValue.toString(), QStringLiteral("tie"));
      }
    }
  }

  void revertUndoesOneEdit() {
    const QString path = fresh();
    Store s(path, OpenMode::CreateNew);
    const Fixture f = populate(s);
    const auto created = s.recordPreference(pref(f.ana, f.a, f.b, PreferenceChoice::Left));
    PreferenceRecord edit = pref(f.ana, f.a, f.b, PreferenceChoice::Right);
    edit.reason = QStringLiteral("second look");
    const auto edited = s.recordPreference(edit);
    s.revertPreference(edited);
    auto now = s.findPreference(f.ana, f.a, f.b, PreferenceDimension::Overall);
    QVERIFY(now);
    QCOMPARE(now->choice, PreferenceChoice::Left);
    QCOMPARE(now->reason, QString());
    // Redo = record the `after` again; undoing the creation deletes the row.
    s.recordPreference(edited.after);
    QCOMPARE(s.findPreference(f.ana, f.a, f.b, PreferenceDimension::Overall)->choice,
             PreferenceChoice::Right);
    s.revertPreference(edited);
    s.revertPreference(created);
    QVERIFY(!s.findPreference(f.ana, f.a, f.b, PreferenceDimension::Overall));
    // The history keeps the whole story, deletion included, and cannot be rewritten.
    const auto history = s.preferenceHistory(created.after.id);
    QCOMPARE(history.first().field, QStringLiteral("created"));
    QCOMPARE(history.last().field, QStringLiteral("deleted"));
    QCOMPARE(history.last().oldValue.toString(), QStringLiteral("left"));
    bool ok = true;
    sql(path, QStringLiteral("DELETE FROM preference_history"), &ok);
    QVERIFY(!ok);
    sql(path, QStringLiteral("UPDATE preference_history SET field = 'x'"), &ok);
    QVERIFY(!ok);
    // Redo of the creation after its undo re-inserts under the same id: one story per pair.
    s.recordPreference(created.after);
    QCOMPARE(s.findPreference(f.ana, f.a, f.b, PreferenceDimension::Overall)->choice, PreferenceChoice::Left);
  }

  void invalidPreferencesAreRefused() {
    Store s(fresh(), OpenMode::CreateNew);
    const Fixture f = populate(s);
    auto kindOf = [&](const PreferenceRecord& p) {
      try {
        s.recordPreference(p);
      } catch (const vs::Error& e) {
        return static_cast<int>(e.kind());
      }
      return -1;
    };
    QCOMPARE(kindOf(pref(f.ana, f.a, f.a, PreferenceChoice::Left)), static_cast<int>(Error::Kind::Usage));
    QCOMPARE(kindOf(pref(f.ana, f.a, f.other, PreferenceChoice::Left)), static_cast<int>(Error::Kind::Usage));
    QCOMPARE(kindOf(pref(f.ana, f.a, 9999, PreferenceChoice::Left)), static_cast<int>(Error::Kind::Usage));
    QCOMPARE(kindOf(pref(777, f.a, f.b, PreferenceChoice::Left)), static_cast<int>(Error::Kind::Usage));
    PreferenceRecord negative = pref(f.ana, f.a, f.b, PreferenceChoice::Left);
    negative.timeSpentMs = -1;
    QCOMPARE(kindOf(negative), static_cast<int>(Error::Kind::InvalidData));
    QVERIFY(s.preferences().isEmpty());
  }

  void importByNamesAddsUnknownVideos() {
    Store s(fresh(), OpenMode::CreateNew);
    const Fixture f = populate(s);
    NamedPreference known;
    known.annotator = QStringLiteral("ana");
    known.left = QStringLiteral("cat_a");
    known.right = QStringLiteral("cat_b");
    known.choice = PreferenceChoice::Right;
    NamedPreference fresh = known;
    fresh.annotator = QStringLiteral("cy");
    fresh.left = QStringLiteral("owl_1");
    fresh.right = QStringLiteral("owl_2");
    fresh.prompt = QStringLiteral("an owl");
    fresh.dimension = PreferenceDimension::Visual;
    const auto r =
        s.importPreferences({known, fresh, known}, QStringLiteral("pairs.json"), QStringLiteral("pairs"));
    QCOMPARE(r.preferences, 3);
    QCOMPARE(r.created, 2);
    QCOMPARE(r.updated, 1);
    QCOMPARE(r.videosCreated, 2);
    const auto owl = s.findVideoByName(QStringLiteral("owl_1"));
    QVERIFY(owl);
    QCOMPARE(s.findPrompt(owl->promptId)->text, QStringLiteral("an owl"));
    QCOMPARE(s.findAnnotator(QStringLiteral("cy"))->kind, AnnotatorKind::Human);
    // All or nothing: a bad pair leaves nothing behind.
    NamedPreference bad = known;
    bad.right = QStringLiteral("dog_a");
    QVERIFY_THROWS_EXCEPTION(vs::Error,
                             s.importPreferences({fresh, bad}, QStringLiteral("x"), QStringLiteral("pairs")));
    QCOMPARE(s.preferences().size(), 2);
    QCOMPARE(s.videosOfPrompt(f.cat).size(), 3);
  }

  void bestOfNPicks() {
    const QString path = fresh();
    Store s(path, OpenMode::CreateNew);
    const Fixture f = populate(s);
    BestOfNPick pick;
    pick.annotatorId = f.ana;
    pick.promptId = f.cat;
    pick.candidateVideoIds = {f.c, f.a, f.b};
    pick.bestVideoId = f.a;
    pick.worstVideoId = f.c;
    const auto first = s.recordBestOfNPick(pick);
    QVERIFY(!first.before);
    QCOMPARE(first.after.candidateVideoIds, (QVector<qint64>{f.c, f.a, f.b}));
    QCOMPARE(first.after.worstVideoId, std::optional<qint64>(f.c));
    pick.bestVideoId = f.b;
    pick.worstVideoId.reset();
    const auto second = s.recordBestOfNPick(pick);
    QVERIFY(second.before);
    QCOMPARE(second.after.id, first.after.id);
    QVERIFY(!s.findBestOfNPick(f.ana, f.cat)->worstVideoId);
    s.revertBestOfNPick(second);
    QCOMPARE(s.findBestOfNPick(f.ana, f.cat)->bestVideoId, f.a);
    QCOMPARE(s.findBestOfNPick(f.ana, f.cat)->worstVideoId, std::optional<qint64>(f.c));
    QStringList fields;
    for (const auto& h : s.bestOfNPickHistory(first.after.id))
      fields << h.field;
    QCOMPARE(fields.first(), QStringLiteral("created"));
    fields.sort();
    QCOMPARE(fields,
             (QStringList{QStringLiteral("best_id"), QStringLiteral("best_id"), QStringLiteral("created"),
                          QStringLiteral("worst_id"), QStringLiteral("worst_id")}));
    s.revertBestOfNPick(first);
    QVERIFY(!s.findBestOfNPick(f.ana, f.cat));
    QVERIFY(s.bestOfNPicks().isEmpty());

    BestOfNPick bad = pick;
    bad.bestVideoId = f.other;  // not a candidate
    QVERIFY_THROWS_EXCEPTION(vs::Error, s.recordBestOfNPick(bad));
    bad = pick;
    bad.candidateVideoIds = {f.a, f.other};  // another prompt's video
    bad.bestVideoId = f.a;
    QVERIFY_THROWS_EXCEPTION(vs::Error, s.recordBestOfNPick(bad));
    bad = pick;
    bad.worstVideoId = pick.bestVideoId;
    QVERIFY_THROWS_EXCEPTION(vs::Error, s.recordBestOfNPick(bad));
    bad = pick;
    bad.candidateVideoIds = {f.a};
    bad.bestVideoId = f.a;
    QVERIFY_THROWS_EXCEPTION(vs::Error, s.recordBestOfNPick(bad));
  }

  void migratesVersion4() {
    if (g_backend.postgres())
      QSKIP("PostgreSQL projects begin at version 5");
    const QString path = fresh();
    {
      Store s(path, OpenMode::CreateNew);
      populate(s);
    }
    // Back to what version 4 had: no preference tables (their triggers go with them), nor what
    // versions 6 and 7 added.
    for (const char* statement :
         {"DROP TRIGGER evaluations_takers_human_added", "DROP TRIGGER evaluations_takers_model_added",
          "DROP TRIGGER evaluations_takers_human_removed", "DROP TRIGGER evaluations_takers_model_removed",
          "DROP TRIGGER leases_takers_added", "DROP TRIGGER leases_takers_removed", "DROP INDEX videos_room",
          "ALTER TABLE videos DROP COLUMN takers", "ALTER TABLE videos DROP COLUMN room"}) {
      bool ok = false;
      sql(path, QLatin1String(statement), &ok);
      QVERIFY2(ok, statement);
    }
    for (const char* table : {"preference_history", "preferences", "pick_history", "best_of_n_picks",
                              "settings", "leases", "rubric", "video_flags"}) {
      bool ok = false;
      sql(path, QStringLiteral("DROP TABLE %1").arg(QLatin1String(table)), &ok);
      QVERIFY(ok);
    }
    bool dropped = false;
    sql(path, QStringLiteral("ALTER TABLE query_templates DROP COLUMN version"), &dropped);
    QVERIFY(dropped);
    sql(path, QStringLiteral("PRAGMA user_version = 4"));
    Store s(path);
    QCOMPARE(s.schemaVersion(), Store::kSchemaVersion);
    QCOMPARE(sql(path, QStringLiteral("PRAGMA user_version")).toInt(), Store::kSchemaVersion);
    const auto ana = s.findAnnotator(QStringLiteral("ana"));
    const auto a = s.findVideoByName(QStringLiteral("cat_a"));
    const auto b = s.findVideoByName(QStringLiteral("cat_b"));
    QVERIFY(ana && a && b);
    s.recordPreference(pref(ana->id, a->id, b->id, PreferenceChoice::Tie));
    QCOMPARE(s.preferences().size(), 1);
    QCOMPARE(sql(path, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND "
                                      "tbl_name = 'preferences'"))
                 .toInt(),
             9);  // created, deleted, and one per tracked column
  }
};

QTEST_GUILESS_MAIN(TestStorePreferences)
#include "test_store_preferences.moc"
