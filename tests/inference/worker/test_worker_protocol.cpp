// The real vscore-worker binary, driven through its stdin/stdout (inference/worker/protocol.h).
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

class Worker {
 public:
  Worker() {
    process_.setProgram(QStringLiteral(VS_WORKER_PATH));
    process_.start();
    if (!process_.waitForStarted(10000)) {
      qFatal("cannot start %s", VS_WORKER_PATH);
    }
  }
  ~Worker() {
    if (process_.state() != QProcess::NotRunning) {
      process_.kill();
      process_.waitForFinished(5000);
    }
  }
  void send(const QByteArray& line) { process_.write(line + '\n'); }
  // Next line on stdout as a JSON object (fails the test after a timeout).
  QJsonObject next(int timeout_ms = 10000) {
    QElapsedTimer clock;
    clock.start();
    while (!process_.canReadLine()) {
      if (clock.elapsed() > timeout_ms || !process_.waitForReadyRead(timeout_ms)) {
        if (!process_.canReadLine()) {
          return QJsonObject{{QStringLiteral("timeout"), true}};
        }
      }
    }
    const QByteArray line = process_.readLine();
    const QJsonDocument doc = QJsonDocument::fromJson(line);
    return doc.isObject() ? doc.object() : QJsonObject{{QStringLiteral("not_json"), QString::fromUtf8(line)}};
  }
  // Skips progress events until the reply for `id`.
  QJsonObject reply(int id, int* progress_events = nullptr) {
    for (;;) {
      const QJsonObject o = next();
      if (o.contains(QStringLiteral("timeout")) || o.contains(QStringLiteral("not_json"))) {
        return o;
      }
      if (o.value(QStringLiteral("id")).toInt() == id && o.contains(QStringLiteral("event"))) {
        if (progress_events != nullptr)
          ++*progress_events;
        continue;
      }
      if (o.value(QStringLiteral("id")).toInt() == id) {
        return o;
      }
    }
  }
  QProcess& process() { return process_; }

 private:
  QProcess process_;
};

QString errorCode(const QJsonObject& o) {
  return o.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

}  // namespace

class TestWorkerProtocol : public QObject {
  Q_OBJECT
 private slots:
  void helloDescribesTheWorker() {
    Worker w;
    w.send(R"({"id":1,"method":"hello"})");
    const QJsonObject r = w.reply(1).value(QStringLiteral("result")).toObject();
    QCOMPARE(r.value(QStringLiteral("name")).toString(), QStringLiteral("vscore-worker"));
    QCOMPARE(r.value(QStringLiteral("protocol")).toInt(), 1);
    QVERIFY(r.contains(QStringLiteral("engine")));
  }

  void garbageAndUnknownMethodsAreAnsweredAndTheWorkerGoesOn() {
    Worker w;
    w.send("this is not json {");
    QJsonObject o = w.next();
    QVERIFY(o.value(QStringLiteral("id")).isNull());
    QCOMPARE(errorCode(o), QStringLiteral("parse_error"));
    w.send("[1,2,3]");
    QCOMPARE(errorCode(w.next()), QStringLiteral("invalid_request"));
    w.send(R"({"id":2,"method":"frobnicate"})");
    o = w.next();
    QCOMPARE(o.value(QStringLiteral("id")).toInt(), 2);
    QCOMPARE(errorCode(o), QStringLiteral("unknown_method"));
    w.send(R"({"id":3})");
    QCOMPARE(errorCode(w.reply(3)), QStringLiteral("invalid_request"));
    w.send(R"({"id":4,"method":"ping","params":[1]})");
    QCOMPARE(errorCode(w.reply(4)), QStringLiteral("invalid_request"));
    w.send(R"({"id":5,"method":"hello"})");
    QVERIFY(w.reply(5).contains(QStringLiteral("result")));
  }

  void scoreBeforeLoadAndBadModelAreErrors() {
    Worker w;
    w.send(R"({"id":1,"method":"score","params":{"video":"/nonexistent.mp4","prompt":"p"}})");
    QCOMPARE(errorCode(w.reply(1)), QStringLiteral("no_model"));
    w.send(R"({"id":2,"method":"load","params":{"model":"/nonexistent/model/dir"}})");
    const QString code = errorCode(w.reply(2));
    // Without the engine compiled in the worker says so; with it, the directory is bad.
    QVERIFY2(code == QStringLiteral("bad_model") || code == QStringLiteral("unavailable"), qPrintable(code));
    w.send(R"({"id":3,"method":"load","params":{"model":"x","device":"tpu"}})");
    QCOMPARE(errorCode(w.reply(3)), QStringLiteral("invalid_request"));
  }

