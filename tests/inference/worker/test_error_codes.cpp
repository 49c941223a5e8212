// The worker's one mapping of errors to protocol codes and exit codes: every kind at every stage
// as the protocol documents it (protocol.h), what rethrowAsMethodError makes of the exceptions a
// method can meet, and generate's exit codes.
#include <QTest>

#include <new>
#include <stdexcept>
#include <string>

#include "inference/base/error.h"
#include "inference/worker/error_codes.h"
#include "inference/worker/worker_loop.h"

using namespace vs::worker;
using Kind = vs::inference::Error::Kind;

namespace {

// The MethodError that rethrowAsMethodError makes of `thrown` at `stage` (loading "/m").
template <typename E>
MethodError mapped(const E& thrown, Stage stage) {
  try {
    try {
      throw thrown;
    } catch (...) {
      rethrowAsMethodError(stage, "/m");
    }
  } catch (const MethodError& e) {
    return e;
  }
  return MethodError("none", "");
}

}  // namespace

class TestErrorCodes : public QObject {
  Q_OBJECT

 private slots:
  void everyKindAtEveryStage_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("load");
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("score");
    // core/media's errors reach the worker as Io or InvalidData: bad_model while loading,
    // bad_video while sampling.
    QTest::newRow("io") << int(Kind::Io) << "bad_model"
                        << "bad_video"
                        << "internal";
    QTest::newRow("invalid data") << int(Kind::InvalidData) << "bad_model"
                                  << "bad_video"
                                  << "internal";
    QTest::newRow("bad model") << int(Kind::BadModel) << "bad_model"
                               << "bad_video"
                               << "internal";
    QTest::newRow("bad input") << int(Kind::BadInput) << "internal"
                               << "bad_video"
                               << "bad_video";
    QTest::newRow("out of memory") << int(Kind::OutOfMemory) << "out_of_memory"
                                   << "out_of_memory"
                                   << "out_of_memory";
    QTest::newRow("internal") << int(Kind::Internal) << "internal"
                              << "bad_video"
                              << "internal";
  }

  void everyKindAtEveryStage() {
    QFETCH(int, kind);
    QFETCH(QString, load);
    QFETCH(QString, sample);
    QFETCH(QString, score);
    const auto k = static_cast<Kind>(kind);
    QCOMPARE(QString::fromLatin1(protocolCode(k, Stage::Load)), load);
    QCOMPARE(QString::fromLatin1(protocolCode(k, Stage::Sample)), sample);
    QCOMPARE(QString::fromLatin1(protocolCode(k, Stage::Score)), score);
    // Through rethrowAsMethodError too, with the error's own text.
    const vs::inference::Error error(k, "clip.mp4", "", "no frames");
    const MethodError e = mapped(error, Stage::Sample);
    QCOMPARE(QString::fromStdString(e.code()), sample);
    QCOMPARE(std::string(e.what()), std::string("clip.mp4: no frames"));
  }

  void otherExceptions() {
    const MethodError passed = mapped(MethodError("cancelled", "stop"), Stage::Score);
    QCOMPARE(passed.code(), std::string("cancelled"));
    QCOMPARE(std::string(passed.what()), std::string("stop"));

    QCOMPARE(std::string(mapped(std::bad_alloc(), Stage::Load).what()),
             std::string("out of memory while loading /m"));
    QCOMPARE(mapped(std::bad_alloc(), Stage::Sample).code(), std::string("out_of_memory"));
    QCOMPARE(std::string(mapped(std::bad_alloc(), Stage::Score).what()),
             std::string("out of memory while scoring"));

    const MethodError cuda = mapped(std::runtime_error("CUDA out of memory. Tried"), Stage::Score);
    QCOMPARE(cuda.code(), std::string("out_of_memory"));
    QCOMPARE(std::string(cuda.what()), std::string("CUDA out of memory. Tried"));

    const MethodError load = mapped(std::runtime_error("shape mismatch"), Stage::Load);
    QCOMPARE(load.code(), std::string("bad_model"));
    QCOMPARE(std::string(load.what()), std::string("/m: shape mismatch"));

    // Outside a load, an unknown exception goes on as it is (the loop answers internal).
    bool rethrown = false;
    try {
      try {
        throw std::logic_error("bug");
      } catch (...) {
        rethrowAsMethodError(Stage::Score, "/m");
      }
    } catch (const std::logic_error& e) {
      rethrown = std::string(e.what()) == "bug";
    }
    QVERIFY(rethrown);
  }

  void exitCodes() {
    QCOMPARE(exitCode(vs::inference::Error(Kind::Io, "x")), 1);
    QCOMPARE(exitCode(vs::inference::Error(Kind::InvalidData, "x")), 3);
    QCOMPARE(exitCode(vs::inference::Error(Kind::BadModel, "x")), 3);
    QCOMPARE(exitCode(vs::inference::Error(Kind::BadInput, "x")), 3);
    QCOMPARE(exitCode(vs::inference::Error(Kind::OutOfMemory, "x")), 1);
    QCOMPARE(exitCode(vs::inference::Error(Kind::Internal, "x")), 1);
  }
};

QTEST_GUILESS_MAIN(TestErrorCodes)
#include "test_error_codes.moc"
