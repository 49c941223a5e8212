// core/interop writers: every importable format reads back what was written; a writer that is
// not committed leaves the target untouched.
#include <QDir>
#include <QFile>
#include <QtTest>

#include "core/domain/error.h"
#include "core/interop/item_reader.h"
#include "core/interop/item_writer.h"

using namespace vs;
using namespace vs::interop;

namespace {

std::vector<FeedbackItem> sample() {
  FeedbackItem a;
  a.videoName = "\xE4\xB8\xAD\xE6\x96\x87_01";
  a.videoUrl = "https://example.org/a.mp4";
  a.prompt = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D, \"quoted\"\n\\ \xF0\x9F\x8E\xAC";
  a.scores.value = {4.0, 2.5, 1.0};
  a.thinking = "line1\r\nline2\t\x01";
  a.rationale[1] = "comma, here";
  a.extra = {{"z", "{\"k\":[1,2]}"}, {"a", "\"text, \\\"q\\\"\""}};
  FeedbackItem b;
  b.videoName = "b";
  b.scores.value = {5.0, 5.0, 5.0};
  return {a, b};
}

}  // namespace

class TestItemWriter : public QObject {
  Q_OBJECT
  QDir tmp_;

 private slots:
  void initTestCase() {
    const QString scratch =
        qEnvironmentVariable("VS_TEST_TMP", QDir::tempPath() + QStringLiteral("/vs_writer"));
    QDir(scratch).removeRecursively();
    QVERIFY(QDir().mkpath(scratch));
    tmp_ = QDir(scratch);
  }

  void roundTrip_data() {
    QTest::addColumn<int>("format");
    QTest::newRow("vf2-json") << int(Format::Vf2Json);
    QTest::newRow("vf2-jsonl") << int(Format::Vf2Jsonl);
    QTest::newRow("csv") << int(Format::Csv);
    QTest::newRow("labelstudio") << int(Format::LabelStudio);
  }
  void roundTrip() {
    QFETCH(int, format);
    const auto f = static_cast<Format>(format);
    const QString path = tmp_.filePath(QStringLiteral("rt.") + formatName(f));
    const auto items = sample();
    {
      auto w = openWriter(path, f);
      for (const auto& it : items)
        w->write(it);
      w->commit();
    }
    const auto back = readItems(path, f);
    QCOMPARE(back.size(), items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      QCOMPARE(back[i].videoName, items[i].videoName);
      QCOMPARE(back[i].prompt, items[i].prompt);
      QCOMPARE(back[i].scores, items[i].scores);
      QCOMPARE(back[i].thinking, items[i].thinking);
      QCOMPARE(back[i].rationale, items[i].rationale);
      if (f == Format::Csv && i == 1) {
        // A CSV row has every column: keys the item lacked come back as empty text.
        QCOMPARE(back[i].extra.size(), size_t(2));
        QCOMPARE(back[i].extra[0].jsonValue, QByteArray("\"\""));
        continue;
      }
      QCOMPARE(back[i].extra.size(), items[i].extra.size());
      for (size_t k = 0; k < items[i].extra.size(); ++k) {
        QCOMPARE(back[i].extra[k].key, items[i].extra[k].key);
        if (f != Format::Csv) {
          QCOMPARE(back[i].extra[k].jsonValue, items[i].extra[k].jsonValue);
        }
      }
    }
    if (f == Format::Csv) {
      // CSV carries kept values as text: strings as they are, other JSON as its text.
      QCOMPARE(back[0].extra[0].jsonValue, QByteArray("\"{\\\"k\\\": [1, 2]}\""));
      QCOMPARE(back[0].extra[1].jsonValue, QByteArray("\"text, \\\"q\\\"\""));
    }
  }

