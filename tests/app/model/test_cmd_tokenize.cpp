// vscore tokenize: ids and decoded strings equal the reference fixtures of tests/data/tokenizer;
// exit codes for bad input.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <nlohmann/json.hpp>

namespace {

struct Run {
  int exit_code = -1;
  QByteArray out;
  QByteArray err;
};

Run vscore(const QStringList& args, const QByteArray& input) {
  QProcess p;
  p.start(qEnvironmentVariable("VS_VSCORE"), args);
  p.write(input);
  p.closeWriteChannel();
  if (!p.waitForFinished(120000)) {
    qFatal("vscore did not finish");
  }
  return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QList<QByteArray> fixtureLines(const char* name, int count) {
  QFile f(QStringLiteral(VS_TEST_DATA_DIR "/tokenizer/") + QLatin1String(name));
  if (!f.open(QIODevice::ReadOnly)) {
    qFatal("missing fixture %s", name);
  }
  QList<QByteArray> lines = f.readAll().split('\n');
  lines.removeAll(QByteArray());
  return lines.mid(0, count);
}

QStringList tokenizerArg() {
  return {"tokenize", "--tokenizer", qEnvironmentVariable("VS_QWEN_TOKENIZER_GZ")};
}

}  // namespace

class TestCmdTokenize : public QObject {
  Q_OBJECT

 private slots:
  void encodesLikeTheReference() {
    const QList<QByteArray> cases = fixtureLines("golden_encode.jsonl", 200);
    QByteArray input;
    for (const QByteArray& c : cases) {
      input += QByteArray::fromStdString(nlohmann::json::parse(c.toStdString())["text"].dump()) + "\n";
    }
    const Run r = vscore(tokenizerArg(), input);
    QCOMPARE(r.exit_code, 0);
    const QList<QByteArray> out = r.out.split('\n');
    QCOMPARE(out.size(), cases.size() + 1);  // trailing newline
    for (int i = 0; i < cases.size(); ++i) {
      const QJsonArray expected = QJsonDocument::fromJson(cases[i]).object().value("ids").toArray();
      QCOMPARE(QJsonDocument::fromJson(out[i]).array(), expected);
    }
  }

  void decodesLikeTheReference() {
    const QList<QByteArray> cases = fixtureLines("golden_decode.jsonl", 400);
    QByteArray input;
    for (const QByteArray& c : cases) {
      input += QJsonDocument(QJsonDocument::fromJson(c).object().value("ids").toArray())
                   .toJson(QJsonDocument::Compact) +
               "\n";
    }
    for (const char* mode : {"keep", "skip"}) {
      QStringList args = tokenizerArg() << "--decode";
      if (QByteArray(mode) == "skip") {
        args << "--skip-special";
      }
      const Run r = vscore(args, input);
      QCOMPARE(r.exit_code, 0);
      const QList<QByteArray> out = r.out.split('\n');
      QCOMPARE(out.size(), cases.size() + 1);
      for (int i = 0; i < cases.size(); ++i) {
        const QString expected =
            QJsonDocument::fromJson(cases[i]).object().value(QLatin1String(mode)).toString();
        QCOMPARE(QJsonDocument::fromJson("[" + out[i] + "]").array()[0].toString(), expected);
      }
    }
  }

  void exitCodes() {
    QCOMPARE(vscore({"tokenize"}, {}).exit_code, 2);
    QCOMPARE(vscore(tokenizerArg() << "--skip-special", {}).exit_code, 2);
    const Run missing = vscore({"tokenize", "--tokenizer", "/nonexistent/tokenizer.json"}, "\"a\"\n");
    QCOMPARE(missing.exit_code, 1);
    QVERIFY(missing.err.startsWith("vscore: error: /nonexistent/tokenizer.json"));
    const Run bad = vscore(tokenizerArg(), "\"Hello world\"\n42\n");
    QCOMPARE(bad.exit_code, 3);
    QCOMPARE(bad.out, QByteArray("[9707,1879]\n"));
    QCOMPARE(bad.err, QByteArray("vscore: error: <stdin>:2: expected a JSON string\n"));
    QCOMPARE(vscore(tokenizerArg() << "--decode", "[1, -2]\n").exit_code, 3);
    QCOMPARE(vscore(tokenizerArg() << "--decode", "not json\n").exit_code, 3);
  }
};

QTEST_GUILESS_MAIN(TestCmdTokenize)
#include "test_cmd_tokenize.moc"
