// ImportPipe: every item arrives once and in file order across batches; an invalid item is
// rethrown on the reading thread; a pipe dropped half-way stops its parser.
#include <QtTest>

#include "core/domain/error.h"
#include "core/interop/import_pipe.h"

using namespace vs;
using namespace vs::interop;

namespace {

// VideoFeedback2 JSON lines; item `bad` (1-based) lacks phy_score when given.
QByteArray jsonLines(int count, int bad = -1) {
  QByteArray out;
  for (int i = 1; i <= count; ++i) {
    out += "{\"video_name\": \"v" + QByteArray::number(i) + "\", \"prompt\": \"p" +
           QByteArray::number(i / 4) + "\", \"visual_score\": 1, \"t2v_score\": 2";
    out += i == bad ? QByteArray("}\n") : QByteArray(", \"phy_score\": 3}\n");
  }
  return out;
}

}  // namespace

class TestImportPipe : public QObject {
  Q_OBJECT
 private slots:
  void deliversEveryItemInOrder() {
    const QByteArray bytes = jsonLines(2000);  // several batches of 512
    ImportPipe pipe(bytes, Format::Vf2Jsonl, QStringLiteral("f.jsonl"));
    pipe.waitForFirst();
    QVERIFY(!pipe.empty());
    int n = 0;
    while (const FeedbackItem* item = pipe.next()) {
      ++n;
      QCOMPARE(QString::fromUtf8(item->videoName), QStringLiteral("v%1").arg(n));
    }
    QCOMPARE(n, 2000);
    QCOMPARE(pipe.next(), nullptr);
  }

  void emptyFile() {
    const QByteArray bytes = "[]";
    ImportPipe pipe(bytes, Format::Vf2Json, QStringLiteral("f.json"));
    pipe.waitForFirst();
    QVERIFY(pipe.empty());
    QCOMPARE(pipe.next(), nullptr);
  }

  void invalidItemReachesTheReader() {
    const QByteArray bytes = jsonLines(1500, 1200);
    ImportPipe pipe(bytes, Format::Vf2Jsonl, QStringLiteral("f.jsonl"));
    int n = 0;
    QString message;
    try {
      pipe.waitForFirst();
      while (pipe.next() != nullptr) {
        ++n;
      }
    } catch (const Error& e) {
      message = e.full();
    }
    QVERIFY2(message.contains(QStringLiteral("item 1200")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("phy_score")), qPrintable(message));
    QVERIFY(n < 1200);
  }

  void predictionsNeedPrompts() {
    const QByteArray bytes =
        "[{\"video_name\": \"a\", \"prompt\": \"p\", \"v_score_gt\": 4, \"t_score_gt\": 3, \"p_score_gt\": "
        "5, \"output\": \"o\"},"
        " {\"video_name\": \"b\", \"v_score_gt\": 4, \"t_score_gt\": 3, \"p_score_gt\": 5, \"output\": "
        "\"o\"}]";
    ImportPipe pipe(bytes, Format::Predictions, QStringLiteral("pred.json"));
    QString message;
    try {
      pipe.waitForFirst();
      while (pipe.next() != nullptr) {
      }
    } catch (const Error& e) {
      message = e.full();
    }
    QVERIFY2(message.contains(QStringLiteral("item 2 (video_name \"b\")")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("missing required key prompt")), qPrintable(message));
  }

  void droppedEarlyStopsTheParser() {
    const QByteArray bytes = jsonLines(20000);  // more than the queue holds
    ImportPipe pipe(bytes, Format::Vf2Jsonl, QStringLiteral("f.jsonl"));
    pipe.waitForFirst();
    QVERIFY(pipe.next() != nullptr);
    // The destructor must return although the parser is blocked on a full queue.
  }
};

QTEST_GUILESS_MAIN(TestImportPipe)
#include "test_import_pipe.moc"