  void prefetchIsAnsweredAtOnce() {
    Worker w;
    // Before a load there is nothing to sample for; the hint is declined, not an error.
    w.send(R"({"id":1,"method":"prefetch","params":{"video":"/nonexistent.mp4"}})");
    const QJsonObject r = w.reply(1);
    QVERIFY2(r.contains(QStringLiteral("result")), QJsonDocument(r).toJson().constData());
    QCOMPARE(r.value(QStringLiteral("result")).toObject().value(QStringLiteral("prefetching")).toBool(true),
             false);
    w.send(R"({"id":2,"method":"prefetch","params":{}})");
    QCOMPARE(errorCode(w.reply(2)), QStringLiteral("invalid_request"));
    w.send(R"({"id":3,"method":"prefetch","params":{"video":"a.mp4","fps":0}})");
    QCOMPARE(errorCode(w.reply(3)), QStringLiteral("invalid_request"));
    // While a job runs, the hint is still answered at once (it does not wait behind the job).
    w.send(R"({"id":4,"method":"ping","params":{"delay_ms":3000}})");
    w.send(R"({"id":5,"method":"prefetch","params":{"video":"a.mp4"}})");
    for (;;) {
      const QJsonObject o = w.next(15000);
      QVERIFY(!o.contains(QStringLiteral("timeout")));
      if (o.contains(QStringLiteral("event")))
        continue;
      QCOMPARE(o.value(QStringLiteral("id")).toInt(), 5);  // before the ping's result
      QVERIFY(o.contains(QStringLiteral("result")));
      break;
    }
    QVERIFY(w.reply(4).contains(QStringLiteral("result")));
  }

  void cancelEndsARunningJobAndAQueuedOne() {
    Worker w;
    w.send(R"({"id":10,"method":"ping","params":{"delay_ms":60000}})");
    w.send(R"({"id":11,"method":"ping","params":{"delay_ms":60000}})");
    // The reader answers while the job thread is busy.
    QJsonObject first = w.next();
    QCOMPARE(first.value(QStringLiteral("id")).toInt(), 10);
    QCOMPARE(first.value(QStringLiteral("event")).toString(), QStringLiteral("progress"));
    w.send(R"({"id":12,"method":"cancel","params":{"id":11}})");
    w.send(R"({"id":13,"method":"cancel","params":{"id":10}})");
    QCOMPARE(errorCode(w.reply(11)), QStringLiteral("cancelled"));
    QCOMPARE(w.reply(12).value(QStringLiteral("result")).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("queued"));
    QCOMPARE(w.reply(13).value(QStringLiteral("result")).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("running"));
    QCOMPARE(errorCode(w.reply(10)), QStringLiteral("cancelled"));
    w.send(R"({"id":14,"method":"cancel","params":{"id":999}})");
    QCOMPARE(
        w.reply(14).value(QStringLiteral("result")).toObject().value(QStringLiteral("cancelled")).toBool(),
        false);
    w.send(R"({"id":15,"method":"ping","params":{"delay_ms":120}})");
    int events = 0;
    QVERIFY(w.reply(15, &events)
                .value(QStringLiteral("result"))
                .toObject()
                .value(QStringLiteral("pong"))
                .toBool());
    QVERIFY(events >= 1);
  }

  void shutdownCancelsWorkAndExits() {
    Worker w;
    w.send(R"({"id":1,"method":"ping","params":{"delay_ms":60000}})");
    QCOMPARE(w.next().value(QStringLiteral("event")).toString(), QStringLiteral("progress"));
    w.send(R"({"id":2,"method":"shutdown"})");
    QVERIFY(w.reply(2).contains(QStringLiteral("result")));
    QCOMPARE(errorCode(w.reply(1)), QStringLiteral("cancelled"));
    QVERIFY(w.process().waitForFinished(10000));
    QCOMPARE(w.process().exitCode(), 0);
  }

  void endOfInputFinishesQueuedWorkThenExits() {
    Worker w;
    w.send(R"({"id":1,"method":"ping","params":{"delay_ms":100}})");
    w.send(R"({"id":2,"method":"ping","params":{"delay_ms":100}})");
    w.process().closeWriteChannel();
    QVERIFY(w.reply(1).contains(QStringLiteral("result")));
    QVERIFY(w.reply(2).contains(QStringLiteral("result")));
    QVERIFY(w.process().waitForFinished(10000));
    QCOMPARE(w.process().exitStatus(), QProcess::NormalExit);
  }
};

QTEST_GUILESS_MAIN(TestWorkerProtocol)
#include "test_worker_protocol.moc"
