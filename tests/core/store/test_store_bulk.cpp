// core/store/store_bulk_pg.cpp: a PostgreSQL import goes through COPY and set-based statements;
// it must leave what the statement-per-row import leaves in a `.vsproj` (the reference here):
// the same exported items in the same order, the same history rows, the same import counts, for
// text full of COPY's special characters, videos and prompts met again, and one (video,
// annotator) named several times in one file. Runs with VS_TEST_BACKEND=postgres.
#include <QDir>
#include <algorithm>
#include <QtTest>

#include "core/domain/error.h"
#include "core/store/store.h"
#include "store_backend.h"

using namespace vs;
using vs::store::HistoryEntry;
using vs::store::ImportOptions;
using vs::store::ImportResult;
using vs::store::OpenMode;
using vs::store::QueueItem;
using vs::store::Store;

namespace {

vs::test::StoreBackend g_backend;

FeedbackItem item(const char* name, const QByteArray& prompt, std::optional<double> visual,
                  const QByteArray& thinking = {}) {
  FeedbackItem i;
  i.videoName = name;
  i.prompt = prompt;
  i.scores.value = {visual, 3.0, std::nullopt};
  i.thinking = thinking;
  return i;
}

// Every text a COPY row could get wrong: its delimiters, escapes and the NULL marker spelled out.
const QByteArray kAwkward = QByteArray("tab\there, line\nbreak, cr\rreturn, back\\slash, \\N, \\\\N, \\t, ") +
                            QByteArray("end\\") + QByteArray("\xe2\x80\x94 \xe6\xb5\x8b\xe8\xaf\x95 \\.");

std::vector<FeedbackItem> firstFile() {
  std::vector<FeedbackItem> items;
  items.push_back(item("v\tb", kAwkward, 4.5, kAwkward));
  items.back().videoUrl = "http://x/\\N";
  items.back().rationale = {kAwkward, QByteArray("\\N"), QByteArray()};
  items.back().extra = {{"note", "\"a\\tb\\n\\\\\""}, {"n", "12"}};
  items.push_back(item("plain", "a prompt", std::nullopt));  // no visual score
  items.push_back(item("no prompt", QByteArray(), 1.0));
  items.push_back(item("\\N", "\\N", 2.0));  // a video named like COPY's NULL
  // Met again: no prompt (keeps its own), a new URL; then a new prompt, no URL (keeps the URL).
  items.push_back(item("plain", QByteArray(), 5.0, "second"));
  items.back().videoUrl = "http://x/plain";
  items.push_back(item("plain", "another prompt", 2.5, "third"));
  // Model side next to the person's, and a model-only item.
  FeedbackItem m = item("model\nside", "a prompt", 3.0);
  m.modelState = ModelScoreState::Given;
  m.modelScores.value = {1.25, 4.0, 0.1 + 2.2};
  m.modelOutput = kAwkward;
  items.push_back(m);
  FeedbackItem only = item("model only", "p3", std::nullopt);
  only.scores = {};
  only.modelState = ModelScoreState::Given;
  only.modelScores.value = {2.0, 2.0, 2.0};
  only.extra = {{"k", "true"}};
  items.push_back(only);
  return items;
}

// Updates of what the first file wrote, a new video between them, and the same video twice more.
std::vector<FeedbackItem> secondFile() {
  std::vector<FeedbackItem> items;
  items.push_back(item("v\tb", kAwkward, 1.5, "changed\tthinking"));
  items.push_back(item("new", "a prompt", 3.0));
  items.push_back(item("v\tb", "p4", 2.0, "again"));
  items.push_back(item("no prompt", "p4", 1.0));  // unchanged scores: no history row
  items.push_back(item("v\tb", "p4", 2.0, "again"));
  return items;
}

ImportOptions options() {
  ImportOptions o;
  o.annotator = QStringLiteral("ann");
  o.modelAnnotator = QStringLiteral("vscore2");
  o.modelId = QStringLiteral("m\t1");
  o.settingsJson = QStringLiteral("{\"t\":\"a\\\\b\"}");
  o.source = QStringLiteral("file\twith tab.json");
  o.format = QStringLiteral("vf2-json");
  return o;
}

// What a project holds, as text: every exported item in order, and every evaluation's history.
QStringList contents(Store& s) {
  QStringList out;
  s.exportItems({}, [&](const FeedbackItem& i) {
    QString line = QString::fromUtf8(i.videoName + " | " + i.videoUrl + " | " + i.prompt + " | " +
                                     i.annotator + " | " + i.thinking);
    for (size_t k = 0; k < 3; ++k) {
      line += QStringLiteral(" | %1 %2")
                  .arg(i.scores.value[k] ? QString::number(*i.scores.value[k], 'g', 17) : QStringLiteral("-"),
                       QString::fromUtf8(i.rationale[k]));
    }
    for (const ExtraField& f : i.extra)
      line += QString::fromUtf8(" | " + f.key + "=" + f.jsonValue);
    out << line;
  });
  for (const QueueItem& q : s.listItems()) {
    for (const Evaluation& e : q.evaluations) {
      out << QStringLiteral("evaluation %1/%2: %3 %4")
                 .arg(q.video.name)
                 .arg(e.annotatorId)
                 .arg(e.modelId, e.settingsJson);
      // Per field in the order written (SQLite's per-column triggers and the PL/pgSQL one list
      // the fields of one update in different orders, whichever way the rows arrived).
      QVector<HistoryEntry> history = s.history(e.id);
      std::stable_sort(history.begin(), history.end(),
                       [](const HistoryEntry& a, const HistoryEntry& b) { return a.field < b.field; });
      for (const HistoryEntry& h : history) {
        out << QStringLiteral("  %1: %2 -> %3 (%4)")
                   .arg(h.field, h.oldValue.toString(), h.newValue.toString(), h.origin);
      }
    }
  }
  return out;
}

QString results(const ImportResult& r) {
  return QStringLiteral("%1 items, %2 videos, %3 created, %4 updated")
      .arg(r.items)
      .arg(r.videosCreated)
      .arg(r.evaluationsCreated)
      .arg(r.evaluationsUpdated);
}

}  // namespace

