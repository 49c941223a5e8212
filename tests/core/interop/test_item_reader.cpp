// core/interop readers: format detection, labels and aliases, locations in errors, the
// prediction-file re-parse rule, CSV quoting.
#include <QtTest>

#include "core/domain/error.h"
#include "core/interop/format.h"
#include "core/interop/item_reader.h"

using namespace vs;
using namespace vs::interop;

namespace {

QString errorOf(const QByteArray& bytes, Format format) {
  try {
    parseItems(bytes, format, QStringLiteral("f"));
  } catch (const vs::Error& e) {
    return e.full();
  }
  return {};
}

}  // namespace

class TestItemReader : public QObject {
  Q_OBJECT
 private slots:
  void detectsFormats() {
    QCOMPARE(detectFormat(QStringLiteral("a.json"), "  [{\"video_name\": \"x\"}]"), Format::Vf2Json);
    QCOMPARE(detectFormat(QStringLiteral("a.json"), "[{\"video_name\": \"x\", \"v_score_model\": 3}]"),
             Format::Predictions);
    QCOMPARE(detectFormat(QStringLiteral("a.json"), "[{\"data\": {}, \"annotations\": []}]"),
             Format::LabelStudio);
    QCOMPARE(detectFormat(QStringLiteral("a.jsonl"), "{\"video_name\": \"x\"}\n{\"video_name\": \"y\"}\n"),
             Format::Vf2Jsonl);
    QCOMPARE(detectFormat(QStringLiteral("a.txt"), "\xEF\xBB\xBFvideo_name,visual_score\n"), Format::Csv);
    QCOMPARE(detectFormat(QStringLiteral("a.csv"), "x,y\n"), Format::Csv);
    QVERIFY(!detectFormat(QStringLiteral("a.json"), ""));
    QVERIFY(!detectFormat(QStringLiteral("a.bin"), QByteArray("\x00\x01\x02", 3)));
  }

  void readsLabelsAliasesAndFloats() {
    const QByteArray json =
        "\xEF\xBB\xBF[{\"video_name\": \"a\", \"prompt\": \"p\", \"visual_score\": \"5-Very Good\", "
        "\"t2v_align_score\": \"Relatively Poor\","
        " \"physical_score\": 3.8721, \"visual_comment\": \"c\", \"x\": {\"b\": 1, \"a\": [true, null]}}]";
    const auto items = parseItems(json, Format::Vf2Json, QStringLiteral("f"));
    QCOMPARE(items.size(), size_t(1));
    QCOMPARE(items[0].scores.value[0].value_or(0), 5.0);
    QCOMPARE(items[0].scores.value[1].value_or(0), 2.0);
    QCOMPARE(items[0].scores.value[2].value_or(0), 3.8721);
    QCOMPARE(items[0].rationale[0], QByteArray("c"));
    QCOMPARE(items[0].extra.size(), size_t(1));
    QCOMPARE(items[0].extra[0].jsonValue, QByteArray("{\"b\":1,\"a\":[true,null]}"));
    QCOMPARE(items[0].sourceLine, 1);
  }

