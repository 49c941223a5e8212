#pragma once
// What the vscore command-line suites share: the vscore program run as a separate process the way
// users run it, projects on either backend (a .vsproj, or a database in a throwaway PostgreSQL
// cluster with VS_TEST_BACKEND=postgres), and the files and checks they make.
// Expected export files come from tests/data/interop/make_expected.py (Python json/csv).
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "store_backend.h"

namespace vs::test::cli {

struct Run {
  int code = -1;
  QByteArray out;
  QByteArray err;
};

inline QByteArray readFile(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return {};
  return f.readAll();
}

inline void writeFile(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(bytes);
}

inline vs::test::StoreBackend g_backend;

// Runs a statement on a project with the test's own connection (QSQLITE, or psql).
inline QVariant sqlValue(const QString& project, const QString& sql) {
  QString statement = sql;
  if (g_backend.postgres()) {  // the few SQLite spellings these checks use
    statement.replace(QStringLiteral("group_concat("), QStringLiteral("string_agg("));
    if (statement.contains(QStringLiteral("FROM (")) && statement.endsWith(QLatin1Char(')'))) {
      statement += QStringLiteral(" AS sub");
    }
  }
  return g_backend.sql(project, statement);
}

inline bool onPostgres() {
  return g_backend.postgres();
}

// What a project holds, as one hash: the file's bytes, or every row of a PostgreSQL project.
inline QByteArray fingerprint(const QString& project) {
  if (!onPostgres()) {
    QFile f(project);
    if (!f.open(QIODevice::ReadOnly))
      return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
  }
  QString sql = QStringLiteral("SELECT md5(concat(");
  const char* tables[] = {"prompts", "videos", "annotators", "evaluations", "history", "imports"};
  for (const char* t : tables) {
    sql += QStringLiteral("(SELECT string_agg(x::text, ',' ORDER BY x.id) FROM %1 x),").arg(QLatin1String(t));
  }
  sql.chop(1);
  sql += QStringLiteral("))");
  return sqlValue(project, sql).toByteArray();
}

inline QByteArray vf2Item(const QString& name, int score) {
  return QStringLiteral(
             "{\"video_name\": \"%1\", \"prompt\": \"prompt of %1, with some text to make the row longer "
             "than "
             "a few bytes so that the import takes a moment\", \"visual_score\": %2, \"t2v_score\": %2, "
             "\"phy_score\": %2, \"thinking\": \"reasoning %1 lorem ipsum dolor sit amet consectetur "
             "adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua\"}")
      .arg(name)
      .arg(score)
      .toUtf8();
}

// One Label Studio annotation by user 1 rating every dimension 3; `more` adds members.
inline QByteArray lsAnnotation(const char* more = "") {
  return QByteArray("{\"completed_by\": 1, \"result\": [") +
         "{\"from_name\": \"visual_score\", \"type\": \"rating\", \"value\": {\"rating\": 3}}, "
         "{\"from_name\": \"t2v_score\", \"type\": \"rating\", \"value\": {\"rating\": 3}}, "
         "{\"from_name\": \"phy_score\", \"type\": \"rating\", \"value\": {\"rating\": 3}}]" +
         more + "}";
}

inline QByteArray manyItems(const QString& prefix, int count) {
  QByteArray bytes = "[\n";
  for (int i = 0; i < count; ++i) {
    bytes += vf2Item(QStringLiteral("%1_%2").arg(prefix).arg(i), 1 + i % 5);
    bytes += i + 1 < count ? ",\n" : "\n";
  }
  bytes += "]\n";
  return bytes;
}

// The base of each suite: its initTestCase calls setUp with the scratch folder's name.
class VscoreCliTest : public QObject {
 protected:
  QString vscore_;
  QString data_;
  QDir tmp_;

  Run run(const QStringList& args, int timeoutMs = 60000) {
    QProcess p;
    p.start(vscore_, args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
      p.kill();
      p.waitForFinished();
      return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
  }

  QString path(const QString& name) { return tmp_.filePath(name); }

  // A fresh project holding hard_text.json, imported as annotator "default".
  QString hardTextProject() {
    const QString project = g_backend.fresh(QStringLiteral("p"));
    if (run({QStringLiteral("init"), project}).code != 0)
      return {};
    if (run({QStringLiteral("import"), project, data_ + QStringLiteral("/hard_text.json")}).code != 0)
      return {};
    return project;
  }

  QString freshProject() {
    const QString project = g_backend.fresh(QStringLiteral("p"));
    if (run({QStringLiteral("init"), project}).code != 0)
      return {};
    return project;
  }

  QJsonObject stats(const QString& project) {
    const Run r = run({QStringLiteral("stats"), project, QStringLiteral("--json")});
    return QJsonDocument::fromJson(r.out).object();
  }

  // Finds vscore (VSCORE), empties the scratch folder (VS_TEST_TMP, else `name` in the temp
  // folder) and starts the backend; fails or skips the suite when one of them cannot be had.
  void setUp(const QString& name) {
    vscore_ = qEnvironmentVariable("VSCORE");
    QVERIFY2(QFileInfo(vscore_).isExecutable(), "set VSCORE to the vscore binary");
    data_ = QStringLiteral(VS_TEST_DATA_DIR "/interop");
    const QString scratch = qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QLatin1Char('/') + name);
    QDir(scratch).removeRecursively();
    QVERIFY(QDir().mkpath(scratch));
    tmp_ = QDir(scratch);
    QString whyNot;
    if (!g_backend.init(tmp_, &whyNot))
      QSKIP(qPrintable(whyNot));
  }
};

}  // namespace vs::test::cli
