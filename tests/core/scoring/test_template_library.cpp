// Query templates saved in the project (schema v3) and how a template name is resolved:
// preset, then the project's, then a file.
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include "core/domain/error.h"
#include "core/scoring/template_library.h"
#include "core/store/store.h"

using namespace vs;
using namespace vs::scoring;

namespace {

QString scratch(const QString& name) {
  const QString dir = qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath());
  QDir().mkpath(dir);
  const QString path = QDir(dir).filePath(name);
  QFile::remove(path);
  return path;
}

void sqlExec(const QString& path, const QStringList& statements) {
  {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
    db.setDatabaseName(path);
    QVERIFY(db.open());
    QSqlQuery q(db);
    for (const QString& s : statements)
      QVERIFY2(q.exec(s), qPrintable(s));
    db.close();
  }
  QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

Error::Kind kindOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.kind();
  }
  qFatal("no vs::Error thrown");
}

}  // namespace

class TestTemplateLibrary : public QObject {
  Q_OBJECT
 private slots:
  void savedTemplatesByName() {
    store::Store project(scratch(QStringLiteral("templates.vsproj")), store::OpenMode::CreateNew);
    QVERIFY(project.queryTemplates().isEmpty());
    saveProjectTemplate(project, QStringLiteral("short"),
                        QStringLiteral("Rate \"$t2v_prompt\" (costs $$5)."));
    saveProjectTemplate(project, QStringLiteral("a-first"), QStringLiteral("${t2v_prompt}"));
    QCOMPARE(*project.findQueryTemplate(QStringLiteral("short")),
             QStringLiteral("Rate \"$t2v_prompt\" (costs $$5)."));
    saveProjectTemplate(project, QStringLiteral("short"), QStringLiteral("Again: $t2v_prompt"));
    const auto all = project.queryTemplates();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].name, QStringLiteral("a-first"));
    QCOMPARE(all[1].text, QStringLiteral("Again: $t2v_prompt"));
    QVERIFY(all[1].updated.isValid());

    // Presets are read-only; a bad placeholder is refused before anything is stored.
    QCOMPARE(kindOf([&] {
               saveProjectTemplate(project, QStringLiteral("videoscore2"), QStringLiteral("$t2v_prompt"));
             }),
             Error::Kind::Usage);
    QCOMPARE(
        kindOf([&] { saveProjectTemplate(project, QStringLiteral("bad"), QStringLiteral("Rate $prompt")); }),
        Error::Kind::InvalidData);
    QCOMPARE(kindOf([&] {
               saveProjectTemplate(project, QStringLiteral(" padded"), QStringLiteral("$t2v_prompt"));
             }),
             Error::Kind::Usage);
    QVERIFY(!project.findQueryTemplate(QStringLiteral("bad")));

    QVERIFY(project.removeQueryTemplate(QStringLiteral("a-first")));
    QVERIFY(!project.removeQueryTemplate(QStringLiteral("a-first")));
    QCOMPARE(project.queryTemplates().size(), 1);
  }

  void nameResolution() {
    const QString path = scratch(QStringLiteral("resolve.vsproj"));
    store::Store project(path, store::OpenMode::CreateNew);
    project.saveQueryTemplate(QStringLiteral("mine"), QStringLiteral("Mine: $t2v_prompt"));
    project.saveQueryTemplate(QStringLiteral("broken"), QStringLiteral("Broken: $"));

    ScoreSettings s;
    QCOMPARE(s.templateName, QStringLiteral("videoscore2"));  // the release template by default
    chooseTemplate(s, QStringLiteral("videoscore2-eval"), &project);
    QCOMPARE(s.templateName, QStringLiteral("videoscore2-eval"));
    QVERIFY(s.templateText.isEmpty());
    QCOMPARE(s.toParams().value("template").toString(), QStringLiteral("videoscore2-eval"));

    chooseTemplate(s, QStringLiteral("mine"), &project);
    QCOMPARE(s.templateName, QStringLiteral("mine"));
    QCOMPARE(s.templateText, QStringLiteral("Mine: $t2v_prompt"));
    const QJsonObject t = s.toParams().value("template").toObject();
    QCOMPARE(t.value("name").toString(), QStringLiteral("mine"));
    QCOMPARE(t.value("text").toString(), QStringLiteral("Mine: $t2v_prompt"));

    const QString file = scratch(QStringLiteral("tmpl.txt"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("From a file: $t2v_prompt\n");
    f.close();
    chooseTemplate(s, file, nullptr);
    QCOMPARE(s.templateName, QStringLiteral("tmpl.txt"));
    QCOMPARE(s.templateText, QStringLiteral("From a file: $t2v_prompt\n"));

    QCOMPARE(kindOf([&] { chooseTemplate(s, QStringLiteral("mine"), nullptr); }), Error::Kind::Usage);
    QCOMPARE(kindOf([&] { chooseTemplate(s, QStringLiteral("nosuch"), &project); }), Error::Kind::Usage);
    QCOMPARE(kindOf([&] { chooseTemplate(s, QStringLiteral("broken"), &project); }),
             Error::Kind::InvalidData);
    QVERIFY(presetTemplateText(QStringLiteral("videoscore2")).contains(QStringLiteral("$t2v_prompt")));
    QVERIFY(presetTemplateText(QStringLiteral("mine")).isEmpty());
  }

  // What `vscore score-template` lists, shows, sets from a file and removes.
  void listShowSetRemove() {
    const QString path = scratch(QStringLiteral("actions.vsproj"));
    store::Store project(path, store::OpenMode::CreateNew);
    QCOMPARE(templateListText(project),
             QStringLiteral("videoscore2\tpreset, default\nvideoscore2-eval\tpreset\n"));
    const QString file = scratch(QStringLiteral("mine.txt"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Mine: $t2v_prompt\n");
    f.close();
    saveProjectTemplateFile(project, QStringLiteral("mine"), file);
    const QString saved = project.queryTemplates().at(0).updated.toString(Qt::ISODate);
    QCOMPARE(templateListText(project),
             QStringLiteral("videoscore2\tpreset, default\nvideoscore2-eval\tpreset\n"
                            "mine\tproject, %1\n")
                 .arg(saved));
    QCOMPARE(templateText(project, QStringLiteral("mine")), QStringLiteral("Mine: $t2v_prompt\n"));
    QCOMPARE(templateText(project, QStringLiteral("videoscore2-eval")),
             presetTemplateText(QStringLiteral("videoscore2-eval")));
    try {
      templateText(project, QStringLiteral("nosuch"));
      QFAIL("showed a template that is not there");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), Error::Kind::Usage);
      QCOMPARE(e.full(), path + QStringLiteral(": no template \"nosuch\""));
    }
    QCOMPARE(kindOf([&] {
               saveProjectTemplateFile(project, QStringLiteral("x"), file + QStringLiteral(".gone"));
             }),
             Error::Kind::Io);
    removeProjectTemplate(project, QStringLiteral("mine"));
    QVERIFY(project.queryTemplates().isEmpty());
    QCOMPARE(kindOf([&] { removeProjectTemplate(project, QStringLiteral("mine")); }), Error::Kind::Usage);
  }

  // A version 2 file (today's file without what versions 3 to 7 added) gains the table and keeps
  // its data.
  void version2ProjectMigrates() {
    const QString path = scratch(QStringLiteral("v2.vsproj"));
    {
      store::Store project(path, store::OpenMode::CreateNew);
      project.addPrompt(QStringLiteral("kept"));
    }
    sqlExec(path, {QStringLiteral("DROP TRIGGER evaluations_takers_human_added"),
                   QStringLiteral("DROP TRIGGER evaluations_takers_model_added"),
                   QStringLiteral("DROP TRIGGER evaluations_takers_human_removed"),
                   QStringLiteral("DROP TRIGGER evaluations_takers_model_removed"),
                   QStringLiteral("DROP TRIGGER leases_takers_added"),
                   QStringLiteral("DROP TRIGGER leases_takers_removed"),
                   QStringLiteral("DROP INDEX videos_room"),
                   QStringLiteral("ALTER TABLE videos DROP COLUMN takers"),
                   QStringLiteral("ALTER TABLE videos DROP COLUMN room"),
                   QStringLiteral("DROP TABLE query_templates"),
                   QStringLiteral("DROP TABLE media_folders"),
                   QStringLiteral("DROP TABLE preference_history"),
                   QStringLiteral("DROP TABLE preferences"),
                   QStringLiteral("DROP TABLE pick_history"),
                   QStringLiteral("DROP TABLE best_of_n_picks"),
                   QStringLiteral("DROP TABLE settings"),
                   QStringLiteral("DROP TABLE leases"),
                   QStringLiteral("DROP TABLE rubric"),
                   QStringLiteral("DROP TABLE video_flags"),
                   QStringLiteral("PRAGMA user_version = 2")});
    store::Store project(path);
    QCOMPARE(project.schemaVersion(), vs::store::Store::kSchemaVersion);
    QCOMPARE(project.findPrompt(1)->text, QStringLiteral("kept"));
    QVERIFY(project.queryTemplates().isEmpty());
    project.saveQueryTemplate(QStringLiteral("after"), QStringLiteral("$t2v_prompt"));
    QVERIFY(project.findQueryTemplate(QStringLiteral("after")));
  }
};

QTEST_GUILESS_MAIN(TestTemplateLibrary)
#include "test_template_library.moc"
