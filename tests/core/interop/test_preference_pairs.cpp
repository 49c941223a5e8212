// core/interop/preference_pairs.cpp: the pairs file and Label Studio's pairwise export, read
// against tests/data/interop/make_labelstudio_pairwise.py's expectations and round-tripped.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "core/domain/error.h"
#include "core/interop/preference_pairs.h"

using namespace vs;
using namespace vs::interop;

namespace {

QByteArray readData(const char* name) {
  QFile f(QStringLiteral(VS_TEST_DATA_DIR "/interop/") + QLatin1String(name));
  if (!f.open(QIODevice::ReadOnly))
    qFatal("missing fixture %s", name);
  return f.readAll();
}

QString describe(const NamedPreference& p) {
  return QStringList{p.annotator,
                     p.left,
                     p.right,
                     p.prompt,
                     preferenceDimensionName(p.dimension),
                     preferenceChoiceName(p.choice),
                     presentationOrderName(p.order),
                     p.swapped ? QStringLiteral("swapped") : QStringLiteral("-"),
                     p.reason,
                     QString::number(p.timeSpentMs)}
      .join(QLatin1Char('|'));
}

QStringList describeAll(const QVector<NamedPreference>& all) {
  QStringList out;
  for (const auto& p : all)
    out << describe(p);
  return out;
}

}  // namespace

class TestPreferencePairs : public QObject {
  Q_OBJECT
 private slots:
  void readsLabelStudioPairwiseExport() {
    const QByteArray bytes = readData("labelstudio_pairwise.json");
    QCOMPARE(detectPreferenceFormat(bytes.left(64 * 1024)),
             std::optional(PreferenceFormat::LabelStudioPairwise));
    const auto read =
        readPreferences(bytes, PreferenceFormat::LabelStudioPairwise, QStringLiteral("ls.json"));
    const auto expected = readPreferences(readData("labelstudio_pairwise.expected_pairs.json"),
                                          PreferenceFormat::Pairs, QStringLiteral("expected.json"));
    QCOMPARE(expected.size(), 4);
    QCOMPARE(describeAll(read), describeAll(expected));
  }

  void labelStudioRoundTrip() {
    const auto original = readPreferences(readData("labelstudio_pairwise.json"),
                                          PreferenceFormat::LabelStudioPairwise, QStringLiteral("ls.json"));
    const QByteArray written = writePreferences(original, PreferenceFormat::LabelStudioPairwise);
    QCOMPARE(detectPreferenceFormat(written), std::optional(PreferenceFormat::LabelStudioPairwise));
    const auto again =
        readPreferences(written, PreferenceFormat::LabelStudioPairwise, QStringLiteral("again.json"));
    // lead_time is per annotation: the sum lands on the first dimension again.
    QCOMPARE(describeAll(again), describeAll(original));
    // The written results are Pairwise results as Label Studio makes them.
    QVERIFY(written.contains("\"type\": \"pairwise\""));
    QVERIFY(written.contains("\"selected\": \"left\""));
  }

  void labelStudioMirrorsAnOtherwiseShownPair() {
    NamedPreference a;
    a.annotator = QStringLiteral("ana");
    a.left = QStringLiteral("x");
    a.right = QStringLiteral("y");
    a.choice = PreferenceChoice::Left;
    NamedPreference b = a;
    b.annotator = QStringLiteral("bo");
    b.left = QStringLiteral("y");
    b.right = QStringLiteral("x");
    b.choice = PreferenceChoice::Left;  // bo preferred y
    const auto back = readPreferences(writePreferences({a, b}, PreferenceFormat::LabelStudioPairwise),
                                      PreferenceFormat::LabelStudioPairwise, QStringLiteral("m.json"));
    QCOMPARE(back.size(), 2);
    QCOMPARE(back[1].left, QStringLiteral("x"));
    QCOMPARE(back[1].choice, PreferenceChoice::Right);  // still y
  }

  void pairsRoundTripKeepsEverything() {
    NamedPreference p;
    p.annotator = QStringLiteral("ana");
    p.left = QStringLiteral("cat_b");
    p.right = QStringLiteral("cat_a");
    p.prompt = QStringLiteral("a cat");
    p.dimension = PreferenceDimension::T2V;
    p.choice = PreferenceChoice::Right;
    p.order = PresentationOrder::Randomised;
    p.swapped = true;
    p.reason = QStringLiteral("the sofa is missing");
    p.timeSpentMs = 5150;
    const QByteArray bytes = writePreferences({p}, PreferenceFormat::Pairs);
    QCOMPARE(detectPreferenceFormat(bytes), std::optional(PreferenceFormat::Pairs));
    QCOMPARE(describeAll(readPreferences(bytes, PreferenceFormat::Pairs, QStringLiteral("p.json"))),
             describeAll({p}));
    // Only the keys `vscore pairwise --pairs` needs are required; other spellings are accepted.
    const auto minimal = readPreferences(R"([{"left": "a", "right": "b", "preference": "rightvote"}])",
                                         PreferenceFormat::Pairs, QStringLiteral("m.json"));
    QCOMPARE(minimal.size(), 1);
    QCOMPARE(minimal[0].choice, PreferenceChoice::Right);
    QCOMPARE(minimal[0].dimension, PreferenceDimension::Overall);
  }

  void badInputIsInvalidData() {
    for (const char* text :
         {R"([{"left": "a", "right": "b", "preference": "maybe"}])",
          R"([{"left": "a", "preference": "left"}])",
          R"([{"left": "a", "right": "b", "preference": "left", "dimension": "sound"}])",
          R"([{"left": "a", "right": "b", "preference": "left", "time_spent_ms": -4}])", "[{"}) {
      try {
        readPreferences(text, PreferenceFormat::Pairs, QStringLiteral("bad.json"));
        QFAIL(text);
      } catch (const Error& e) {
        QCOMPARE(e.kind(), Error::Kind::InvalidData);
      }
    }
    QVERIFY_THROWS_EXCEPTION(
        Error,
        readPreferences(R"([{"data": {"video1": "a.mp4"}, "annotations": [{"result": [{"type": "pairwise",
            "from_name": "pw", "to_name": "pw", "value": {"selected": "left"}}]}]}])",
                        PreferenceFormat::LabelStudioPairwise, QStringLiteral("no-video2.json")));
    // Score files are not preference files.
    QVERIFY(!detectPreferenceFormat(readData("labelstudio_team.json").left(65536)));
    QVERIFY(!detectPreferenceFormat(readData("hard_text.json").left(65536)));
  }

  void writesFileAtomically() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.json"));
    NamedPreference p;
    p.left = QStringLiteral("a");
    p.right = QStringLiteral("b");
    writePreferencesFile(path, {p}, PreferenceFormat::Pairs);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(readPreferences(f.readAll(), PreferenceFormat::Pairs, path).size(), 1);
  }
};

QTEST_GUILESS_MAIN(TestPreferencePairs)
#include "test_preference_pairs.moc"