  void errorsNameLineItemAndField_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("message");
    QTest::newRow("syntax line") << QByteArray("[\n{\"video_name\": \"a\",\n\"visual_score\": }]")
                                 << int(Format::Vf2Json) << "f:3: expected a value";
    QTest::newRow("range")
        << QByteArray("[{\"video_name\": \"a\", \"visual_score\": 1, \"t2v_score\": 0, \"phy_score\": 1}]")
        << int(Format::Vf2Json) << "f: item 1 (video_name \"a\"): t2v_score 0 is outside 1..5";
    QTest::newRow("null score")
        << QByteArray("[{\"video_name\": \"a\", \"visual_score\": null, \"t2v_score\": 1, \"phy_score\": 1}]")
        << int(Format::Vf2Json) << "f: item 1 (video_name \"a\"): visual_score is null";
    QTest::newRow("name type")
        << QByteArray("[{\"video_name\": 5, \"visual_score\": 1, \"t2v_score\": 1, \"phy_score\": 1}]")
        << int(Format::Vf2Json) << "f: item 1: video_name: expected a string, got a number";
    QTest::newRow("not an array") << QByteArray("{\"video_name\": \"a\"}") << int(Format::Vf2Json)
                                  << "f:1: expected '['";
    QTest::newRow("jsonl line")
        << QByteArray(
               "\n{\"video_name\": \"a\", \"prompt\": \"p\", \"visual_score\": 1, \"t2v_score\": 1, "
               "\"phy_score\": 1}\n\n{\"video_name\": \"b\", \"visual_score\": 1, \"t2v_score\": 1}\n")
        << int(Format::Vf2Jsonl) << "f:4: item 2 (video_name \"b\"): missing required key phy_score";
    QTest::newRow("csv line after multi-line field")
        << QByteArray(
               "video_name,prompt,visual_score,t2v_score,phy_score,thinking\n\"a\",p,1,1,1,\"x\ny\nz\"\nb,p,"
               "1,1,9,\n")
        << int(Format::Csv) << "f:5: item 2 (video_name \"b\"): phy_score 9 is outside 1..5";
    QTest::newRow("csv empty score") << QByteArray(
                                            "video_name,prompt,visual_score,t2v_score,phy_score\na,p,,1,1\n")
                                     << int(Format::Csv)
                                     << "f:2: item 1 (video_name \"a\"): visual_score is empty";
    QTest::newRow("csv bad utf-8")
        << QByteArray("video_name,prompt,visual_score,t2v_score,phy_score\na\xff,p,1,1,1\n")
        << int(Format::Csv) << "f:2: invalid UTF-8";
  }
  void errorsNameLineItemAndField() {
    QFETCH(QByteArray, bytes);
    QFETCH(int, format);
    QFETCH(QString, message);
    QCOMPARE(errorOf(bytes, static_cast<Format>(format)), message);
  }

  // Label Studio: one item per submitted annotation and per prediction, as the export lists them.
  void labelStudioAnnotationsAndPredictions() {
    const QByteArray rating3 =
        "{\"from_name\": \"visual_score\", \"type\": \"rating\", \"value\": {\"rating\": 4}}, "
        "{\"from_name\": \"t2v_score\", \"type\": \"rating\", \"value\": {\"rating\": 3}}, "
        "{\"from_name\": \"phy_score\", \"type\": \"rating\", \"value\": {\"rating\": 2}}";
    const QByteArray json =
        "[{\"id\": 1, \"data\": {\"video\": \"/v/clip.mp4\", \"prompt\": \"p\", \"generator\": \"g\"},"
        " \"annotations\": ["
        "  {\"id\": 10, \"completed_by\": {\"id\": 1, \"email\": \"a@x.org\", \"first_name\": \"\", "
        "\"last_name\": \"\"},"
        "   \"result\": [" +
        rating3 +
        ", {\"id\": \"t\", \"from_name\": \"thinking\", \"to_name\": \"video\", \"type\": \"textarea\","
        "   \"value\": {\"text\": [\"one\", \"two\"]}}, {\"id\": \"c\", \"from_name\": \"artifacts\", "
        "\"to_name\": \"video\","
        "   \"type\": \"choices\", \"value\": {\"choices\": [\"has artifacts\"]}, \"origin\": \"manual\"}], "
        "\"was_cancelled\": false},"
        "  {\"id\": 11, \"completed_by\": 7, \"result\": [" +
        rating3 +
        "], \"was_cancelled\": true},"
        "  {\"id\": 12, \"completed_by\": 8, \"result\": [" +
        rating3 +
        "], \"was_cancelled\": false}],"
        " \"predictions\": [{\"id\": 3, \"model_version\": \"m1\", \"score\": 0.25, \"result\": [" +
        rating3 + "]}]}]";
    const auto items = parseItems(json, Format::LabelStudio, QStringLiteral("f"));
    QCOMPARE(items.size(), size_t(3));
    QCOMPARE(items[0].annotator, QByteArray("a@x.org"));
    QCOMPARE(items[0].annotatorKind, AnnotatorKind::Human);
    QCOMPARE(items[0].videoName, QByteArray("clip"));
    QCOMPARE(items[0].thinking, QByteArray("one\ntwo"));
    QCOMPARE(items[0].extra.size(), size_t(2));
    QCOMPARE(items[0].extra[0], (ExtraField{"generator", "\"g\""}));
    QCOMPARE(
        items[0].extra[1],
        (ExtraField{
            "artifacts",
            "{\"type\":\"choices\",\"to_name\":\"video\",\"value\":{\"choices\":[\"has artifacts\"]}}"}));
    QCOMPARE(items[1].annotator, QByteArray("ls-user-8"));  // user 7's annotation was cancelled
    QCOMPARE(items[1].extra.size(), size_t(1));
    QCOMPARE(items[2].annotator, QByteArray("m1"));
    QCOMPARE(items[2].annotatorKind, AnnotatorKind::Model);
    QCOMPARE(items[2].scores.value[2].value_or(0), 2.0);
    QCOMPARE(items[2].extra.back(), (ExtraField{"score", "0.25"}));
    QCOMPARE(detectFormat(QStringLiteral("t.json"), "{\n  \"id\": 1,\n  \"annotations\": []\n}"),
             Format::LabelStudio);
  }

  void csvQuotingAndLineEnds() {
    const QByteArray csv =
        "video_name,prompt,visual_score,t2v_score,phy_score,note\r\n"
        "a,\"x, \"\"y\"\"\r\nz\",1,2,3,plain\r\n"
        "b,,4-Relatively Good,3,5,\"\"\n";
    const auto items = parseItems(csv, Format::Csv, QStringLiteral("f"));
    QCOMPARE(items.size(), size_t(2));
    QCOMPARE(items[0].prompt, QByteArray("x, \"y\"\r\nz"));
    QCOMPARE(items[0].extra[0].key, QByteArray("note"));
    QCOMPARE(items[0].extra[0].jsonValue, QByteArray("\"plain\""));
    QCOMPARE(items[1].scores.value[0].value_or(0), 4.0);
    QCOMPARE(items[1].extra[0].jsonValue, QByteArray("\"\""));
    QCOMPARE(items[1].sourceLine, 4);
  }

  void predictionsGivenNullAndReparsed() {
    const QByteArray tail150(160, 'x');
    const QByteArray json =
        "[{\"video_name\": \"given\", \"v_score_gt\": 4, \"t_score_gt\": 3, \"p_score_gt\": 5,"
        "  \"v_score_model\": 3.5, \"t_score_model\": null, \"p_score_model\": 2, \"output\": \"o\"},"
        " {\"video_name\": \"reparsed\", \"output\": \"thinking...\\nVisual Quality: 4;\\ntext-to-video "
        "alignment: 2,\\n"
        "physical/common-sense consistency: 5\"},"
        " {\"video_name\": \"too_early\", \"output\": \"visual quality: 4; text-to-video alignment: 2, "
        "physical/common-sense consistency: 5 " +
        tail150 +
        "\"},"
        " {\"video_name\": \"nothing\", \"output\": \"no scores here\"}]";
    const auto items = parseItems(json, Format::Predictions, QStringLiteral("f"));
    QCOMPARE(items.size(), size_t(4));
    QCOMPARE(items[0].modelState, ModelScoreState::Given);
    QCOMPARE(items[0].scores.value[0].value_or(0), 4.0);
    QCOMPARE(items[0].modelScores.value[0].value_or(0), 3.5);
    QVERIFY(!items[0].modelScores.value[1]);
    QCOMPARE(items[1].modelState, ModelScoreState::ReparsedFromOutput);
    QCOMPARE(items[1].modelScores.value[0].value_or(0), 4.0);
    QCOMPARE(items[1].modelScores.value[1].value_or(0), 2.0);
    QCOMPARE(items[1].modelScores.value[2].value_or(0), 5.0);
    QVERIFY(items[1].scores.empty());
    // eval_vs2.py looks at the last 150 characters only.
    QCOMPARE(items[2].modelState, ModelScoreState::Unparsed);
    QCOMPARE(items[3].modelState, ModelScoreState::Unparsed);
  }

  void scoreLines() {
    Scores s;
    QVERIFY(parseScoreLines(
        "VISUAL QUALITY: 3\nblah\nText-to-Video Alignment:  4\nPhysical/Common-Sense Consistency:5", &s));
    QCOMPARE(s.value[1].value_or(0), 4.0);
    QVERIFY(!parseScoreLines("visual quality: 3, text-to-video alignment: 4", &s));
  }

  void missingFile() {
    try {
      readItems(QStringLiteral("/nonexistent/x.json"), Format::Vf2Json);
      QFAIL("no error");
    } catch (const vs::Error& e) {
      QCOMPARE(e.kind(), vs::Error::Kind::InvalidData);
      QCOMPARE(e.full(), QStringLiteral("/nonexistent/x.json: no such file"));
    }
  }
};

QTEST_GUILESS_MAIN(TestItemReader)
#include "test_item_reader.moc"