  // One task per video: a person's item becomes an annotation, a model's a prediction with its
  // score, a kept control a result again.
  void labelStudioGroupsOneVideo() {
    auto items = sample();
    FeedbackItem person = items[1];
    person.annotator = "ls-user-12";
    person.extra = {
        {"artifacts", "{\"type\":\"choices\",\"to_name\":\"video\",\"value\":{\"choices\":[\"none\"]}}"}};
    FeedbackItem model = items[1];
    model.annotator = "m1";
    model.annotatorKind = AnnotatorKind::Model;
    model.scores.value = {3.0, 2.0, 1.0};
    model.extra = {{"score", "0.5"}};
    const QString path = tmp_.filePath(QStringLiteral("group.json"));
    {
      auto w = openWriter(path, Format::LabelStudio);
      w->write(person);
      w->write(model);
      w->commit();
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY2(text.contains("\"annotations\": [{\"id\": 1, \"completed_by\": 12, \"result\": ["),
             text.constData());
    QVERIFY2(text.contains("{\"from_name\": \"artifacts\", \"to_name\": \"video\", \"type\": \"choices\", "
                           "\"value\": {\"choices\": [\"none\"]}}"),
             text.constData());
    QVERIFY2(text.contains(
                 "\"predictions\": [{\"id\": 2, \"model_version\": \"m1\", \"score\": 0.5, \"result\": ["),
             text.constData());
    QVERIFY2(text.contains("\"data\": {\"video_name\": \"b\", \"video\": \"\", \"prompt\": \"\"}"),
             text.constData());
    const auto back = readItems(path, Format::LabelStudio);
    QCOMPARE(back.size(), size_t(2));
    QCOMPARE(back[0].annotator, QByteArray("ls-user-12"));
    QCOMPARE(back[0].extra, person.extra);
    QCOMPARE(back[1].annotator, QByteArray("m1"));
    QCOMPARE(back[1].scores, model.scores);
    QCOMPARE(back[1].extra, model.extra);
  }

  void predictionsRoundTrip() {
    auto items = sample();
    items[0].modelState = ModelScoreState::Given;
    items[0].modelScores.value = {3.8721, std::nullopt, 4.0};
    items[0].modelOutput = "visual quality: 4";
    const QString path = tmp_.filePath(QStringLiteral("pred.json"));
    {
      auto w = openWriter(path, Format::Predictions);
      for (const auto& it : items)
        w->write(it);
      w->commit();
    }
    const auto back = readPredictions(path);
    QCOMPARE(back.size(), size_t(2));
    QCOMPARE(back[0].modelScores, items[0].modelScores);
    QCOMPARE(back[0].modelOutput, items[0].modelOutput);
    QCOMPARE(back[0].scores, items[0].scores);
    QCOMPARE(back[1].modelState, ModelScoreState::Given);  // keys present, all null
    QVERIFY(back[1].modelScores.empty());
  }

  // The bytes of each writer against the files Python's json and csv modules wrote from the
  // same input (tests/data/interop/make_expected.py), not only through our own reader.
  void writerMatchesPythonBytes_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("vf2-json") << "hard_text.json" << int(Format::Vf2Json) << "hard_text.expected.json";
    QTest::newRow("vf2-jsonl") << "hard_text.json" << int(Format::Vf2Jsonl) << "hard_text.expected.jsonl";
    QTest::newRow("csv") << "hard_text.json" << int(Format::Csv) << "hard_text.expected.csv";
  }
  void writerMatchesPythonBytes() {
    QFETCH(QString, input);
    QFETCH(int, format);
    QFETCH(QString, expected);
    const QString data = QStringLiteral(VS_TEST_DATA_DIR "/interop/");
    const auto items = readItems(data + input, Format::Vf2Json);
    const QString path =
        tmp_.filePath(QStringLiteral("python_bytes.") + expected.section(QLatin1Char('.'), -1));
    {
      auto w = openWriter(path, Format(format));
      for (const auto& it : items)
        w->write(it);
      w->commit();
    }
    QFile ours(path);
    QFile theirs(data + expected);
    QVERIFY(ours.open(QIODevice::ReadOnly));
    QVERIFY(theirs.open(QIODevice::ReadOnly));
    QCOMPARE(ours.readAll(), theirs.readAll());
  }

  void uncommittedWriterLeavesTargetAlone() {
    const QString path = tmp_.filePath(QStringLiteral("keep.json"));
    {
      QFile f(path);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("old");
    }
    {
      auto w = openWriter(path, Format::Vf2Json);
      for (const auto& it : sample())
        w->write(it);
      // no commit: an error or a crash before the end
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("old"));
    QCOMPARE(QDir(tmp_).entryList(QDir::Files).filter(QStringLiteral("keep")).size(), 1);  // no temp left
  }

  void unwritableFolderIsAnIoError() {
    try {
      openWriter(QStringLiteral("/nonexistent-folder/x.json"), Format::Vf2Json);
      QFAIL("no error");
    } catch (const vs::Error& e) {
      QCOMPARE(e.kind(), vs::Error::Kind::Io);
    }
  }
};

QTEST_GUILESS_MAIN(TestItemWriter)
#include "test_item_writer.moc"