class TestStoreBulk : public QObject {
  Q_OBJECT
  QDir tmp_;

 private slots:
  void initTestCase() {
    const QString scratch =
        qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vs_store_bulk"));
    QDir(scratch).removeRecursively();
    QVERIFY(QDir().mkpath(scratch));
    tmp_ = QDir(scratch);
    QString whyNot;
    if (!g_backend.init(tmp_, &whyNot))
      QSKIP(qPrintable(whyNot));
    if (!g_backend.postgres())
      QSKIP("compares a PostgreSQL import with a .vsproj import (VS_TEST_BACKEND=postgres)");
  }

  void copyImportEqualsRowImport() {
    Store file(tmp_.filePath(QStringLiteral("reference.vsproj")), OpenMode::CreateNew);
    Store db(g_backend.fresh(QStringLiteral("bulk")), OpenMode::CreateNew);
    // Something already in the project: a prompt and a video the files meet again.
    for (Store* s : {&file, &db}) {
      Video v;
      v.name = QStringLiteral("plain");
      v.url = QStringLiteral("http://old/plain");
      s->addVideo(v);
    }
    QStringList fileResults, dbResults;
    for (const auto& items : {firstFile(), secondFile()}) {
      fileResults << results(file.importItems(items, options()));
      dbResults << results(db.importItems(items, options()));
    }
    QCOMPARE(dbResults, fileResults);
    const QStringList want = contents(file);
    QVERIFY(want.size() > 20);
    QCOMPARE(contents(db), want);
    QCOMPARE(db.stats().evaluations, file.stats().evaluations);
  }

  void batchOverTheSameVideoAndPerson() {
    // 300 items over 7 videos: every item after the seventh repeats a (video, person) pair.
    std::vector<FeedbackItem> items;
    for (int i = 0; i < 300; ++i) {
      const QByteArray name = "r" + QByteArray::number(i % 7);
      items.push_back(item(name.constData(), "p" + QByteArray::number(i % 5), 1.0 + (i % 9) * 0.5,
                           "t" + QByteArray::number(i)));
    }
    Store file(tmp_.filePath(QStringLiteral("repeats.vsproj")), OpenMode::CreateNew);
    Store db(g_backend.fresh(QStringLiteral("bulk")), OpenMode::CreateNew);
    QCOMPARE(results(db.importItems(items, options())), results(file.importItems(items, options())));
    QCOMPARE(contents(db), contents(file));
  }

  void failedImportWritesNothing() {
    Store db(g_backend.fresh(QStringLiteral("bulk")), OpenMode::CreateNew);
    db.importItems(firstFile(), options());
    const QStringList before = contents(db);
    std::vector<FeedbackItem> items = secondFile();
    items.push_back(item("bad", "p", 7.0));  // out of range, after rows were staged
    QVERIFY_THROWS_EXCEPTION(vs::Error, db.importItems(items, options()));
    QCOMPARE(contents(db), before);
    // The session stays usable: the same import without the bad item goes through.
    items.pop_back();
    db.importItems(items, options());
    QVERIFY(contents(db) != before);
  }
};

QTEST_GUILESS_MAIN(TestStoreBulk)
#include "test_store_bulk.moc"
